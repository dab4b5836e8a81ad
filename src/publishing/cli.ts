/** Commands of the publishing module: `search-reindex`. */
import type { CliCommand } from '../platform/module.js';
import { countRecords, reindexRecords } from './search.js';

const searchReindex: CliCommand = {
  name: 'search-reindex',
  help: '  search-reindex                 按政府信息记录重建检索索引（恢复备份后或索引与记录不一致时使用；重建期间检索照常可用）',
  async run(_args, { out, err, withDb }) {
    return withDb(async (db) => {
      const started = Date.now();
      const total = await countRecords(db.k);
      const r = await reindexRecords(db, {
        progress: (done) => (done % 50_000 === 0 ? err(`  已处理 ${done} / ${total} 条`) : undefined),
      });
      out(
        `已重建检索索引：共 ${total} 条政府信息记录，${r.indexed} 条已公开发布的在索引中，移出 ${r.removed} 条不应检索到的，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
      );
      return 0;
    });
  },
};

export const cli: CliCommand[] = [searchReindex];
