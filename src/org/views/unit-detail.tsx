/** A unit's page: its record, its 政府信息公开工作机构 and the edit buttons the person may use. */
import type { Context } from 'hono';
import { formatTime } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { OFFICE_FIELDS, UNIT_KIND_LABELS, type UnitKind } from '../model.js';
import type { UnitRow } from '../service.js';

export function UnitDetailPage(props: {
  c: Context<AppEnv>;
  unit: UnitRow;
  rights: { full: boolean; office: boolean };
  flash?: string;
}) {
  const { c, unit: u, rights } = props;
  return (
    <AdminLayout c={c} title={u.name} current="units" flash={props.flash}>
      <dl class="meta">
        <dt>单位全称</dt>
        <dd>{u.name}</dd>
        <dt>简称</dt>
        <dd>{u.short_name ?? '—'}</dd>
        <dt>单位类型</dt>
        <dd>{UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind}</dd>
        <dt>所属行政区</dt>
        <dd>
          {u.jurisdiction_name}（{u.jurisdiction_code}）
        </dd>
        <dt>统一社会信用代码</dt>
        <dd>{u.credit_code ?? '—'}</dd>
        <dt>受理依申请公开</dt>
        <dd>{u.receives_requests === 1 ? '是' : '否'}</dd>
        <dt>状态</dt>
        <dd>{u.active === 1 ? '启用' : '停用'}</dd>
        <dt>更新时间</dt>
        <dd>{formatTime(u.updated_at)}</dd>
      </dl>
      <h2>政府信息公开工作机构</h2>
      <dl class="meta">
        {OFFICE_FIELDS.map(([k, label]) => (
          <>
            <dt>{label}</dt>
            <dd>{u[k] ?? '—'}</dd>
          </>
        ))}
      </dl>
      <p>
        {rights.full ? (
          <>
            <a class="button" href={`/admin/units/${u.id}/edit`}>
              编辑单位
            </a>{' '}
          </>
        ) : null}
        {!rights.full && rights.office ? (
          <>
            <a class="button" href={`/admin/units/${u.id}/office`}>
              编辑公开工作机构信息
            </a>{' '}
          </>
        ) : null}
        <a class="button secondary" href={`/xxgk/zhinan/${u.id}`}>
          查看门户上的公开指南
        </a>
      </p>
    </AdminLayout>
  );
}
