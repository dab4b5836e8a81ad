/** Commands of the reports module: `annual-report`. */
import { parseArgs } from 'node:util';
import * as org from '../org/api.js';
import { ConfigError } from '../platform/config.js';
import type { CliCommand } from '../platform/module.js';
import { table3ForUnits, table4ForUnits } from './statistics.js';
import { table2Of } from './table2.js';

const annualReport: CliCommand = {
  name: 'annual-report',
  help: `  annual-report (--unit <单位> | --county <区划代码>) --year <年份> [--format json]
                                 年度报告表二第二十条第（一）项（按已发布的规章、行政规范性文件统计）、表三（收到和处理政府信息公开申请情况，按 regulations §2.7 的键名）和表四`,
  async run(args, { out, withDb }) {
    const { values } = parseArgs({
      args,
      options: {
        unit: { type: 'string' },
        county: { type: 'string' },
        year: { type: 'string' },
        format: { type: 'string', default: 'json' },
      },
    });
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2008 || year > 2100)
      throw new ConfigError('请用 --year 指定年份，如 --year 2025');
    if (values.format !== 'json') throw new ConfigError('目前只支持 --format json');
    if (!values.unit === !values.county) throw new ConfigError('请用 --unit 指定单位，或用 --county 指定县（区）汇总');
    return withDb(
      async (db) => {
        let ids: number[];
        let name: string;
        if (values.unit) {
          const unit = await org.unitByRef(db.k, values.unit);
          if (!unit) throw new ConfigError(`未找到单位“${values.unit}”`);
          ids = [unit.id];
          name = unit.name;
        } else {
          const units = await org.unitsUnder(db.k, values.county!);
          if (!units.length) throw new ConfigError(`未找到县（区）${values.county}`);
          ids = units.map((x) => x.id);
          name = values.county!;
        }
        const r = await table3ForUnits(db, ids, year);
        const t4 = await table4ForUnits(db, ids, year);
        const checks = [...r.problems, ...t4.problems];
        // table2: the 第二十条第（一）项 cells computed from the published 规章 and 行政规范性文件
        // (the other four cells are entered by the editor in the report, not printed here).
        const table2 = await table2Of(db, ids, year);
        out(JSON.stringify({ unit: name, year, table2, table3: r.table, table4: t4.table, checks }, null, 2));
        return checks.length ? 1 : 0;
      },
      { readOnly: true },
    );
  },
};

export const cli: CliCommand[] = [annualReport];
