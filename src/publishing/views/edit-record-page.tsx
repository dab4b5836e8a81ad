/** The form of an existing record: a draft is edited, a published record gets a change (新版本). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import type { RecordRow } from '../core.js';
import type { editRecordForm } from '../staff.js';
import { RecordForm } from './record-form.js';

/** The values of a stored record as the form shows them. */
function recordValues(r: RecordRow, itemIds: number[]): Values {
  return {
    kind: r.kind,
    policy_id: r.policy_id ?? '',
    interp_form: r.interp_form ?? '',
    title: r.title,
    index_no: r.index_no,
    doc_number: r.doc_number ?? '',
    written_on: r.written_on ?? '',
    formed_on: r.formed_on,
    subject: r.subject,
    genre: r.genre,
    keywords: r.keywords,
    summary: r.summary,
    attribute: r.attribute,
    attribute_reason: r.attribute_reason ?? '',
    attribute_note: r.attribute_note ?? '',
    validity: r.validity,
    validity_on: r.validity_on ?? '',
    doc_class: r.doc_class ?? '',
    column_slug: r.column_slug,
    column_item: r.column_item ?? '',
    body: r.body_html,
    item_ids: itemIds.map(String),
    needs_interpretation: r.needs_interpretation ? '1' : '',
  };
}

export interface EditRecordPageProps {
  c: Context<AppEnv>;
  v: Awaited<ReturnType<typeof editRecordForm>>;
  /** The values submitted (when the form is shown again with errors). */
  values?: Values;
  errors?: Errors;
}

export function EditRecordPage(props: EditRecordPageProps) {
  const { c, v, errors } = props;
  const id = v.record.id;
  const items = v.choices;
  const published = v.record.status === 'published';
  const initial =
    props.values ??
    (published && v.pending
      ? v.pending
      : recordValues(
          v.record,
          v.items.map((i) => i.catalog_item_id),
        ));
  return (
    <AdminLayout c={c} title={published ? `变更《${v.record.title}》` : `修改《${v.record.title}》`} current="records">
      <p>
        <a href={`/admin/records/${id}`}>返回信息页</a>　发布单位：{v.unit.name}
      </p>
      <RecordForm
        action={`/admin/records/${id}`}
        csrf={c.get('csrf')}
        values={initial}
        errors={errors}
        items={items}
        level={v.unit.jurisdiction_level}
        mode="edit"
        kind={v.record.kind === 'interpretation' ? 'interpretation' : 'info'}
        policy={v.policy ? { id: v.policy.id, title: v.policy.title } : null}
        published={published}
        indexNo={v.record.index_no}
      />
    </AdminLayout>
  );
}
