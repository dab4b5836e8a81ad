/** The composition: one installation from the module list (migrations, menus, policies, labels, commands). */
import type { Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { jobs, migrations, modules } from './app.js';
import { policyTable } from './platform/access.js';
import { composeMigrations } from './platform/db.js';
import { installationOf } from './platform/web/app.js';

describe('the module list', () => {
  it('has unique module names, commands, jobs and menu keys', () => {
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(modules.map((m) => m.name));
    unique(modules.flatMap((m) => (m.cli ?? []).map((c) => c.name)));
    unique(jobs.map((j) => j.name));
    unique(modules.flatMap((m) => (m.nav ?? []).map((n) => n.key)));
  });

  it('declares every action a menu entry needs', () => {
    const table = policyTable();
    for (const item of modules.flatMap((m) => m.nav ?? [])) if (item.action) expect(table).toHaveProperty(item.action);
  });

  it('orders the back-office menu and the portal columns by their order, across modules', () => {
    const inst = installationOf(modules);
    expect(inst.nav.map((n) => n.label)).toEqual([
      '工作台',
      '目录编制',
      '信息发布',
      '公开时限',
      '依申请公开',
      '年度报告',
      '单位管理',
      '账号管理',
      '工作日历',
      '审计日志',
      '接口令牌',
      '修改密码',
    ]);
    expect(inst.portalNav.map((n) => n.label)).toEqual([
      '首页',
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开工作年度报告',
      '依申请公开',
      '重点领域信息公开',
    ]);
    expect(inst.auditLabels['request.reply']).toBe('答复申请');
  });

  it('keeps the released migration names in order', () => {
    expect(Object.keys(migrations)).toEqual([...Object.keys(migrations)].sort());
    expect(Object.keys(migrations).slice(0, 11)).toEqual([
      '0001_foundation',
      '0002_calendar',
      '0003_catalog',
      '0004_requests',
      '0005_reports',
      '0006_publishing',
      '0007_search',
      '0008_request_consultations',
      '0009_report_indexes',
      '0010_record_doc_class',
      '0011_search_titles',
    ]);
  });
});

describe('composeMigrations', () => {
  it('runs the parts of one name in the order of the sets, inside that one migration', async () => {
    const ran: string[] = [];
    const part = (tag: string): Migration => ({ up: async () => void ran.push(tag) });
    const composed = composeMigrations([
      { '0002_b': part('platform-b') },
      { '0001_a': part('org-a'), '0002_b': part('org-b') },
      { '0002_b': part('auth-b') },
    ]);
    expect(Object.keys(composed)).toEqual(['0001_a', '0002_b']);
    await composed['0002_b'].up(undefined as never);
    expect(ran).toEqual(['platform-b', 'org-b', 'auth-b']);
  });
});
