import { openSqlite } from './src/platform/db.js';
import { search } from './src/platform/search/index.js';
import { COUNTY } from './bench/generate.js';
const db = openSqlite('bench/.data/n1000000-r200000-v1/gongkai.sqlite');
for (const q of ['低保', '救助', '公示', '招标', '征地', '预算', '最低生活', '危房改造', '财政预算', '临时救助', '征地补偿', '招标公告', '征地 补偿', '低保 城关镇', '财政 预算 公开']) {
  const ts: number[] = []; let r;
  for (let i = 0; i < 12; i++) { const s = performance.now(); r = await search(db.k, { q, jurisdictionPrefix: COUNTY, pageSize: 20 }); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(q, 'med', ts[6].toFixed(1), 'max', ts[11].toFixed(1), r!.total, r!.totalExact);
}
await db.close();
