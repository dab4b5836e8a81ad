/** Messages to applicants and handlers about requests, queued in the notification outbox by the workflow step. */
import type { OutgoingMessage } from '../platform/notify.js';

/** To the applicant by e-mail when given, otherwise by SMS to the phone (an adapter, or the log); none without either. */
export function applicantMessages(
  r: { id: number; number: string; email: string | null; phone: string | null },
  unitName: string,
  what: string,
): OutgoingMessage[] {
  const to = r.email
    ? { channel: 'email' as const, to: r.email }
    : r.phone
      ? { channel: 'sms' as const, to: r.phone }
      : null;
  if (!to) return [];
  return [
    {
      ...to,
      subject: `【${unitName}】政府信息公开申请 ${r.number} 办理情况`,
      text: `您的政府信息公开申请（编号 ${r.number}）：${what}。凭申请编号和查询码可在政府信息公开平台“依申请公开”栏目查询办理进度。`,
      relatedType: 'info_request',
      relatedId: r.id,
    },
  ];
}

/** To the receiving unit's 政府信息公开工作机构 e-mail: a new online request waits for confirmation. */
export function handlerMessages(
  unit: { name: string; office_email: string | null },
  number: string,
  requestId: number,
): OutgoingMessage[] {
  if (!unit.office_email) return [];
  return [
    {
      channel: 'email',
      to: unit.office_email,
      subject: `【政务公开】收到网上提交的政府信息公开申请 ${number}`,
      text: `${unit.name}收到网上提交的政府信息公开申请（编号 ${number}）。网上提交的申请以双方确认之日为收到申请之日（条例第三十一条），请及时在管理后台确认收到。`,
      relatedType: 'info_request',
      relatedId: requestId,
    },
  ];
}
