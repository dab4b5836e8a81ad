import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';

const BIN = path.resolve('bin/gongkai.js');

/**
 * Run the CLI in a child process. Asynchronous on purpose: a synchronous spawn blocks the test
 * worker's event loop, and a minute of that makes vitest's own worker RPC time out.
 */
function run(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cli-'));

describe('gongkai CLI', () => {
  it('lists its commands with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of [
      'serve',
      'migrate',
      'init --county',
      'demo',
      'create-user',
      'reset-password',
      'regions',
      'search-reindex',
    ])
      expect(r.out).toContain(cmd);
  });

  it('creates 耿马傣族佤族自治县 and its townships with `init --county 530926`, once', async () => {
    const dir = tmp();
    const r = await run(['init', '--county', '530926'], { DATA_DIR: dir });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已创建 耿马傣族佤族自治县（530926）');
    expect(r.out).toContain('530926103 孟定镇 → 孟定镇人民政府');
    expect(r.out).toContain('530926401 耿马华侨农场（已建行政区，未建单位');
    expect(r.out).toMatch(/系统管理员：admin　临时密码：\S+/);
    const again = await run(['init', '--county', '530926', '--admin', 'admin2'], { DATA_DIR: dir });
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe('耿马傣族佤族自治县（530926）已经初始化，不能重复创建。');
    const m = await run(['migrate', '--status'], { DATA_DIR: dir });
    expect(m.out.trim()).toBe(
      '已执行  0001_foundation\n已执行  0002_calendar\n已执行  0003_catalog\n已执行  0004_requests\n已执行  0005_reports\n已执行  0006_publishing\n已执行  0007_search\n已执行  0008_request_consultations\n已执行  0009_report_indexes\n已执行  0010_record_doc_class\n已执行  0011_search_titles\n已执行  0012_platform\n已执行  0013_catalog_time_limits',
    );
  });

  it('prints a deadline with `deadline --from 2025-09-20 --working-days 20`, and its steps with --explain', async () => {
    const dir = tmp();
    const r = await run(['deadline', '--from', '2025-09-20', '--working-days', '20'], { DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe('2025-10-23\n');
    const e = await run(['deadline', '--from', '2025-09-20', '--working-days', '20', '--explain'], { DATA_DIR: dir });
    expect(e.out.split('\n').slice(0, 4)).toEqual([
      '2025-10-23',
      '1. 2025-09-20（星期六）为起算日，当日不计入，自次日起计算（《中华人民共和国民法典》第二百零一条）。共需 20 个工作日。',
      '2. 2025-09-28（星期日）国庆节、中秋节调休上班，计为第 6 个工作日。',
      '3. 2025-10-01 至 10-08 国庆节、中秋节放假，不计。',
    ]);
    expect(fs.readdirSync(dir)).toEqual([]); // no database is created just to count days
  });

  it('refuses to count into a year without a calendar, and counts after importing one', async () => {
    const dir = tmp();
    const r = await run(['deadline', '--from', '2026-12-20', '--working-days', '20'], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      '2027年的节假日安排尚未载入，无法计算进入2027年的期限。请系统管理员在“工作日历”页面导入国务院办公厅发布的2027年部分节假日安排后再计算。',
    );
    const bad = await run(['deadline', '--from', '2026-02-30', '--working-days', '20'], { DATA_DIR: dir });
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('日期应为“年-月-日”格式，如 2025-09-20');
    expect((await run(['demo'], { DATA_DIR: dir })).code).toBe(0);
    const reindex = await run(['search-reindex'], { DATA_DIR: dir });
    expect(reindex.code).toBe(0);
    expect(reindex.out.trim()).toMatch(
      /^已重建检索索引：共 \d+ 条政府信息记录，\d+ 条已公开发布的在索引中，移出 0 条不应检索到的，用时 [\d.]+ 秒。$/,
    );
    const file = path.join(tmp(), '2027.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        region: 'CN',
        notices: [],
        days: [{ date: '2027-01-01', type: 'off', name: '元旦' }],
      }),
    );
    const imp = await run(['calendar-import', file, '--full-year'], { DATA_DIR: dir });
    expect(imp.err).toBe('');
    expect(imp.out.trim()).toBe(
      '已为示范县导入 1 个日期（2027年），2027年已载入全年安排；重新计算了 0 个进行中的期限。',
    );
    expect((await run(['deadline', '--from', '2026-12-20', '--working-days', '20'], { DATA_DIR: dir })).out).toBe(
      '2027-01-18\n',
    );
  });

  it('reads a 公开时限 with `timelimit`, and says 需人工设定 for what it cannot read', async () => {
    const ok = await run(['timelimit', '制定或获取信息之日起10个工作日内']);
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')[0]).toBe('自制作或获取信息之日起10个工作日内');
    const manual = await run(['timelimit', '按上级要求']);
    expect(manual.code).toBe(3);
    expect(manual.out.split('\n')[0]).toBe('需人工设定');
  });

  it('exports a catalog with `catalog export --unit … --format xlsx` and imports it back identically', async () => {
    const { catalogToXlsx, xlsxToCatalog } = await import('../src/catalog/exchange/xlsx.js');
    const dir = tmp();
    expect((await run(['demo'], { DATA_DIR: dir })).code).toBe(0);
    const items = [
      {
        domain: '社会救助',
        level1: '临时救助',
        level2: '审核审批信息',
        level3: null,
        elements: '●救助对象●救助金额',
        basis: '《社会救助暂行办法》',
        timeLimit: '信息形成之日起20个工作日内',
        subject: '城关镇人民政府',
        channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'] as never[],
        extraChannels: ['城关镇微信公众号'],
        audiencePublic: false,
        audienceSpecific: true,
        specificGroup: '临时救助对象',
        modeProactive: true,
        modeOnRequest: false,
        tiers: ['township', 'village'] as never[],
      },
      {
        domain: '义务教育',
        level1: '学校名录',
        level2: null,
        level3: null,
        elements: '●学校名称●地址●办公电话',
        basis: '《中华人民共和国义务教育法》',
        timeLimit: '实时公开',
        subject: '城关镇人民政府',
        channels: ['政府网站'] as never[],
        extraChannels: [],
        audiencePublic: true,
        audienceSpecific: false,
        specificGroup: null,
        modeProactive: true,
        modeOnRequest: true,
        tiers: ['township'] as never[],
      },
    ];
    const source = path.join(dir, 'in.xlsx');
    fs.writeFileSync(
      source,
      await catalogToXlsx({ title: '城关镇人民政府政务公开事项标准目录', unitName: '城关镇人民政府' }, items),
    );
    const imp = await run(['catalog', 'import', '--unit', '城关镇人民政府', source], { DATA_DIR: dir });
    expect(imp.err).toBe('');
    expect(imp.out.trim()).toBe('已为城关镇人民政府导入 2 项（替换工作稿）。提交审核并发布后才会出现在门户上。');
    const outFile = path.join(dir, 'out.xlsx');
    const exp = await run(['catalog', 'export', '--unit', '城关镇人民政府', '--format', 'xlsx', '--out', outFile], {
      DATA_DIR: dir,
    });
    expect(exp.out.trim()).toBe(`已导出 城关镇人民政府的目录到 ${outFile}`);
    const back = await xlsxToCatalog(fs.readFileSync(outFile));
    expect(back.errors).toEqual([]);
    // domains come back grouped (one sheet per domain); within a domain the order is kept
    const byDomain = (list: { domain: string }[]) => [...list].sort((a, b) => a.domain.localeCompare(b.domain));
    expect(byDomain(back.items)).toEqual(byDomain(items));
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'not excel');
    const refused = await run(['catalog', 'import', '--unit', '城关镇人民政府', bad], { DATA_DIR: dir });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('文件不是 Excel（.xlsx）格式，未导入。');
  });

  it('prints tables 2 (第二十条第（一）项) and 3 of the annual report with `annual-report --unit … --year … --format json`', async () => {
    const dir = tmp();
    expect((await run(['demo'], { DATA_DIR: dir })).code).toBe(0);
    const r = await run(['annual-report', '--unit', '城关镇人民政府', '--year', '2025', '--format', 'json'], {
      DATA_DIR: dir,
    });
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.unit).toBe('城关镇人民政府');
    expect(j.table2).toEqual({
      rules_new: 0,
      rules_repealed: 0,
      rules_valid: 0,
      normative_new: 0,
      normative_repealed: 0,
      normative_valid: 0,
    });
    expect(Object.keys(j.table3)).toEqual([
      'newReceived',
      'carriedOver',
      'granted',
      'partial',
      'denied.stateSecret',
      'denied.lawProhibited',
      'denied.safetyStability',
      'denied.thirdParty',
      'denied.internalAffairs',
      'denied.processInfo',
      'denied.enforcementFile',
      'denied.adminQuery',
      'unable.notHeld',
      'unable.needCreate',
      'unable.stillUnclear',
      'notProcessed.petition',
      'notProcessed.repeat',
      'notProcessed.publication',
      'notProcessed.massRepeat',
      'notProcessed.confirmReissue',
      'other.noCorrection',
      'other.unpaidFee',
      'other.other',
      'total',
      'carryForward',
    ]);
    expect(Object.keys(j.table3.granted)).toEqual([
      'naturalPerson',
      'commercial',
      'research',
      'publicWelfare',
      'legalService',
      'otherOrg',
      'total',
    ]);
    expect(j.checks).toEqual([]);
    const county = JSON.parse(
      (await run(['annual-report', '--county', '990121', '--year', '2025'], { DATA_DIR: dir })).out,
    );
    expect(county.table3.total.total).toBe(0);
  });

  it('refuses an unknown county with one clear line', async () => {
    const r = await run(['init', '--county', '不存在县'], { DATA_DIR: tmp() });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('未找到行政区划“不存在县”，请使用 6 位区划代码或县（市、区）全称');
  });

  it('refuses to start with an unreachable DATABASE_URL: one line, no stack dump', async () => {
    const r = await run(['serve'], { DATABASE_URL: 'postgres://gk:pw@127.0.0.1:1/gongkai', PORT: '3999' });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      '无法连接 PostgreSQL 数据库（DATABASE_URL → 127.0.0.1:1/gongkai）：连接被拒绝 / connection refused',
    );
  });

  it('refuses an empty or malformed DATABASE_URL', async () => {
    expect((await run(['serve'], { DATABASE_URL: '' })).err.trim()).toBe(
      'DATABASE_URL 已设置但为空，请填写 PostgreSQL 连接串或删除该变量以使用内置 SQLite / DATABASE_URL is set but empty',
    );
    expect((await run(['migrate'], { DATABASE_URL: 'mysql://x' })).err.trim()).toBe(
      'DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的连接串 / DATABASE_URL must be a postgres:// URL',
    );
  });

  it('refuses a corrupt SQLite file and leaves it untouched', async () => {
    const dir = tmp();
    const file = path.join(dir, 'gongkai.sqlite');
    fs.writeFileSync(file, 'garbage '.repeat(100));
    const r = await run(['serve'], { DATA_DIR: dir, PORT: '3998' });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      `数据库文件已损坏或不是 SQLite 数据库，文件未被改动 / database file is corrupt or not SQLite (left untouched): ${file}`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('garbage '.repeat(100));
    expect(fs.readdirSync(dir)).toEqual(['gongkai.sqlite']);
  });

  it('serves the demo county with `serve --demo` and prints the demo accounts', async () => {
    const dir = tmp();
    // Ask the OS for a free port (a random pick could hit one fetch refuses, such as 3659).
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = String((probe.address() as AddressInfo).port);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
      env: { ...process.env, DATA_DIR: dir, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
        child.stdout.on('data', () => {
          if (out.includes('管理后台')) {
            clearTimeout(t);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain('admin');
      expect(out).toContain('公开办管理员');
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('示范县人民政府');
      const admin = await fetch(`http://127.0.0.1:${port}/admin`, { redirect: 'manual' });
      expect(admin.status).toBe(303);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it.runIf(Boolean(process.env.GONGKAI_TEST_PG_URL))(
    'migrates and initialises a county on PostgreSQL through DATABASE_URL',
    async () => {
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: process.env.GONGKAI_TEST_PG_URL });
      await admin.connect();
      const name = `gk_cli_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
      try {
        const url = new URL(process.env.GONGKAI_TEST_PG_URL!);
        url.pathname = `/${name}`;
        const m = await run(['migrate'], { DATABASE_URL: url.toString() });
        expect(m.out.trim()).toBe(
          '已执行迁移：0001_foundation、0002_calendar、0003_catalog、0004_requests、0005_reports、0006_publishing、0007_search、0008_request_consultations、0009_report_indexes、0010_record_doc_class、0011_search_titles、0012_platform、0013_catalog_time_limits',
        );
        const r = await run(['init', '--county', '耿马'], { DATABASE_URL: url.toString() });
        expect(r.code).toBe(0);
        expect(r.out).toContain('530926103 孟定镇 → 孟定镇人民政府');
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
