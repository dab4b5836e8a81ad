/** 标准指引: the 26 domains' guidelines the county works from, and the import of full tables. */
import { Csrf, UploadProgress } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { ImportError } from '../exchange/layout.js';
import type { GuidelineDomain } from '../guidelines.js';
import { type C, ImportErrors } from './components.js';

export function GuidelinesPage(props: {
  c: C;
  list: GuidelineDomain[];
  canImport: boolean;
  errors?: ImportError[];
  flash?: string;
}) {
  const { c, list } = props;
  return (
    <AdminLayout c={c} title="标准指引" current="catalogs" flash={props.flash}>
      <p class="muted">
        26
        个试点领域的基层政务公开标准指引。随软件提供的是部分转录的事项；县政府办公室可导入所持有的完整指引表（Excel，按标准目录模板，每个工作表一个领域，工作表名为领域名称），导入后本县各单位按完整表采用事项。
      </p>
      {props.errors ? <ImportErrors errors={props.errors} /> : null}
      {props.canImport ? (
        <form
          method="post"
          action="/admin/catalogs/guidelines/import"
          enctype="multipart/form-data"
          class="form"
          data-progress
          novalidate
        >
          <Csrf token={c.get('csrf')} />
          <div class="field">
            <label for="f-gfile">完整指引表（.xlsx，不超过 5 MB）</label>
            <input id="f-gfile" type="file" name="file" accept=".xlsx" required />
          </div>
          <UploadProgress />
          <button type="submit" class="button">
            导入
          </button>
        </form>
      ) : null}
      <table class="data">
        <thead>
          <tr>
            <th scope="col">领域</th>
            <th scope="col">事项数</th>
            <th scope="col">来源</th>
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <tr>
              <td>{d.name}</td>
              <td>{d.rows.length}</td>
              <td>{d.partial ? `随软件提供（部分转录）` : d.completeness}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
