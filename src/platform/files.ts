/** Uploads: limited in number and size, typed by their content (not by their name), stored in the database. */
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { ValidationError } from './errors.js';
import { nowIso } from './dialect.js';

export interface Upload {
  name: string;
  data: Buffer;
}

export const ATTACHMENT_LIMITS = { files: 3, bytes: 5 * 1024 * 1024 } as const;

const KINDS: { ext: RegExp; mime: string; label: string; magic: (b: Buffer) => boolean }[] = [
  {
    ext: /\.pdf$/i,
    mime: 'application/pdf',
    label: 'PDF',
    magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    ext: /\.png$/i,
    mime: 'image/png',
    label: 'PNG',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    ext: /\.jpe?g$/i,
    mime: 'image/jpeg',
    label: 'JPEG',
    magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    ext: /\.docx$/i,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'PK\x03\x04' && b.includes(Buffer.from('word/')),
  },
];

/** Check every upload; the first problem of each is reported, keyed by its position. */
export function checkUploads(files: Upload[]): { mime: string }[] {
  const errors: string[] = [];
  if (files.length > ATTACHMENT_LIMITS.files) errors.push(`最多上传 ${ATTACHMENT_LIMITS.files} 个附件`);
  const out = files.map((f) => {
    const kind = KINDS.find((k) => k.ext.test(f.name));
    if (f.data.length > ATTACHMENT_LIMITS.bytes) errors.push(`附件“${f.name}”超过 5 MB`);
    else if (!kind) errors.push(`附件“${f.name}”的类型不允许，只能上传 PDF、JPG、PNG 或 Word（.docx）文件`);
    else if (!kind.magic(f.data)) errors.push(`附件“${f.name}”的内容不是 ${kind.label} 文件`);
    return { mime: kind?.mime ?? 'application/octet-stream' };
  });
  if (errors.length) throw new ValidationError({ attachments: errors.join('；') });
  return out;
}

/** Store one file that has already been checked; returns its id. */
export async function insertFile(
  k: Kysely<Database> | Transaction<Database>,
  ownerType: string,
  ownerId: string | number,
  f: { name: string; mime: string; data: Buffer },
): Promise<number> {
  const r = await k
    .insertInto('files')
    .values({
      owner_type: ownerType,
      owner_id: String(ownerId),
      name: f.name.replace(/[\\/]/g, '_').slice(0, 200),
      mime: f.mime,
      size: f.data.length,
      sha256: crypto.createHash('sha256').update(f.data).digest('hex'),
      data: f.data,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function storeFiles(
  k: Kysely<Database> | Transaction<Database>,
  ownerType: string,
  ownerId: string | number,
  files: Upload[],
): Promise<void> {
  const kinds = checkUploads(files);
  for (const [i, f] of files.entries())
    await insertFile(k, ownerType, ownerId, { name: f.name, mime: kinds[i].mime, data: f.data });
}

export async function listFiles(
  k: Kysely<Database> | Transaction<Database>,
  ownerType: string,
  ownerId: string | number,
) {
  return k
    .selectFrom('files')
    .select(['id', 'name', 'mime', 'size'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', String(ownerId))
    .orderBy('id')
    .execute();
}

export async function getFile(
  k: Kysely<Database> | Transaction<Database>,
  ownerType: string,
  ownerId: string | number,
  id: number,
) {
  return k
    .selectFrom('files')
    .selectAll()
    .where('id', '=', id)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', String(ownerId))
    .executeTakeFirst();
}

/** Delete files of an owner by id (ids that belong to another owner are left alone). */
export async function deleteFiles(
  k: Kysely<Database> | Transaction<Database>,
  ownerType: string,
  ownerId: string | number,
  ids: readonly number[],
): Promise<void> {
  if (ids.length === 0) return;
  await k
    .deleteFrom('files')
    .where('id', 'in', [...ids])
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', String(ownerId))
    .execute();
}
