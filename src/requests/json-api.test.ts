import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp } from '../testing.js';
import { createToken, revokeToken } from '../auth/tokens.js';
import { ForbiddenError } from '../platform/errors.js';

describeEachDb('JSON API with per-unit tokens', (db) => {
  it('registers a request and records its events as the unit’s handler', async () => {
    await seedDemoDb(db());
    const unit = await unitIdByName(db(), '城关镇人民政府');
    await expect(
      createToken(db(), await actorFor(db(), 'gkb'), { unit_id: String(unit), name: 'OA' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { id: tokenId, token } = await createToken(db(), await actorFor(db(), 'admin'), {
      unit_id: String(unit),
      name: '城关镇 OA',
    });
    const app = testApp(db());
    const call = (method: string, path: string, body?: unknown, auth = token) =>
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', host: 'localhost' },
        body: body ? JSON.stringify(body) : undefined,
      });
    expect((await call('GET', '/api/v1/requests', undefined, 'gk_wrong')).status).toBe(401);
    expect(await (await call('GET', '/api/v1/requests', undefined, 'gk_wrong')).json()).toEqual({
      error: '缺少或无效的接口令牌（Authorization: Bearer gk_…）',
    });
    const bad = await call('POST', '/api/v1/requests', {
      channel: 'in_person',
      submitted_on: '2025-09-20',
      applicant_type: 'natural',
      name: '张三',
      id_type: 'resident_id',
      id_number: '110105194912310021',
      phone: '13800000000',
      description: '城关镇低保名单',
      form: 'paper',
      delivery: 'pickup',
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toEqual({ id_number: '居民身份证号码校验不通过，请核对 18 位号码' });
    const res = await call('POST', '/api/v1/requests', {
      channel: 'in_person',
      submitted_on: '2025-09-20',
      applicant_type: 'natural',
      name: '张三',
      id_type: 'resident_id',
      id_number: '11010519491231002X',
      phone: '13800000000',
      description: '城关镇低保名单',
      form: 'paper',
      delivery: 'pickup',
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ status: 'processing', receivedOn: '2025-09-20', due: '2025-10-23' });
    expect(created.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    const ev = await call('POST', `/api/v1/requests/${created.id}/events`, {
      type: 'extend',
      working_days: 5,
      approver: '政务公开办主任',
      reason: '信息量大',
      date: '2025-10-10',
    });
    expect(await ev.json()).toMatchObject({ status: 'processing', due: '2025-10-30' });
    const wrong = await call('POST', `/api/v1/requests/${created.id}/events`, { type: 'deliver', method: 'mail' });
    expect(wrong.status).toBe(409);
    const unknown = await call('POST', `/api/v1/requests/${created.id}/events`, { type: 'teleport' });
    expect(unknown.status).toBe(422);
    const one = await (await call('GET', `/api/v1/requests/${created.id}`)).json();
    expect(one.request.id_number).toBe('11010519491231002X');
    expect(one.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'received', 'request.extend']);
    // Missing contents are not refused: the request is registered for 补正 (条例第二十九条、第三十条).
    const incomplete = await call('POST', '/api/v1/requests', {
      channel: 'in_person',
      submitted_on: '2025-09-22',
      applicant_type: 'natural',
      name: '张三',
      id_type: 'resident_id',
      phone: '13800000000',
      description: '城关镇2025年低保名单',
      form: 'paper',
      delivery: 'pickup',
    });
    expect(incomplete.status).toBe(201);
    const inc = await incomplete.json();
    expect(inc).toMatchObject({ status: 'processing', receivedOn: '2025-09-22', correctionNoticeDue: '2025-09-30' });
    expect(inc.missing.map((x: { key: string }) => x.key)).toEqual(['identity']);
    expect(await (await call('GET', `/api/v1/requests/${inc.id}`)).json()).toMatchObject({
      needsCorrection: true,
      correctionNoticeDue: '2025-09-30',
      consultations: [],
    });
    const openapi = await (await app.request('/api/v1/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual([
      '/api/v1/calendar/deadline',
      '/api/v1/requests',
      '/api/v1/requests/{id}',
      '/api/v1/requests/{id}/events',
    ]);
    await revokeToken(db(), await actorFor(db(), 'admin'), tokenId);
    expect((await call('GET', '/api/v1/requests')).status).toBe(401);
  });
});
