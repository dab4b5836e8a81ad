/** A unit's 政府信息公开指南 (/xxgk/zhinan/:id). */
import type { Context } from 'hono';
import { UNIT_KIND_LABELS, type UnitKind } from '../../org/model.js';
import type { UnitRow } from '../../org/service.js';
import { formatTime } from '../../platform/ui/forms.js';
import type { SiteInfo } from '../../platform/web/env.js';
import { ObtainSection } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function UnitGuidePage(props: { c: Context<AppEnv>; site: SiteInfo; unit: UnitRow }) {
  const { c, site, unit: u } = props;
  return (
    <PortalLayout
      c={c}
      title={`${u.name}政府信息公开指南`}
      current="zhinan"
      crumbs={[{ href: '/xxgk/zhinan', label: '政府信息公开指南' }, { label: u.name }]}
    >
      <article class="doc">
        <h1>{u.name}政府信息公开指南</h1>
        <p>
          根据《中华人民共和国政府信息公开条例》第十二条，编制{u.name}政府信息公开指南。单位类型：
          {UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind}。
        </p>
        <h2>一、政府信息的分类与编排体系</h2>
        <p>
          {u.name}主动公开的政府信息在{site.name}政府信息公开平台按“法定主动公开内容”和重点领域栏目分类编排。
        </p>
        <ObtainSection siteName={site.name} />
        {u.receives_requests !== 1 ? (
          <p class="notice">本单位不单独受理政府信息公开申请，请向其所属行政机关提出。</p>
        ) : null}
        <h2>三、政府信息公开工作机构</h2>
        <dl class="meta">
          <dt>工作机构名称</dt>
          <dd>{u.office_name ?? '—'}</dd>
          <dt>办公地址</dt>
          <dd>{u.office_address ?? '—'}</dd>
          <dt>办公时间</dt>
          <dd>{u.office_hours ?? '—'}</dd>
          <dt>联系电话</dt>
          <dd>{u.office_phone ?? '—'}</dd>
          <dt>传真号码</dt>
          <dd>{u.office_fax ?? '—'}</dd>
          <dt>电子邮箱</dt>
          <dd>{u.office_email ?? '—'}</dd>
          <dt>互联网联系方式</dt>
          <dd>{u.office_website ?? '—'}</dd>
          <dt>邮政编码</dt>
          <dd>{u.office_postcode ?? '—'}</dd>
        </dl>
        <p class="muted">最近更新：{formatTime(u.updated_at)}。</p>
      </article>
    </PortalLayout>
  );
}
