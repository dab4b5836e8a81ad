/**
 * Attachments of government information: PDF, Office documents and images, typed by content (not
 * by name), limited in number and size, with the file metadata that names authors, devices or
 * places stripped before anything is stored (EXIF/XMP of images, document properties of Office
 * files, the Info dictionary of a PDF).
 */
import JSZip from 'jszip';
import { ValidationError } from '../platform/errors.js';

export const RECORD_FILE_LIMITS = { files: 10, bytes: 10 * 1024 * 1024 } as const;

type Kind = { ext: RegExp; mime: string; label: string; magic: (b: Buffer) => boolean };

const isZip = (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'PK\x03\x04';
const isOle = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

export const RECORD_FILE_KINDS: Kind[] = [
  {
    ext: /\.pdf$/i,
    mime: 'application/pdf',
    label: 'PDF',
    magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    ext: /\.docx$/i,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    magic: (b) => isZip(b) && b.includes(Buffer.from('word/')),
  },
  {
    ext: /\.xlsx$/i,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel',
    magic: (b) => isZip(b) && b.includes(Buffer.from('xl/')),
  },
  {
    ext: /\.pptx$/i,
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint',
    magic: (b) => isZip(b) && b.includes(Buffer.from('ppt/')),
  },
  { ext: /\.doc$/i, mime: 'application/msword', label: 'Word', magic: isOle },
  { ext: /\.xls$/i, mime: 'application/vnd.ms-excel', label: 'Excel', magic: isOle },
  { ext: /\.ofd$/i, mime: 'application/ofd', label: 'OFD', magic: isZip },
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
];

export const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.pptx,.ofd,.jpg,.jpeg,.png';

export interface CheckedFile {
  name: string;
  mime: string;
  data: Buffer;
}

/** Check every file and report all problems at once; nothing is stored when one fails. */
export function checkRecordFiles(files: { name: string; data: Buffer }[], already = 0): CheckedFile[] {
  const errors: string[] = [];
  if (files.length + already > RECORD_FILE_LIMITS.files) errors.push(`一条信息最多 ${RECORD_FILE_LIMITS.files} 个附件`);
  const out = files.map((f) => {
    const name =
      f.name
        .replace(/[\\/]/g, '_')
        .replace(/[\u0000-\u001f]/g, '')
        .slice(0, 200) || '附件';
    const kind = RECORD_FILE_KINDS.find((k) => k.ext.test(name));
    if (f.data.length === 0) errors.push(`附件“${name}”是空文件`);
    else if (f.data.length > RECORD_FILE_LIMITS.bytes) errors.push(`附件“${name}”超过 10 MB`);
    else if (!kind)
      errors.push(`附件“${name}”的类型不允许，只能上传 PDF、Word、Excel、PowerPoint、OFD、JPG 或 PNG 文件`);
    else if (!kind.magic(f.data)) errors.push(`附件“${name}”的内容不是 ${kind.label} 文件，可能是改了扩展名的其他文件`);
    return { name, mime: kind?.mime ?? 'application/octet-stream', data: f.data };
  });
  if (errors.length) throw new ValidationError({ attachments: errors.join('；') });
  return out;
}

/** JPEG: drop APP1..APP15 (EXIF, XMP, Photoshop…) and COM segments; keep APP0 (JFIF) and image data. */
export function stripJpeg(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1];
    if (marker === 0xda) break; // start of scan: the rest is image data
    const len = b.readUInt16BE(i + 2);
    const seg = b.subarray(i, i + 2 + len);
    const drop = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!drop) parts.push(seg);
    i += 2 + len;
  }
  parts.push(b.subarray(i));
  return Buffer.concat(parts);
}

/** PNG: drop text, time and EXIF chunks (tEXt, zTXt, iTXt, tIME, eXIf). */
export function stripPng(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + len;
    if (!['tEXt', 'zTXt', 'iTXt', 'tIME', 'eXIf'].includes(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

/** OOXML: replace the core and app properties (author, last modified by, company…) with blank ones. */
export async function stripOoxml(b: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(b);
  if (zip.file('docProps/core.xml')) {
    zip.file(
      'docProps/core.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>',
    );
  }
  const app = zip.file('docProps/app.xml');
  if (app) {
    const xml = await app.async('string');
    zip.file('docProps/app.xml', xml.replace(/<(Company|Manager|Template)>[^<]*<\/\1>/g, '<$1></$1>'));
  }
  zip.remove('docProps/custom.xml');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * PDF: blank the string values of the Info dictionary keys that identify people and software
 * (Author, Creator, Producer, Subject, Keywords) in place, with spaces of the same length, so
 * that byte offsets of the cross-reference table stay valid.
 */
export function stripPdf(b: Buffer): Buffer {
  const s = b.toString('latin1');
  const out = s.replace(
    /\/(Author|Creator|Producer|Subject|Keywords)\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g,
    (m, _key: string, val: string) => {
      const blank = val.startsWith('(') ? `(${' '.repeat(val.length - 2)})` : `<${' '.repeat(val.length - 2)}>`;
      return m.slice(0, m.length - val.length) + blank;
    },
  );
  return Buffer.from(out, 'latin1');
}

export async function stripMetadata(f: CheckedFile): Promise<Buffer> {
  try {
    if (f.mime === 'image/jpeg') return stripJpeg(f.data);
    if (f.mime === 'image/png') return stripPng(f.data);
    if (f.mime === 'application/pdf') return stripPdf(f.data);
    if (f.mime.includes('openxmlformats')) return await stripOoxml(f.data);
  } catch {
    throw new ValidationError({ attachments: `附件“${f.name}”已损坏，无法读取` });
  }
  return f.data;
}
