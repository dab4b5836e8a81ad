import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { nowIso } from './dialect.js';

/** Who did it, as the audit log records it. */
export interface AuditActor {
  id: number | null;
  name: string;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  unitId?: number | null;
  jurisdictionId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Human labels for audit actions, shown in the back office. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.locked': '账号锁定',
  'user.password_change': '修改密码',
  'user.password_reset': '重置密码',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'unit.create': '新建单位',
  'unit.update': '修改单位',
  'unit.update_office': '修改公开工作机构信息',
  'jurisdiction.create': '新建行政区',
  'site.create': '新建门户',
  'system.init': '初始化县（区）',
  'system.seed_demo': '载入示范数据',
  'calendar.override_add': '调整工作日历',
  'calendar.override_remove': '删除工作日历调整',
  'calendar.import': '导入节假日安排',
  'calendar.rules': '修改期限计算规则',
  'clock.recompute': '重新计算期限',
  'catalog.adopt': '采用指引事项',
  'catalog.item_add': '新增目录事项',
  'catalog.item_update': '修改目录事项',
  'catalog.item_delete': '删除目录事项',
  'catalog.domain_note': '未涉及领域说明',
  'catalog.submit': '提交目录审核',
  'catalog.return': '退回目录',
  'catalog.approve': '审核通过目录',
  'catalog.city_approve': '市级审核通过目录',
  'catalog.publish': '发布目录',
  'catalog.duty': '修改责任清单',
  'catalog.import': '导入目录',
  'guideline.import': '导入标准指引',
  'service_items.import': '导入政务服务事项清单',
  'catalog.negative_add': '新增负面清单事项',
  'request.submit': '网上提交政府信息公开申请',
  'request.register': '登记政府信息公开申请',
  'request.confirm': '确认收到申请',
  'request.correction': '补正告知',
  'request.corrected': '收到补正',
  'request.consult': '征求意见',
  'request.consulted': '登记征求意见结果',
  'request.intake_clear': '认定申请内容明确（无需补正）',
  'request.extend': '延长答复期限',
  'request.reply': '答复申请',
  'request.propose': '提出拟办意见',
  'request.review': '审核拟办意见',
  'request.deliver': '送达',
  'request.archive': '归档',
  'request.document': '出具文书',
  'request.fee': '收费通知',
  'request.fee_paid': '缴纳信息处理费',
  'request.transfer': '转办申请',
  'request.appeal': '登记行政复议或诉讼',
  'request.appeal_result': '登记复议或诉讼结果',
  'report.save': '编辑年度报告',
  'api_token.create': '创建接口令牌',
  'api_token.revoke': '停用接口令牌',
  'report.publish': '发布年度报告',
  'catalog.record_add': '新增梳理记录',
  'catalog.record_update': '修改梳理记录',
  'catalog.record_delete': '删除梳理记录',
  'catalog.negative_delete': '删除负面清单事项',
};

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/**
 * Append one entry. Call it inside the same transaction as the change it records, so that a
 * change is never written without its audit entry (and vice versa).
 */
export async function writeAudit(
  k: Kysely<Database> | Transaction<Database>,
  actor: AuditActor,
  e: AuditEntry,
): Promise<void> {
  await k
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: actor.id,
      actor_name: actor.name,
      unit_id: e.unitId ?? null,
      jurisdiction_id: e.jurisdictionId ?? null,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId == null ? null : String(e.objectId),
      summary: e.summary,
      before_json: json(e.before),
      after_json: json(e.after),
      ip: actor.ip,
    })
    .execute();
}

/** The fields that differ between two snapshots (for compact before/after records). */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
