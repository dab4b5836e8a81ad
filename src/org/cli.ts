/** Commands of the org module: `regions`. */
import { ConfigError } from '../platform/config.js';
import type { CliCommand } from '../platform/module.js';
import { loadRegions } from './regions.js';

const regions: CliCommand = {
  name: 'regions',
  help: '  regions <代码或名称>            查询全国区划代码表中的县级行政区',
  standalone: true,
  async run(args, { out }) {
    const q = args.join(' ').trim();
    if (!q) throw new ConfigError('请给出区划代码或名称，如：gongkai regions 530926');
    const table = loadRegions();
    const list = table.findCounties(q);
    if (!list.length) throw new ConfigError(`未找到行政区划“${q}”`);
    for (const r of list.slice(0, 50))
      out(
        `${r.code}\t${r.name}\t${table
          .parentChain(r.code)
          .map((p) => p.name)
          .join(' ')}`,
      );
    return 0;
  },
};

export const cli: CliCommand[] = [regions];
