/** The preview of a catalog import: what the file holds, replace or append, confirm. */
import { Csrf } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { CatalogItemData } from '../model.js';
import { byDomain, type C, ItemsTable } from './components.js';

/** A preview shows this many items; the rest are counted. */
const PREVIEW_LIMIT = 200;

export function ImportPreviewPage(props: {
  c: C;
  id: number;
  unitName: string;
  filename: string;
  /** How many items the catalog has now (a replacing import removes them). */
  existing: number;
  preview: { token: string; items: CatalogItemData[]; sheets: string[] };
}) {
  const { c, id, preview: p } = props;
  return (
    <AdminLayout c={c} title={`导入预览：${props.unitName}`} current="catalogs">
      <p>
        文件“{props.filename}”共 {p.items.length} 项（工作表：{p.sheets.join('、')}
        ），检查无误。确认后写入目录工作稿，提交审核并发布前不会出现在门户上。
      </p>
      <form method="post" action={`/admin/catalogs/${id}/import/confirm`} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <input type="hidden" name="token" value={p.token} />
        <fieldset>
          <legend>导入方式</legend>
          <div class="tick">
            <input type="radio" id="f-mode-replace" name="mode" value="replace" checked />
            <label for="f-mode-replace">替换目录中现有的 {props.existing} 项</label>
          </div>
          <div class="tick">
            <input type="radio" id="f-mode-append" name="mode" value="append" />
            <label for="f-mode-append">追加到现有事项之后</label>
          </div>
        </fieldset>
        <button type="submit" class="button">
          确认导入
        </button>
        <a class="button secondary" href={`/admin/catalogs/${id}`}>
          取消
        </a>
      </form>
      {p.items.length > PREVIEW_LIMIT ? (
        <p class="muted">
          以下仅显示前 {PREVIEW_LIMIT} 项；确认后全部 {p.items.length} 项都会写入。
        </p>
      ) : null}
      {byDomain(p.items.slice(0, PREVIEW_LIMIT).map((i, n) => ({ ...i, id: n + 1 }))).map(([domain, list]) => (
        <ItemsTable items={list} caption={domain} showParsed />
      ))}
    </AdminLayout>
  );
}
