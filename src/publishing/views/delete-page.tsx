/** Deleting a never-published draft: a confirmation page with a required checkbox (no JavaScript). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { CheckboxField, Csrf, ErrorSummary, type Errors } from '../../platform/ui/forms.js';
import type { RecordRow } from '../core.js';

export function DeletePage(props: { c: Context<AppEnv>; record: RecordRow; errors?: Errors }) {
  const { c, record, errors } = props;
  const id = record.id;
  return (
    <AdminLayout c={c} title="删除草稿" current="records">
      <p>
        将删除未发布的草稿《{record.title}》（索引号 {record.index_no}
        ）及其附件，删除后不能恢复，索引号也不再使用。已发布的信息不能删除，只能撤回。
      </p>
      <form method="post" action={`/admin/records/${id}/delete`} class="form narrow" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={errors} labels={{ confirm: '确认' }} />
        <CheckboxField name="confirm" label="我确认删除这份草稿" errors={errors} checked={false} />
        <button type="submit" class="button danger">
          删除草稿
        </button>{' '}
        <a href={`/admin/records/${id}`}>取消</a>
      </form>
    </AdminLayout>
  );
}
