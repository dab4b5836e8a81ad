/** The 依申请公开 requests of the benchmark data (every outcome of table 3, spread over the years). */
import crypto from 'node:crypto';
import { DEMO } from '../src/org/seed.js';
import { OUTCOMES, ORG_TYPES, type Outcome } from '../src/requests/model.js';
import { chinaDate, multiInsert, PER_TRANSACTION, plusDays } from './bulk.js';
import { ACTOR, COUNTY, END, START } from './bulk.js';
import type { BenchDb } from './generate.js';
import { int, personName, pick, rng, type Rand, type UnitInfo, VILLAGES } from './text.js';

const REQ_COLS = [
  'jurisdiction_id',
  'unit_id',
  'number',
  'query_code_hash',
  'applicant_type',
  'org_type',
  'name',
  'id_type',
  'id_number',
  'phone',
  'address',
  'postcode',
  'email',
  'description',
  'doc_number',
  'form',
  'delivery',
  'channel',
  'submitted_at',
  'received_on',
  'status',
  'proposed_outcome',
  'reviewed_by',
  'outcome',
  'replied_on',
  'delivered_on',
  'delivery_method',
  'archived_on',
  'dedupe_key',
  'created_by',
  'created_at',
  'updated_at',
] as const;

/** Outcome weights: mostly granted, the rest over every result row of table 3. */
const OUTCOME_WEIGHTS: [Outcome, number][] = (Object.keys(OUTCOMES) as Outcome[]).map((k) => [
  k,
  k === 'granted' ? 40 : k === 'partial' ? 10 : k.startsWith('unable') ? 6 : k.startsWith('denied') ? 1.5 : 2,
]);
const OUTCOME_TOTAL = OUTCOME_WEIGHTS.reduce((s, [, w]) => s + w, 0);
function pickOutcome(r: Rand): Outcome {
  let x = r() * OUTCOME_TOTAL;
  for (const [k, w] of OUTCOME_WEIGHTS) {
    x -= w;
    if (x < 0) return k;
  }
  return 'granted';
}
const REQUEST_TOPICS = [
  '城乡居民最低生活保障审批',
  '农村危房改造补助发放',
  '征地补偿安置',
  '房屋征收补偿',
  '部门预算执行',
  '道路建设项目招标',
  '行政处罚决定',
  '集体土地征收批复',
  '临时救助资金发放',
  '规划许可',
];

export async function insertRequests(db: BenchDb, _units: UnitInfo[], n: number): Promise<void> {
  if (n <= 0) return;
  const r = rng(990121);
  const receiving = await db.k
    .selectFrom('units')
    .select('id')
    .where('receives_requests', '=', 1)
    .where('kind', '!=', 'village_committee')
    .execute();
  const ids = receiving.map((u) => u.id);
  const county = await db.k
    .selectFrom('jurisdictions')
    .select('id')
    .where('code', '=', COUNTY)
    .executeTakeFirstOrThrow();
  const put = multiInsert(db.raw, 'info_requests', REQ_COLS);
  const seq = new Map<string, number>();
  const width = Math.max(5, String(n).length);
  const orgTypes = Object.keys(ORG_TYPES);
  const today = chinaDate(END);
  for (let start = 0; start < n; start += PER_TRANSACTION) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(n, start + PER_TRANSACTION); i++) {
      const ms = START + Math.floor(((END - START) * (i + r())) / n);
      const submittedAt = new Date(ms).toISOString();
      const received = chinaDate(ms + int(r, 0, 2) * 86_400_000);
      const year = received.slice(0, 4);
      const s = (seq.get(year) ?? 0) + 1;
      seq.set(year, s);
      const legal = r() < 0.2;
      const topic = pick(r, REQUEST_TOPICS);
      const place = pick(r, VILLAGES);
      const replied = plusDays(received, int(r, 3, 30));
      const open = replied > today;
      const outcome = open ? null : pickOutcome(r);
      const name = legal ? `示范${pick(r, ['建筑工程', '农业科技', '法律咨询', '商贸'])}有限公司` : personName(r);
      const description = `申请公开${place}${year}年${topic}相关信息，包括审批文件、名单及金额。`;
      rows.push({
        jurisdiction_id: county.id,
        unit_id: pick(r, ids),
        number: `${COUNTY}-${year}-${String(s).padStart(width, '0')}`,
        query_code_hash: crypto.createHash('sha256').update(`bench-${i}`).digest('hex'),
        applicant_type: legal ? 'legal' : 'natural',
        org_type: legal ? pick(r, orgTypes) : null,
        name,
        id_type: legal ? 'credit_code' : 'resident_id',
        id_number: legal
          ? `91990121MA${String(i).padStart(8, '0')}`
          : `990121${1950 + int(r, 0, 55)}0101${String(i % 10000).padStart(4, '0')}`,
        phone: `0000-${String(6100000 + (i % 100000)).padStart(7, '0')}`,
        address: `示范县${pick(r, DEMO.townships).name}${place}`,
        postcode: '999100',
        email: null,
        description,
        doc_number: null,
        form: pick(r, ['paper', 'electronic']),
        delivery: pick(r, ['mail', 'email', 'pickup', 'online']),
        channel: pick(r, ['online', 'in_person', 'registered_mail', 'email']),
        submitted_at: submittedAt,
        received_on: received,
        status: open ? 'processing' : 'delivered',
        proposed_outcome: outcome,
        reviewed_by: outcome ? '审核人' : null,
        outcome,
        replied_on: open ? null : replied,
        delivered_on: open ? null : plusDays(replied, int(r, 0, 3)),
        delivery_method: open ? null : pick(r, ['mail', 'email', 'in_person', 'online']),
        archived_on: open ? null : plusDays(replied, 10),
        dedupe_key: crypto.createHash('sha256').update(`${name}|${description}`).digest('hex').slice(0, 32),
        created_by: ACTOR,
        created_at: submittedAt,
        updated_at: submittedAt,
      });
    }
    db.raw.transaction(() => put(rows))();
  }
}
