/** Commands of the calendar module: `deadline`, `calendar-import` and `timelimit`. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as org from '../org/api.js';
import { systemActor } from '../platform/access.js';
import { ConfigError } from '../platform/config.js';
import { ValidationError } from '../platform/errors.js';
import type { CliCommand } from '../platform/module.js';
import { CalendarMissingError, WorkCalendar } from './calendar.js';
import { DEFAULT_RULES } from './clock.js';
import { loadShippedSchedules } from './data.js';
import { computeDeadline, parseDeadlineQuery } from './deadline-query.js';
import { calendarFor, importSchedule, rulesFor } from './service.js';
import { describeTimeLimit, parseTimeLimit } from './timelimit.js';

/**
 * `gongkai deadline`: the county's calendar when a database exists (local adjustments, imported
 * years, counting rules), otherwise the shipped national calendar with the default rules.
 */
const deadline: CliCommand = {
  name: 'deadline',
  help: `  deadline --from <日期> (--working-days <N> | --days <N>) [--explain] [--county <区划代码>]
                                 按工作日历计算期限截止日，如 deadline --from 2025-09-20 --working-days 20`,
  async run(args, { config, out, err, withDb }) {
    const { values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        'working-days': { type: 'string' },
        days: { type: 'string' },
        explain: { type: 'boolean', default: false },
        county: { type: 'string' },
      },
    });
    let q: ReturnType<typeof parseDeadlineQuery>;
    try {
      q = parseDeadlineQuery({ from: values.from, workingDays: values['working-days'], days: values.days });
    } catch (e) {
      if (e instanceof ValidationError) {
        err(Object.values(e.fieldErrors).join('；').replace('workingDays', '--working-days').replace('days', '--days'));
        return 2;
      }
      throw e;
    }
    const hasDb = Boolean(config.databaseUrl) || fs.existsSync(path.join(config.dataDir, 'gongkai.sqlite'));
    let cal = new WorkCalendar(loadShippedSchedules());
    let rules = DEFAULT_RULES;
    if (hasDb) {
      await withDb(
        async (db) => {
          const code = values.county ?? (await org.installationSites(db.k))[0]?.jurisdiction_code;
          if (code) {
            cal = await calendarFor(db.k, code);
            rules = await rulesFor(db.k, code);
          }
        },
        { readOnly: true },
      );
    }
    try {
      const d = computeDeadline(cal, rules, q);
      out(d.due);
      if (values.explain) for (const [i, s] of d.steps.entries()) out(`${i + 1}. ${s}`);
      return 0;
    } catch (e) {
      if (e instanceof CalendarMissingError) {
        err(e.message);
        return 1;
      }
      throw e;
    }
  },
};

const calendarImport: CliCommand = {
  name: 'calendar-import',
  help: `  calendar-import <文件.json|.ics> [--full-year] [--county <区划代码>]
                                 导入节假日安排或地方性节假日（--full-year：该文件是某年全年安排）`,
  async run(args, { out, withDb }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'full-year': { type: 'boolean', default: false }, county: { type: 'string' } },
    });
    if (positionals.length !== 1)
      throw new ConfigError('请给出要导入的文件，如：gongkai calendar-import 2027.json --full-year');
    const file = positionals[0];
    if (!fs.existsSync(file)) throw new ConfigError(`文件不存在：${file}`);
    return withDb(async (db) => {
      const sites = await org.installationSites(db.k);
      const s = values.county ? sites.find((x) => x.jurisdiction_code === values.county) : sites[0];
      if (!s)
        throw new ConfigError(
          values.county ? `未找到已初始化的县（区）${values.county}` : '数据库中还没有县（区），请先运行 gongkai init',
        );
      const j = { id: s.jurisdiction_id, code: s.jurisdiction_code, name: s.jurisdiction_name };
      const r = await importSchedule(
        db,
        systemActor(),
        { code: j.code, jurisdictionId: j.id, name: j.name },
        {
          filename: path.basename(file),
          content: fs.readFileSync(file, 'utf8'),
          fullYear: values['full-year'] ?? false,
        },
      );
      out(
        `已为${j.name}导入 ${r.days} 个日期（${r.years.join('、')}年）${r.markedYears.length ? `，${r.markedYears[0]}年已载入全年安排` : ''}；重新计算了 ${r.recomputed} 个进行中的期限。`,
      );
      return 0;
    });
  },
};

const timelimit: CliCommand = {
  name: 'timelimit',
  help: '  timelimit <公开时限文字>        把目录中的公开时限解析为规则（读不懂的给出“需人工设定”）',
  standalone: true,
  async run(args, { out }) {
    const text = args.join(' ').trim();
    if (!text) throw new ConfigError('请给出公开时限文字，如：gongkai timelimit "信息形成或变更之日起20个工作日内"');
    const p = parseTimeLimit(text);
    out(describeTimeLimit(p));
    if (p.note) out(`说明：${p.note}`);
    out(JSON.stringify({ status: p.status, lawOverride: p.lawOverride, rules: p.rules }, null, 2));
    return p.status === 'parsed' ? 0 : 3;
  },
};

export const cli: CliCommand[] = [deadline, calendarImport, timelimit];
