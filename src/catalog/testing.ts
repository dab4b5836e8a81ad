import { STANDARD_CHANNELS } from './model.js';

/** The item form as a browser sends it. */
export function itemForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    domain: '社会救助',
    level1: '临时救助',
    level2: '本镇临时救助资金发放',
    level3: '',
    elements: '●救助对象姓名●救助金额●发放时间',
    basis: '《社会救助暂行办法》',
    time_limit: '信息形成之日起20个工作日内',
    subject: '城关镇人民政府',
    channel_0: '1',
    [`channel_${STANDARD_CHANNELS.indexOf('社区/企事业单位/村公示栏（电子屏）')}`]: '1',
    extra_channels: '',
    audience_public: '1',
    mode_proactive: '1',
    tier_township: '1',
    specific_group: '',
    ...over,
  };
}
