/**
 * Realistic county-government text for the benchmark: titles and bodies built from templates ×
 * townships × villages × items × dates, with digits, full-width digits and full-width punctuation.
 * Deterministic for a given random source.
 */

export type Rand = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const FW_DIGITS = '０１２３４５６７８９';
/** Full-width digits, as often typed in notices. */
export const fw = (n: number | string): string => String(n).replace(/[0-9]/g, (d) => FW_DIGITS[Number(d)]);
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const VILLAGES = [
  '南关村',
  '石桥村',
  '柳树湾村',
  '王家庄村',
  '李家沟村',
  '杨树坪村',
  '红星村',
  '新民村',
  '前进村',
  '张家河村',
  '刘家岭村',
  '河湾村',
  '东坡村',
  '西岭村',
  '北山村',
  '枣园村',
  '马家堡村',
  '白杨村',
  '东关社区',
  '幸福社区',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '明华建国秀英桂兰志强玉梅海燕德春花庆晓东红军丽娟永刚淑珍文杰金凤富贵小龙';
export const personMasked = (r: Rand) => `${pick(r, [...SURNAMES])}*${pick(r, [...GIVEN])}`;
export const personName = (r: Rand) =>
  `${pick(r, [...SURNAMES])}${pick(r, [...GIVEN])}${r() < 0.6 ? pick(r, [...GIVEN]) : ''}`;

const PROJECTS = [
  '道路硬化',
  '农村饮水安全巩固提升',
  '中心小学教学楼维修加固',
  '高标准农田建设',
  '污水管网改造',
  '村级活动场所新建',
  '河道综合治理',
  '太阳能路灯安装',
  '老旧小区改造',
  '卫生院门诊楼改造',
];
const POLICY_TOPICS = [
  '城乡居民最低生活保障审核确认实施细则',
  '临时救助实施办法',
  '农村危房改造补助资金管理办法',
  '政府投资项目管理办法',
  '森林防火工作实施方案',
  '城乡居民基本医疗保险工作实施方案',
  '安全生产专项整治三年行动实施方案',
  '优化营商环境若干措施',
  '耕地保护目标责任考核办法',
  '突发事件总体应急预案',
  '重点项目建设推进工作方案',
  '农村人居环境整治提升行动方案',
  '政务公开工作要点',
  '义务教育阶段学校招生入学工作方案',
  '征地补偿安置实施办法',
];
const NOTICE_TOPICS = [
  '城乡居民医疗保险参保缴费',
  '冬春季森林防火',
  '秸秆禁烧',
  '夏季防汛',
  '冬季取暖安全',
  '春季动物疫病防控',
  '农村劳动力转移就业培训',
  '适龄青年应征入伍',
  '耕地地力保护补贴发放',
  '城乡居民养老保险集中参保',
];
const FILLER = [
  '各村（社区）要高度重视，明确专人负责，确保各项工作按时保质完成。',
  '请各单位结合实际，认真抓好贯彻落实，工作中遇到的问题及时向县人民政府办公室反馈。',
  '本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准。',
  '坚持公开、公平、公正的原则，严格执行申请、审核、公示、审批程序，主动接受群众监督。',
  '对弄虚作假、优亲厚友、骗取套取资金等违规违纪行为，一经查实，依法依规严肃处理。',
  '联系人：社会事务办公室；联系电话：0000-6120011；地址：示范县城关镇人民路１号。',
  '各乡镇人民政府、街道办事处，县直各有关部门要加强协调配合，形成工作合力。',
  '（一）加强组织领导。成立工作领导小组，统筹推进各项工作。（二）强化资金保障。（三）严格督查考核。',
  '本信息由示范县人民政府办公室负责解释，具体事项可在工作日上午８：３０—１２：００、下午１４：３０—１７：３０咨询。',
  '全县共投入资金１２３．４５万元，覆盖６个乡镇（街道）、４２个行政村，受益群众２，３５６户。',
  '请广大群众相互转告，积极配合，共同做好相关工作。',
  '特此公告。',
];

export interface UnitInfo {
  id: number;
  name: string;
  kind: string;
  jurisdictionId: number;
  jurisdictionCode: string;
  township?: string;
}

export interface Template {
  key: string;
  weight: number;
  /** Which units publish it. */
  units: 'township' | 'department' | 'government' | 'any';
  /** Guideline domain whose catalog items the record fulfils (slug), if any. */
  domain?: string;
  columnItem: string;
  subject: string;
  genre: string;
  build(
    r: Rand,
    u: UnitInfo,
    date: string,
  ): { title: string; paragraphs: string[]; docNumber?: string; keywords: string[] };
}

const q = (m: number) => Math.floor((m - 1) / 3) + 1;
const placeOf = (u: UnitInfo) => u.township ?? '城关镇';
const unitShort = (u: UnitInfo) => u.name.replace(/^示范县/, '').replace(/人民政府$/, '');
const ymd = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function listRows(r: Rand, n: number, money: boolean): string {
  const rows: string[] = [];
  for (let i = 1; i <= n; i++) {
    rows.push(
      `${i}. ${personMasked(r)}，${pick(r, VILLAGES)}，家庭人口${int(r, 1, 6)}人${money ? `，月保障金额${r() < 0.5 ? fw(int(r, 300, 2400)) : int(r, 300, 2400)}元` : ''}；`,
    );
  }
  return rows.join('');
}

const DEPT_ABBR: Record<string, string> = {
  示范县发展和改革局: '示发改',
  示范县教育局: '示教',
  示范县公安局: '示公',
  示范县民政局: '示民',
  示范县司法局: '示司',
  示范县财政局: '示财',
  示范县人力资源和社会保障局: '示人社',
  示范县自然资源局: '示自然资',
  示范县住房和城乡建设局: '示住建',
  示范县交通运输局: '示交',
  示范县农业农村局: '示农',
  示范县卫生健康局: '示卫健',
  示范县应急管理局: '示应急',
  示范县市场监督管理局: '示市监',
  示范县医疗保障局: '示医保',
  示范县城市管理综合执法局: '示城管',
  示范县人民政府: '示政',
  示范县人民政府办公室: '示政办',
  示范县经济开发区管理委员会: '示开管',
};

export const TEMPLATES: readonly Template[] = [
  {
    key: 'dibao',
    weight: 18,
    units: 'township',
    domain: 'shehui-jiuzhu',
    columnItem: 'a21-社会救助',
    subject: '民政、扶贫、救灾\\社会福利',
    genre: '公示',
    build(r, u, date) {
      const y = date.slice(0, 4);
      const m = Number(date.slice(5, 7));
      const kind = pick(r, ['新增', '停发', '动态调整', '提标']);
      const n = int(r, 3, 25);
      return {
        title: `${placeOf(u)}${y}年第${CN_NUM[q(m) - 1]}季度城乡最低生活保障${kind}对象名单公示`,
        keywords: ['最低生活保障', '低保', '公示'],
        paragraphs: [
          `根据《社会救助暂行办法》和《示范省最低生活保障审核确认办法》规定，经本人申请、村（居）民委员会入户调查、民主评议，${placeOf(u)}人民政府审核，现将${y}年第${CN_NUM[q(m) - 1]}季度${kind}城乡最低生活保障（以下简称低保）对象名单予以公示，共${n}户${n + int(r, 0, n * 2)}人。`,
          listRows(r, n, kind !== '停发'),
          `公示期为${ymd(date)}起７个工作日。如有异议，请在公示期内向${placeOf(u)}社会事务办公室或示范县民政局反映，监督电话：0000-6120033。`,
        ],
      };
    },
  },
  {
    key: 'linshi',
    weight: 10,
    units: 'township',
    domain: 'shehui-jiuzhu',
    columnItem: 'a21-社会救助',
    subject: '民政、扶贫、救灾\\社会福利',
    genre: '公示',
    build(r, u, date) {
      const n = int(r, 2, 15);
      return {
        title: `${placeOf(u)}${date.slice(0, 4)}年${Number(date.slice(5, 7))}月临时救助对象公示`,
        keywords: ['临时救助', '公示'],
        paragraphs: [
          `为切实保障困难群众基本生活，根据《示范县临时救助实施办法》，经申请、审核，${placeOf(u)}拟对以下${n}户遭遇突发性、紧迫性、临时性生活困难的家庭给予临时救助，现予公示。`,
          listRows(r, n, false).replace(/；/g, `，救助金额${int(r, 5, 30)}00元；`),
          `公示期７个工作日（${ymd(date)}起）。对公示对象有异议的，可向${placeOf(u)}人民政府或示范县民政局反映。`,
        ],
      };
    },
  },
  {
    key: 'weifang',
    weight: 8,
    units: 'township',
    domain: 'nongcun-weifang-gaizao',
    columnItem: 'a20-11',
    subject: '城乡建设、环境保护\\城乡建设（含住房）',
    genre: '公示',
    build(r, u, date) {
      const phase = pick(r, ['补助对象', '竣工验收结果', '补助资金拨付']);
      const n = int(r, 3, 20);
      return {
        title: `${placeOf(u)}${date.slice(0, 4)}年农村危房改造${phase}公示`,
        keywords: ['危房改造', '公示'],
        paragraphs: [
          `按照示范县住房和城乡建设局、示范县财政局关于做好${date.slice(0, 4)}年农村危房改造工作的要求，经农户申请、村级评议、乡镇审核，现将${placeOf(u)}${n}户农村危房改造${phase}予以公示。`,
          listRows(r, n, false).replace(
            /；/g,
            `，改造方式：${pick(r, ['修缮加固', '拆除重建'])}，补助资金${fw(int(r, 10, 35))}，０００元；`,
          ),
          `公示时间：${ymd(date)}起７日。监督电话：0000-6120099（示范县住房和城乡建设局）。`,
        ],
      };
    },
  },
  {
    key: 'yusuan',
    weight: 10,
    units: 'department',
    domain: 'caizheng-yujuesuan',
    columnItem: 'a20-7',
    subject: '财政、金融、审计\\财政',
    genre: '报告',
    build(r, u, date) {
      const y = Number(date.slice(0, 4));
      const kind = pick(r, ['预算', '决算']);
      const year = kind === '预算' ? y : y - 1;
      const total = (int(r, 200, 90000) / 100).toFixed(2);
      return {
        title:
          u.name === '示范县财政局' && r() < 0.5
            ? `示范县${year}年财政预算执行情况和${year + 1}年财政预算草案`
            : `${u.name}${year}年部门${kind}公开`,
        keywords: ['财政预算', `部门${kind}`],
        paragraphs: [
          `根据《中华人民共和国预算法》和示范县财政局关于${year}年部门${kind}公开的通知要求，现将${u.name}${year}年部门${kind}公开如下。`,
          `一、部门基本情况。二、收支总体情况：${year}年收入${kind}总计${r() < 0.5 ? total : fw(total)}万元，其中一般公共预算财政拨款收入${(Number(total) * 0.86).toFixed(2)}万元；支出${kind}总计${total}万元。三、“三公”经费支出情况：因公出国（境）费０万元，公务接待费${(int(r, 10, 300) / 100).toFixed(2)}万元。`,
          `四、政府采购情况：${year}年政府采购${kind}${(int(r, 0, 5000) / 100).toFixed(2)}万元。五、名词解释：财政拨款收入是指县级财政当年拨付的资金。`,
        ],
      };
    },
  },
  {
    key: 'zhaobiao',
    weight: 12,
    units: 'any',
    domain: 'gonggong-ziyuan-jiaoyi',
    columnItem: 'a20-9',
    subject: '城乡建设、环境保护\\城乡建设（含住房）',
    genre: '公告',
    build(r, u, date) {
      const project = `${placeOf(u)}${pick(r, VILLAGES)}${pick(r, PROJECTS)}工程`;
      const kind = pick(r, ['招标公告', '中标结果公示', '竞争性磋商公告', '招标公告（第二次）']);
      const no = `SFX-${date.slice(0, 4)}-${String(int(r, 1, 999)).padStart(3, '0')}`;
      return {
        title: `${project}${kind}`,
        keywords: ['招标', kind.replace(/（.*）/, '')],
        paragraphs: [
          `项目编号：${no}；项目名称：${project}；招标人：${u.name}；招标代理机构：示范工程咨询有限公司。`,
          `一、项目概况：建设地点${placeOf(u)}${pick(r, VILLAGES)}，预算金额${fw(int(r, 20, 900))}．${fw(int(r, 10, 99))}万元，计划工期${int(r, 30, 240)}日历天。二、投标人资格要求：具有独立法人资格，具备市政公用工程施工总承包三级及以上资质。`,
          `三、招标文件获取：${ymd(date)}至投标截止时间前，登录示范县公共资源交易平台免费下载。四、投标截止时间：开标前１０日。联系人：${personName(r)}，电话：0000-6120188。`,
        ],
      };
    },
  },
  {
    key: 'zhengdi',
    weight: 8,
    units: 'any',
    domain: 'zhengdi-buchang',
    columnItem: 'a20-10',
    subject: '国土资源、能源\\土地',
    genre: '公告',
    build(r, u, date) {
      const y = date.slice(0, 4);
      const batch = int(r, 1, 30);
      const kind = pick(r, ['征收土地预公告', '征地补偿安置方案公告', '征收土地补偿登记公告']);
      const area = (int(r, 50, 9000) / 100).toFixed(4);
      return {
        title: `示范县${y}年第${batch}批次城镇建设用地${kind}`,
        keywords: ['征地', '补偿', '公告'],
        paragraphs: [
          `为了公共利益的需要，根据《中华人民共和国土地管理法》第四十七条规定，示范县人民政府拟征收${placeOf(u)}${pick(r, VILLAGES)}农民集体所有土地${area}公顷，现将有关事项公告如下。`,
          `一、征收范围：详见附图。二、土地现状调查：自公告之日起开展。三、补偿标准：执行示范省征地区片综合地价，每亩${fw(int(r, 30, 60))}，${fw(int(r, 100, 999))}元；地上附着物和青苗补偿按县级标准执行。`,
          `四、自本公告发布之日起，任何单位和个人不得在拟征收范围内抢栽抢建；违反规定抢栽抢建的，对抢栽抢建部分不予补偿。特此公告。${ymd(date)}`,
        ],
      };
    },
  },
  {
    key: 'zhengce',
    weight: 14,
    units: 'government',
    columnItem: 'a20-1',
    subject: '综合政务\\政务公开',
    genre: '通知',
    build(r, u, date) {
      const topic = pick(r, POLICY_TOPICS);
      const abbr = DEPT_ABBR[u.name] ?? '示政办';
      const docNumber = `${abbr}${u.kind === 'county_department' ? '' : ''}发〔${date.slice(0, 4)}〕${int(r, 1, 160)}号`;
      return {
        title: `${u.name}关于印发《示范县${topic}》的通知`,
        docNumber,
        keywords: ['政策文件', topic.slice(0, 4)],
        paragraphs: [
          docNumber,
          `各乡镇人民政府、街道办事处，县直各有关单位：现将《示范县${topic}》印发给你们，请认真贯彻执行。`,
          `第一条　为进一步规范工作程序，根据有关法律法规和政策文件规定，结合本县实际，制定本${topic.slice(-2)}。第二条　本${topic.slice(-2)}适用于本县行政区域内的相关工作。`,
          `第三条　县人民政府统一领导，${pick(r, Object.keys(DEPT_ABBR))}具体负责组织实施。第四条　本${topic.slice(-2)}自${ymd(date)}起施行，有效期５年。`,
        ],
      };
    },
  },
  {
    key: 'tongzhi',
    weight: 10,
    units: 'any',
    columnItem: 'a20-12',
    subject: '综合政务\\应急管理',
    genre: '通知',
    build(r, u, date) {
      const topic = pick(r, NOTICE_TOPICS);
      return {
        title: `${unitShort(u)}关于做好${date.slice(0, 4)}年${topic}工作的通知`,
        keywords: [topic.slice(0, 4), '通知'],
        paragraphs: [
          `各村（社区）、各有关单位：为切实做好${date.slice(0, 4)}年${topic}工作，保障人民群众生命财产安全和切身利益，现将有关事项通知如下。`,
          `一、时间安排：${ymd(date)}起至${Number(date.slice(5, 7)) < 12 ? `${Number(date.slice(5, 7)) + 1}月底` : '次年1月底'}。二、工作要求：（一）提高思想认识；（二）落实工作责任；（三）加强宣传引导。`,
        ],
      };
    },
  },
  {
    key: 'tongji',
    weight: 10,
    units: 'department',
    columnItem: 'a20-4',
    subject: '国民经济管理、国有资产监管\\统计',
    genre: '统计数据',
    build(r, u, date) {
      const y = date.slice(0, 4);
      const m = Number(date.slice(5, 7));
      return {
        title: `示范县${y}年1—${m}月国民经济主要指标`,
        keywords: ['统计', '国民经济'],
        paragraphs: [
          `${y}年1—${m}月，全县地区生产总值增长${(int(r, 20, 80) / 10).toFixed(1)}%，规模以上工业增加值增长${(int(r, 10, 120) / 10).toFixed(1)}%，固定资产投资完成${fw(int(r, 10, 99))}．${int(r, 1, 9)}亿元。`,
          `社会消费品零售总额${int(r, 10, 60)}．${int(r, 1, 9)}亿元；城镇居民人均可支配收入${fw(int(r, 18000, 42000))}元，农村居民人均可支配收入${int(r, 9000, 22000)}元。数据来源：${u.name}。`,
        ],
      };
    },
  },
];

/** Pick a template by weight. */
export function pickTemplate(r: Rand): Template {
  const total = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  let x = r() * total;
  for (const t of TEMPLATES) {
    x -= t.weight;
    if (x < 0) return t;
  }
  return TEMPLATES[TEMPLATES.length - 1];
}

/** Bodies of 300–1,500 characters (skewed towards the short end): template paragraphs padded with filler. */
export function bodyOf(r: Rand, paragraphs: string[]): string[] {
  const target = 300 + Math.floor(r() ** 1.5 * 1200);
  const out = [...paragraphs];
  let len = out.reduce((s, p) => s + p.length, 0);
  while (len < target) {
    const p = pick(r, FILLER);
    out.splice(Math.max(1, out.length - 1), 0, p);
    len += p.length;
  }
  // Trim the longest paragraph if well above 1,500.
  if (len > 1500) {
    const i = out.reduce((best, p, j) => (p.length > out[best].length ? j : best), 0);
    out[i] = out[i].slice(0, Math.max(50, out[i].length - (len - 1500)));
  }
  return out;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
