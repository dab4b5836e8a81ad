/**
 * Attachments of a record (uploaded while it is a draft, checked, stripped of their metadata and
 * their text extracted for search) and the other channels it was disclosed through (条例第二十三条),
 * with a link or a photo of the 公示栏; the staff download of an attachment.
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import { deleteFiles, getFile, insertFile, type Upload } from '../platform/files.js';
import { extractText } from '../platform/search/index.js';
import { parseInput } from '../platform/validation.js';
import { runStep } from '../platform/workflow.js';
import { checkRecordFiles, stripMetadata } from './attachments.js';
import { access, type K } from './core.js';
import { channelSchema } from './schema.js';
import * as files from './store/files.js';
import { addEvent } from './store/history.js';

export interface PreparedFile {
  name: string;
  mime: string;
  data: Buffer;
  text: string;
}

/** Check uploads (with `already` attachments on the record), strip their metadata and extract their text. */
export async function prepareFiles(uploads: Upload[], already: number): Promise<PreparedFile[]> {
  const checked = checkRecordFiles(uploads, already);
  const out: PreparedFile[] = [];
  for (const f of checked) {
    const data = await stripMetadata(f);
    out.push({ name: f.name, mime: f.mime, data, text: await extractText(data, f.mime) });
  }
  return out;
}

/** Store prepared files as the record's attachments, numbered after `startOrder`. */
export async function insertFiles(k: K, recordId: number, prepared: PreparedFile[], startOrder: number) {
  for (const [i, f] of prepared.entries()) {
    const fileId = await insertFile(k, 'info_record', recordId, f);
    await files.insertAttachment(k, {
      record_id: recordId,
      file_id: fileId,
      name: f.name,
      mime: f.mime,
      size: f.data.length,
      text: f.text,
      sort_order: startOrder + i + 1,
    });
  }
}

export async function addAttachments(db: Db, actor: Actor, id: number, uploads: Upload[]): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  if (!['draft', 'returned'].includes(record.status))
    throw new ConflictError('只有草稿或退回修改的信息可以增删附件；已发布的信息如需更换附件，请撤回后重新发布。');
  if (!uploads.length) throw new ValidationError({ attachments: '请选择要上传的文件' });
  const existing = await files.attachmentSortOrders(db.k, id);
  const prepared = await prepareFiles(uploads, existing.length);
  const who = auditActor(actor);
  const names = prepared.map((f) => f.name).join('、');
  await runStep(db, {
    actor: who,
    async change(trx) {
      await insertFiles(trx, id, prepared, Math.max(0, ...existing));
      await addEvent(trx, id, 'attach', who.name, names);
    },
    audit: {
      action: 'record.attach',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `为《${record.title}》上传附件：${names}`,
    },
  });
}

export async function removeAttachment(db: Db, actor: Actor, id: number, attachmentId: number): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  if (!['draft', 'returned'].includes(record.status)) throw new ConflictError('只有草稿或退回修改的信息可以删除附件。');
  const a = await files.findAttachment(db.k, id, attachmentId);
  if (!a) throw new NotFoundError('附件不存在。');
  const who = auditActor(actor);
  await runStep(db, {
    actor: who,
    async change(trx) {
      await files.deleteAttachment(trx, a.id);
      await deleteFiles(trx, 'info_record', id, [a.file_id]);
      await addEvent(trx, id, 'detach', who.name, a.name);
    },
    audit: {
      action: 'record.detach',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `删除《${record.title}》的附件 ${a.name}`,
    },
  });
}

/** Record a channel actually used (条例第二十三条), with a link or a photo of the 公示栏. */
export async function addChannel(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
  photo?: Upload,
): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.publish');
  if (record.status !== 'published') throw new ConflictError('信息发布后才能登记其他公开渠道。');
  const input = parseInput(channelSchema, raw);
  let file: { name: string; mime: string; data: Buffer } | null = null;
  if (photo) {
    const [f] = checkRecordFiles([photo]);
    if (!f.mime.startsWith('image/')) throw new ValidationError({ photo: '公示栏照片只能是 JPG 或 PNG 图片' });
    file = { name: f.name, mime: f.mime, data: await stripMetadata(f) };
  }
  if (!input.link && !file) throw new ValidationError({ link: '请填写链接或上传公示栏照片' });
  if (input.used_on < record.formed_on) throw new ValidationError({ used_on: '公开日期不能早于信息形成日期' });
  const who = auditActor(actor);
  await runStep(db, {
    actor: who,
    async change(trx) {
      const fileId = file ? await insertFile(trx, 'info_record_channel', id, file) : null;
      await files.insertChannel(trx, {
        record_id: id,
        channel: input.channel,
        used_on: input.used_on,
        link: input.link,
        file_id: fileId,
        created_at: nowIso(),
      });
      await addEvent(trx, id, 'channel', who.name, `${input.channel}（${input.used_on}）`);
    },
    audit: {
      action: 'record.channel',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `登记《${record.title}》通过“${input.channel}”公开（${input.used_on}）`,
    },
  });
}

/** An attachment of a record for staff download (anyone who may view the unit's records). */
export async function recordFile(
  db: Db,
  actor: Actor,
  id: number,
  attachmentId: number,
): Promise<{ name: string; mime: string; data: Buffer }> {
  await access(db.k, actor, id, 'record.view');
  const a = await files.findAttachment(db.k, id, attachmentId);
  const f = a ? await getFile(db.k, 'info_record', id, a.file_id) : undefined;
  if (!a || !f) throw new NotFoundError('附件不存在。');
  return { name: a.name, mime: a.mime, data: Buffer.from(f.data as Uint8Array) };
}
