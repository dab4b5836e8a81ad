import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { listDuties, setDuty, setCityReview, cityReviewRequired, overdueLeads } from './duties.js';
import * as cat from './service.js';
import { type ValidationError, ForbiddenError } from '../platform/errors.js';

describeEachDb('责任清单 and progress by domain', (db) => {
  const scope = { code: '990121', jurisdictionId: 0, name: '示范县' };

  it('sets the responsible unit, cooperating units and due date of a domain, audited', async () => {
    await seedDemoDb(db());
    scope.jurisdictionId = (
      await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
    ).id;
    const gkb = await actorFor(db(), 'gkb');
    const mz = await unitIdByName(db(), '示范县民政局');
    const cz = await unitIdByName(db(), '示范县财政局');
    await setDuty(db(), gkb, scope, {
      domain: 'shehui-jiuzhu',
      lead_unit_id: String(mz),
      cooperating: [String(cz)],
      due_date: '2026-06-30',
    });
    const rows = await listDuties(db(), gkb, scope, '2026-07-01');
    expect(rows).toHaveLength(26);
    expect(rows.find((r) => r.domain === '社会救助')).toMatchObject({
      leadUnitName: '示范县民政局',
      cooperating: [{ id: cz, name: '示范县财政局' }],
      dueDate: '2026-06-30',
      progress: 'not_started',
      overdue: true,
    });
    const audit = await db().k.selectFrom('audit_log').select('summary').where('action', '=', 'catalog.duty').execute();
    expect(audit.map((a) => a.summary)).toEqual(['示范县责任清单：社会救助由示范县民政局负责，2026-06-30前完成']);
  });

  it('follows the responsible unit’s catalog from drafting to published', async () => {
    const editor = await actorFor(db(), 'mzj.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '示范县民政局'));
    await cat.adoptRows(db(), editor, id, 'shehui-jiuzhu', [1, 2]);
    const gkb = await actorFor(db(), 'gkb');
    expect((await listDuties(db(), gkb, scope, '2026-05-01')).find((r) => r.domain === '社会救助')).toMatchObject({
      progress: 'drafting',
      overdue: false,
      items: 2,
    });
    await cat.submit(db(), editor, id, {});
    expect((await listDuties(db(), gkb, scope, '2026-05-01')).find((r) => r.domain === '社会救助')!.progress).toBe(
      'submitted',
    );
    await cat.review(db(), gkb, id, { decision: 'approve' });
    expect((await listDuties(db(), gkb, scope, '2026-07-01')).find((r) => r.domain === '社会救助')).toMatchObject({
      progress: 'published',
      overdue: false,
    });
  });

  it('lets the county office require city review before publication, audited', async () => {
    const gkb = await actorFor(db(), 'gkb');
    expect(await cityReviewRequired(db(), '990121')).toBe(false);
    await expect(setCityReview(db(), await actorFor(db(), 'cgz.bianji'), scope, true)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await setCityReview(db(), gkb, scope, true);
    expect(await cityReviewRequired(db(), '990121')).toBe(true);
    const editor = await actorFor(db(), 'shq.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '石桥镇人民政府'));
    await cat.adoptRows(db(), editor, id, 'shehui-jiuzhu', [1]);
    await cat.submit(db(), editor, id, {});
    expect(await cat.review(db(), gkb, id, { decision: 'approve' })).toBe('city_review');
    await setCityReview(db(), gkb, scope, false);
    expect(overdueLeads(await listDuties(db(), gkb, scope, '2030-01-01')).size).toBe(0); // 社会救助 was published
  });

  it('validates the entry and lets only the county office set it', async () => {
    const gkb = await actorFor(db(), 'gkb');
    const mz = await unitIdByName(db(), '示范县民政局');
    const e = await setDuty(db(), gkb, scope, {
      domain: 'shehui-jiuzhu',
      lead_unit_id: String(mz),
      cooperating: [String(mz)],
      due_date: '2026/06/30',
    }).catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors).toEqual({
      cooperating: '配合单位不能与责任单位相同',
      due_date: '完成时间应为“年-月-日”格式',
    });
    for (const who of ['admin', 'cgz.bianji', 'shiji']) {
      await expect(
        setDuty(db(), await actorFor(db(), who), scope, { domain: 'fupin', lead_unit_id: String(mz) }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
