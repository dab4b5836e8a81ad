/** Commands of the catalog module: `catalog export` and `catalog import`. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import * as org from '../org/api.js';
import { systemActor } from '../platform/access.js';
import { ConfigError } from '../platform/config.js';
import type { CliCommand } from '../platform/module.js';
import * as exchange from './exchange/service.js';
import { catalogForUnit } from './service.js';

const catalog: CliCommand = {
  name: 'catalog',
  help: `  catalog export --unit <单位编号、全称或统一社会信用代码> [--format xlsx|docx] [--out <文件>]
                                 按模板导出单位的政务公开事项标准目录（工作稿）
  catalog import --unit <单位> <文件.xlsx> [--append]
                                 从 Excel 导入目录（替换工作稿，--append 为追加）；有任何错误则不导入`,
  async run(args, { out, err, withDb }) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        unit: { type: 'string' },
        format: { type: 'string', default: 'xlsx' },
        out: { type: 'string' },
        append: { type: 'boolean', default: false },
      },
    });
    if (sub !== 'export' && sub !== 'import')
      throw new ConfigError('用法：gongkai catalog export|import --unit <单位> …（运行 gongkai help 查看）');
    if (!values.unit) throw new ConfigError('请用 --unit 指定单位（单位编号、全称或统一社会信用代码）');
    return withDb(
      async (db) => {
        const unit = await org.unitByRef(db.k, values.unit!);
        if (!unit) throw new ConfigError(`未找到单位“${values.unit}”`);
        const actor = systemActor();
        const catalogId = await catalogForUnit(db, actor, unit.id);
        if (sub === 'export') {
          if (values.format !== 'xlsx' && values.format !== 'docx')
            throw new ConfigError('--format 只能是 xlsx 或 docx');
          const f = await exchange.exportCatalog(db, actor, catalogId, values.format);
          const outPath = values.out ?? f.filename;
          fs.writeFileSync(outPath, f.body);
          out(`已导出 ${unit.name}的目录到 ${outPath}`);
          return 0;
        }
        if (positionals.length !== 1) throw new ConfigError('请给出要导入的 .xlsx 文件');
        const file = positionals[0];
        if (!fs.existsSync(file)) throw new ConfigError(`文件不存在：${file}`);
        try {
          const p = await exchange.previewImport(db, actor, catalogId, file.split('/').pop()!, fs.readFileSync(file));
          const n = await exchange.commitImport(db, actor, p.token, values.append ? 'append' : 'replace');
          out(
            `已为${unit.name}导入 ${n} 项（${values.append ? '追加' : '替换工作稿'}）。提交审核并发布后才会出现在门户上。`,
          );
          return 0;
        } catch (e) {
          if (e instanceof exchange.ImportFailed) {
            err(e.message);
            for (const x of e.errors)
              err(
                `  ${x.sheet ? `工作表“${x.sheet}” ` : ''}${x.row ? `第 ${x.row} 行 ` : ''}${x.column ? `${x.column} 列 ` : ''}${x.message}`,
              );
            return 1;
          }
          throw e;
        }
      },
      { readOnly: sub === 'export' },
    );
  },
};

export const cli: CliCommand[] = [catalog];
