/** The records page (信息发布): the list within the actor's reach, its filters and the links to the other lists. */
import type { Context } from 'hono';
import type { UnitRow } from '../../org/api.js';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { Pager, SelectField, TextField } from '../../platform/ui/forms.js';
import { RECORD_KINDS, STATUS_LABELS } from '../model.js';
import type { listForStaff } from '../staff.js';
import { attributeLabel, DueCell, StatusText } from './components.js';

export interface RecordsPageProps {
  c: Context<AppEnv>;
  /** The query of the page (its filters). */
  q: Record<string, string>;
  list: Awaited<ReturnType<typeof listForStaff>>;
  units: UnitRow[];
  editable: UnitRow[];
  canSettings: boolean;
  today: string;
}

export function RecordsPage(props: RecordsPageProps) {
  const { c, q, list, units, editable, today } = props;
  const params = (page: number) =>
    `/admin/records?${new URLSearchParams([...Object.entries(q).filter(([k, v]) => k !== 'page' && v), ['page', String(page)]])}`;
  const statuses = [...Object.entries(STATUS_LABELS), ['changing', '变更待审']];
  return (
    <AdminLayout c={c} title="信息发布" current="records">
      <p class="actions">
        {editable.length ? (
          <a
            class="button"
            href={editable.length === 1 ? `/admin/records/new?unit=${editable[0].id}` : '/admin/records/new'}
          >
            起草信息
          </a>
        ) : null}{' '}
        <a href="/admin/records/deadlines">公开时限监督</a>{' '}
        <a href="/admin/records/assessments">不予公开信息定期评估</a>{' '}
        <a href="/admin/records/interpretations">缺少解读的政策文件</a>
        {editable.length ? (
          <>
            {' '}
            <a href="/admin/records/cleanup">生成清理结果</a>
          </>
        ) : null}
        {props.canSettings ? (
          <>
            {' '}
            <a href="/admin/records/settings">信息发布设置</a>
          </>
        ) : null}
      </p>
      <form method="get" action="/admin/records" class="filters" role="search" aria-label="筛选信息">
        {units.length > 1 ? (
          <SelectField
            name="unit"
            label="单位"
            values={q}
            placeholder="全部"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
        <SelectField
          name="status"
          label="状态"
          values={q}
          placeholder="全部"
          options={statuses.map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="kind"
          label="类型"
          values={q}
          placeholder="全部"
          options={Object.entries(RECORD_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="q" label="标题关键词或索引号" values={q} maxlength={100} />
        <button type="submit" class="button secondary">
          筛选
        </button>
      </form>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">单位</th>
              <th scope="col">索引号</th>
              <th scope="col">公开属性</th>
              <th scope="col">状态</th>
              <th scope="col">公开期限</th>
              <th scope="col">发布日期</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((x) => (
              <tr>
                <td>
                  <a href={`/admin/records/${x.id}`}>{x.title}</a>
                  {x.kind === 'interpretation' ? <span class="muted">（政策解读）</span> : null}
                </td>
                <td>{x.unit_name}</td>
                <td class="nowrap">{x.index_no}</td>
                <td>{attributeLabel(x.attribute)}</td>
                <td>
                  <StatusText status={x.status} pending={x.pending_status} />
                </td>
                <td class="nowrap">
                  <DueCell record={x} today={today} />
                </td>
                <td class="nowrap">{x.published_on ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.rows.length === 0 ? <p class="empty">没有符合条件的信息。</p> : null}
      <Pager page={list.page} hasNext={list.hasNext} href={params} />
    </AdminLayout>
  );
}
