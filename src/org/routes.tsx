import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  TextField,
  SelectField,
  CheckboxField,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { ValidationError } from '../platform/errors.js';
import { requireActor, formBody, flashOf } from '../platform/web/guards.js';
import { can, assertCan, type Actor } from '../platform/access.js';
import * as org from './service.js';
import {
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  LEVEL_LABELS,
  OFFICE_FIELDS,
  type UnitKind,
  type JurisdictionLevel,
} from './model.js';

const LABELS: Record<string, string> = {
  name: '单位全称',
  short_name: '简称',
  kind: '单位类型',
  jurisdiction_id: '所属行政区',
  parent_id: '上级单位',
  credit_code: '统一社会信用代码',
  sort_order: '排序号',
  receives_requests: '受理依申请公开',
  active: '启用',
  ...Object.fromEntries(OFFICE_FIELDS),
};

const OFFICE_HINTS: Record<string, string> = {
  office_name: '如：示范县人民政府办公室政务公开股',
  office_hours: '如：工作日上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）',
  office_phone: '含区号，如：0000-1234567',
  office_website: '网址或其他互联网联系方式',
};

function OfficeFields(props: { values: Values; errors?: Errors }) {
  return (
    <fieldset>
      <legend>政府信息公开工作机构（《中华人民共和国政府信息公开条例》第四条、第十二条）</legend>
      {OFFICE_FIELDS.map(([k, label]) => (
        <TextField
          name={k}
          label={label}
          values={props.values}
          errors={props.errors}
          hint={OFFICE_HINTS[k]}
          type={k === 'office_email' ? 'email' : 'text'}
          inputmode={k === 'office_postcode' ? 'numeric' : undefined}
        />
      ))}
    </fieldset>
  );
}

async function unitFormPage(
  c: Context<AppEnv>,
  actor: Actor,
  opts: { values: Values; errors?: Errors; id?: number; officeOnly?: boolean; title: string },
  status = 200,
) {
  const db = c.get('deps').db;
  const isNew = opts.id === undefined;
  const jurisdictions = opts.officeOnly
    ? []
    : await org.listJurisdictionsFor(db, actor, isNew ? 'unit.create' : 'unit.update');
  const parents = opts.officeOnly ? [] : (await org.listUnits(db, actor)).filter((u) => u.id !== opts.id);
  const action = isNew
    ? '/admin/units'
    : opts.officeOnly
      ? `/admin/units/${opts.id}/office`
      : `/admin/units/${opts.id}`;
  return page(
    c,
    <AdminLayout c={c} title={opts.title} current="units">
      <form method="post" action={action} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={opts.errors} labels={LABELS} />
        {opts.officeOnly ? null : (
          <fieldset>
            <legend>单位基本信息</legend>
            <TextField
              name="name"
              label="单位全称"
              values={opts.values}
              errors={opts.errors}
              required
              maxlength={60}
              hint="发布机构须使用全称，如“示范县民政局”。"
            />
            <TextField name="short_name" label="简称" values={opts.values} errors={opts.errors} maxlength={20} />
            <SelectField
              name="kind"
              label="单位类型"
              values={opts.values}
              errors={opts.errors}
              required
              placeholder="（请选择）"
              options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
            />
            <SelectField
              name="jurisdiction_id"
              label="所属行政区"
              values={opts.values}
              errors={opts.errors}
              required
              placeholder="（请选择）"
              options={jurisdictions.map((j) => ({
                value: j.id,
                label: `${j.name}（${LEVEL_LABELS[j.level as JurisdictionLevel] ?? j.level}，${j.code}）`,
              }))}
            />
            <SelectField
              name="parent_id"
              label="上级单位"
              values={opts.values}
              errors={opts.errors}
              placeholder="（无）"
              options={parents.map((u) => ({ value: u.id, label: u.name }))}
              hint="如村（居）委会的上级为所在乡镇政府或街道办事处。"
            />
            <TextField
              name="credit_code"
              label="统一社会信用代码"
              values={opts.values}
              errors={opts.errors}
              maxlength={18}
              hint="18 位，用于生成索引号。"
            />
            <TextField
              name="sort_order"
              label="排序号"
              values={opts.values}
              errors={opts.errors}
              inputmode="numeric"
              hint="数字越小越靠前。"
            />
            <CheckboxField
              name="receives_requests"
              label="受理政府信息公开申请"
              checked={Boolean(opts.values.receives_requests)}
              errors={opts.errors}
              hint="条例第二十七条：地方各级人民政府和对外以自己名义履行行政管理职能的县级以上人民政府部门受理申请。"
            />
            <CheckboxField
              name="active"
              label="启用"
              checked={Boolean(opts.values.active)}
              errors={opts.errors}
              hint="停用的单位不在门户显示，也不能分配新角色。"
            />
          </fieldset>
        )}
        <OfficeFields values={opts.values} errors={opts.errors} />
        <button type="submit" class="button">
          {isNew ? '创建单位' : '保存'}
        </button>
        <a class="button secondary" href={isNew ? '/admin/units' : `/admin/units/${opts.id}`}>
          取消
        </a>
      </form>
    </AdminLayout>,
    status,
  );
}

