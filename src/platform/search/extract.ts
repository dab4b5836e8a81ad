/**
 * Text of an attachment, for the search index. PDF: pdfjs-dist (legacy build, the one meant for
 * Node; 5.6 is the last line that supports Node 20 — unpdf needs Node 22; runs offline with its in-process "fake" worker, and reads the Adobe CMaps it ships, which
 * Chinese PDFs with predefined CJK encodings need). Word (.docx): the paragraphs of
 * word/document.xml, one per line. Anything else, and any file that cannot be read, gives ''.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import JSZip from 'jszip';

export const MAX_EXTRACTED_CHARS = 1_000_000;
const MAX_PDF_PAGES = 2000;
const TIMEOUT_MS = 30_000;
/** Refuse a .docx whose document.xml inflates beyond this (zip bombs). */
const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const require = createRequire(import.meta.url);

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new Error('timeout'));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
    cMapUrl: `${root}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${root}/standard_fonts/`,
    wasmUrl: `${root}/wasm/`,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const work = (async () => {
    const doc = await task.promise;
    try {
      let out = '';
      const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
      for (let i = 1; i <= pages && out.length < MAX_EXTRACTED_CHARS; i++) {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        for (const item of content.items) {
          if ('str' in item) out += item.str + (item.hasEOL ? '\n' : '');
        }
        out += '\n';
        page.cleanup();
      }
      // A line that wraps inside Chinese text is a visual break, not a separator: join it, so a
      // phrase printed across two lines is still found.
      return out.replace(/(\p{Script=Han})\n(?=\p{Script=Han})/gu, '$1');
    } finally {
      await doc.destroy();
    }
  })();
  return withTimeout(work, TIMEOUT_MS, () => void task.destroy());
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[e] ?? m;
  });
}

async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file('word/document.xml');
  if (!file) return '';
  const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (declared !== undefined && declared > MAX_DOCX_XML_BYTES) return '';
  const xml = await file.async('string');
  const paragraphs: string[] = [];
  let length = 0;
  for (const p of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let text = '';
    for (const m of p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      text += m[1] !== undefined ? decodeXml(m[1]) : m[2] === 'tab' ? '\t' : '\n';
    }
    paragraphs.push(text);
    length += text.length + 1;
    if (length >= MAX_EXTRACTED_CHARS) break;
  }
  return paragraphs.join('\n');
}

/**
 * Plain text of a PDF or .docx attachment, at most MAX_EXTRACTED_CHARS characters. Never throws:
 * a malformed, encrypted or unsupported file gives '' and the caller decides what to do.
 */
export async function extractText(data: Buffer, mime: string): Promise<string> {
  try {
    let text = '';
    if (mime === 'application/pdf') text = await pdfText(data);
    else if (mime === DOCX) text = await docxText(data);
    if (text.length <= MAX_EXTRACTED_CHARS) return text;
    const cut = text.slice(0, MAX_EXTRACTED_CHARS);
    return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  } catch {
    return '';
  }
}
