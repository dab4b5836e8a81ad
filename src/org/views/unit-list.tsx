/** 单位管理: the units the signed-in person may see, with a filter by name and kind. */
import type { Context } from 'hono';
import { SelectField, TextField, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../model.js';
import type { UnitRow } from '../service.js';

export function UnitListPage(props: {
  c: Context<AppEnv>;
  units: UnitRow[];
  /** The filter as asked (the query string). */
  query: Values;
  canCreate: boolean;
  flash?: string;
}) {
  const { c, units: list, query: q } = props;
  return (
    <AdminLayout c={c} title="单位管理" current="units" flash={props.flash}>
      {props.canCreate ? (
        <p>
          <a class="button" href="/admin/units/new">
            新建单位
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/units" class="filters" role="search" aria-label="筛选单位">
        <TextField name="q" label="单位名称" values={q} />
        <SelectField
          name="kind"
          label="单位类型"
          values={q}
          placeholder="全部"
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
        />
        <button type="submit" class="button secondary">
          筛选
        </button>
      </form>
      <p class="muted">共 {list.length} 个单位。</p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">单位全称</th>
              <th scope="col">类型</th>
              <th scope="col">行政区</th>
              <th scope="col">政府信息公开工作机构</th>
              <th scope="col">联系电话</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/units/${u.id}`}>{u.name}</a>
                </td>
                <td>{UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind}</td>
                <td>{u.jurisdiction_name}</td>
                <td>{u.office_name ?? '—'}</td>
                <td>{u.office_phone ?? '—'}</td>
                <td>{u.active === 1 ? '启用' : '停用'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}