const checkboxValues = (body: Record<string, string>) => ({
  ...body,
  receives_requests: body.receives_requests ?? '',
  active: body.active ?? '',
});

export function orgRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/units', async (c) => {
    const actor = requireActor(c);
    const q = c.req.query();
    const kind = UNIT_KINDS.includes(q.kind as UnitKind) ? q.kind : undefined;
    const list = await org.listUnits(c.get('deps').db, actor, { kind, q: q.q?.trim() || undefined });
    return page(
      c,
      <AdminLayout c={c} title="单位管理" current="units" flash={flashOf(c)}>
        {can(actor, 'unit.create') ? (
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
      </AdminLayout>,
    );
  });

  r.get('/units/new', async (c) => {
    const actor = requireActor(c);
    assertCan(actor, 'unit.create');
    return unitFormPage(c, actor, { values: { active: 1, receives_requests: 1 }, title: '新建单位' });
  });

  r.post('/units', async (c) => {
    const actor = requireActor(c);
    const body = checkboxValues(await formBody(c));
    try {
      const id = await org.createUnit(c.get('deps').db, actor, body);
      return c.redirect(`/admin/units/${id}?done=created`, 303);
    } catch (err) {
      if (err instanceof ValidationError)
        return unitFormPage(c, actor, { values: body, errors: err.fieldErrors, title: '新建单位' }, 422);
      throw err;
    }
  });

  r.get('/units/:id{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const u = await org.getUnit(c.get('deps').db, actor, Number(c.req.param('id')));
    const rights = org.canEditUnit(actor, u);
    return page(
      c,
      <AdminLayout c={c} title={u.name} current="units" flash={flashOf(c)}>
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
      </AdminLayout>,
    );
  });

  r.get('/units/:id{[0-9]+}/edit', async (c) => {
    const actor = requireActor(c);
    const u = await org.getUnit(c.get('deps').db, actor, Number(c.req.param('id')), 'unit.update');
    return unitFormPage(c, actor, { values: u as unknown as Values, id: u.id, title: `编辑单位：${u.name}` });
  });

  r.post('/units/:id{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = checkboxValues(await formBody(c));
    try {
      await org.updateUnit(c.get('deps').db, actor, id, body);
      return c.redirect(`/admin/units/${id}?done=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError)
        return unitFormPage(c, actor, { values: body, errors: err.fieldErrors, id, title: '编辑单位' }, 422);
      throw err;
    }
  });

  r.get('/units/:id{[0-9]+}/office', async (c) => {
    const actor = requireActor(c);
    const u = await org.getUnit(c.get('deps').db, actor, Number(c.req.param('id')), 'unit.updateOffice');
    return unitFormPage(c, actor, {
      values: u as unknown as Values,
      id: u.id,
      officeOnly: true,
      title: `公开工作机构信息：${u.name}`,
    });
  });

  r.post('/units/:id{[0-9]+}/office', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await org.updateUnitOffice(c.get('deps').db, actor, id, body);
      return c.redirect(`/admin/units/${id}?done=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError)
        return unitFormPage(
          c,
          actor,
          { values: body, errors: err.fieldErrors, id, officeOnly: true, title: '公开工作机构信息' },
          422,
        );
      throw err;
    }
  });

  return r;
}
