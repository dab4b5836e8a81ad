/** Picking items of the unit's other catalogs into this one (补充目录, 面向村（居）目录). */
import { Csrf } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { CATALOG_KINDS, type CatalogKind } from '../kinds.js';
import type { CatalogItem } from '../model.js';
import { byDomain, type C, ItemsTable } from './components.js';

export function PickPage(props: { c: C; id: number; kind: string; categories: string[]; items: CatalogItem[] }) {
  const { c, id, items } = props;
  return (
    <AdminLayout c={c} title={`从本单位目录选取事项：${CATALOG_KINDS[props.kind as CatalogKind]}`} current="catalogs">
      {items.length === 0 ? (
        <p class="empty">本单位的其他目录中还没有事项。</p>
      ) : (
        <form method="post" action={`/admin/catalogs/${id}/pick`} novalidate>
          <Csrf token={c.get('csrf')} />
          <div class="field">
            <label for="f-category">列入类别</label>
            <select id="f-category" name="category" required>
              <option value="">（请选择）</option>
              {props.categories.map((k) => (
                <option value={k}>{k}</option>
              ))}
            </select>
          </div>
          {byDomain(items).map(([domain, list]) => (
            <ItemsTable
              items={list}
              caption={domain}
              extraHeader="选取"
              extra={(i) => (
                <>
                  <input type="checkbox" id={`f-pick-${i.id}`} name="items" value={String(i.id)} />
                  <label for={`f-pick-${i.id}`}>
                    选取
                    <span class="visually-hidden">
                      {i.level1}
                      {i.level2 ? ` / ${i.level2}` : ''}
                    </span>
                  </label>
                </>
              )}
            />
          ))}
          <button type="submit" class="button">
            选取所选事项
          </button>
          <a class="button secondary" href={`/admin/catalogs/${id}`}>
            取消
          </a>
        </form>
      )}
    </AdminLayout>
  );
}
