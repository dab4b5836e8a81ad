import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { listUnits, getUnit, createUnit, updateUnit, updateUnitOffice, publicUnits } from './service.js';
import { ValidationError, ForbiddenError } from '../platform/errors.js';
import { DEMO } from './seed.js';

const base = { short_name: '', credit_code: '', sort_order: '', parent_id: '', receives_requests: '1', active: '1' };

describeEachDb('org service', (db) => {
  it('seeds the demo county: 6 townships/streets, 16 departments, 5 villages', async () => {
    await seedDemoDb(db());
    const all = await publicUnits(db(), DEMO.county.code);
    const kinds: Record<string, number> = {};
    for (const u of all) kinds[u.kind] = (kinds[u.kind] ?? 0) + 1;
    expect(kinds).toEqual({
      county_government: 1,
      county_office: 1,
      county_department: 16,
      management_committee: 1,
      township_government: 4,
      subdistrict_office: 2,
      village_committee: 5,
    });
  });

  it('shows a township editor only the own unit', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    expect((await listUnits(db(), editor)).map((u) => u.name)).toEqual(['城关镇人民政府']);
    const shiqiao = await unitIdByName(db(), '石桥镇人民政府');
    await expect(getUnit(db(), editor, shiqiao)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateUnitOffice(db(), editor, shiqiao, { office_phone: '0000-1111111' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      updateUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'), {
        ...base,
        name: '改名',
        kind: 'township_government',
        jurisdiction_id: '1',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets a unit editor keep the own 公开工作机构 record, audited with before and after', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await unitIdByName(db(), '城关镇人民政府');
    const before = await getUnit(db(), editor, id);
    await updateUnitOffice(db(), editor, id, {
      office_name: '城关镇党政综合办公室',
      office_phone: '0000-7654321',
      office_postcode: '999101',
      office_email: 'cgz@shifan.example',
    });
    const after = await getUnit(db(), editor, id);
    expect(after.office_phone).toBe('0000-7654321');
    expect(after.office_address).toBeNull(); // fields left empty are cleared: the form sends every field
    const e = await db()
      .k.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'unit.update_office')
      .where('object_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(e.before_json!).office_phone).toBe(before.office_phone);
    expect(JSON.parse(e.after_json!).office_phone).toBe('0000-7654321');
    expect(e.unit_id).toBe(id);
  });

  it('validates every field of a unit and writes nothing on error', async () => {
    const gkb = await actorFor(db(), 'gkb');
    const count = (await db().k.selectFrom('units').select('id').execute()).length;
    const e = await createUnit(db(), gkb, {
      ...base,
      name: '',
      kind: 'bogus',
      jurisdiction_id: '',
      credit_code: '91350100M000100Y44',
      office_email: 'not-an-email',
      office_postcode: '12345',
      office_phone: 'call me',
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors).toEqual({
      name: '请填写单位全称',
      kind: '请选择单位类型',
      jurisdiction_id: '请选择所属行政区',
      credit_code: '统一社会信用代码校验不通过，请核对 18 位代码',
      office_email: '电子邮箱格式不正确',
      office_postcode: '邮政编码应为 6 位数字',
      office_phone: '联系电话格式不正确，只能包含数字、区号连接符和“转”',
    });
    expect((await db().k.selectFrom('units').select('id').execute()).length).toBe(count);
  });

  it('checks that the unit kind fits the jurisdiction level and that names are unique', async () => {
    const gkb = await actorFor(db(), 'gkb');
    const county = await db()
      .k.selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', DEMO.county.code)
      .executeTakeFirstOrThrow();
    const e = await createUnit(db(), gkb, {
      ...base,
      name: '某镇人民政府',
      kind: 'township_government',
      jurisdiction_id: String(county.id),
    }).catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors.kind).toBe('“乡镇政府”应属于乡镇（街道）行政区，而“示范县”是县级行政区');
    const dup = await createUnit(db(), gkb, {
      ...base,
      name: '示范县民政局',
      kind: 'county_department',
      jurisdiction_id: String(county.id),
    }).catch((x: unknown) => x);
    expect((dup as ValidationError).fieldErrors.name).toBe('示范县已有名为“示范县民政局”的单位');
  });

  it('creates and edits a department as the county office, audited', async () => {
    const gkb = await actorFor(db(), 'gkb');
    const county = await db()
      .k.selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', DEMO.county.code)
      .executeTakeFirstOrThrow();
    const id = await createUnit(db(), gkb, {
      ...base,
      name: '示范县统计局',
      kind: 'county_department',
      jurisdiction_id: String(county.id),
      credit_code: '91350100m000100y43',
      office_phone: '0000-1234567',
    });
    const u = await getUnit(db(), gkb, id);
    expect(u).toMatchObject({
      name: '示范县统计局',
      credit_code: '91350100M000100Y43',
      active: 1,
      receives_requests: 1,
    });
    await updateUnit(db(), gkb, id, {
      ...base,
      name: '示范县统计局',
      kind: 'county_department',
      jurisdiction_id: String(county.id),
      credit_code: '91350100M000100Y43',
      receives_requests: '',
      office_phone: '0000-1234568',
    });
    const entries = await db()
      .k.selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', 'unit')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(entries.map((x) => x.action)).toEqual(['unit.create', 'unit.update']);
    expect(JSON.parse(entries[1].before_json!)).toEqual({ receives_requests: 1, office_phone: '0000-1234567' });
    expect(JSON.parse(entries[1].after_json!)).toEqual({ receives_requests: 0, office_phone: '0000-1234568' });
  });

  it('does not let a county office admin reach another county', async () => {
    const gkb = await actorFor(db(), 'gkb');
    const j = await db()
      .k.insertInto('jurisdictions')
      .values({ code: '770101', name: '外县', level: 'county', parent_id: null, created_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await createUnit(db(), gkb, {
      ...base,
      name: '外县民政局',
      kind: 'county_department',
      jurisdiction_id: String(j.id),
    }).catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors.jurisdiction_id).toBe('您无权在该行政区管理单位');
  });
});
