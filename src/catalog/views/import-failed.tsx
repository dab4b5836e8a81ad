/** A refused catalog import: every error, nothing written. */
import { AdminLayout } from '../../platform/ui/layout.js';
import type { ImportError } from '../exchange/layout.js';
import { type C, ImportErrors } from './components.js';

export function ImportFailedPage(props: { c: C; id: number; unitName: string; errors: ImportError[] }) {
  const { c, id, errors } = props;
  return (
    <AdminLayout c={c} title={`导入目录：${props.unitName}`} current="catalogs">
      <ImportErrors errors={errors} />
      <p>
        <a class="button secondary" href={`/admin/catalogs/${id}`}>
          返回目录
        </a>
      </p>
    </AdminLayout>
  );
}
