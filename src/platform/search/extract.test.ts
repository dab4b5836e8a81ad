import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { extractText, MAX_EXTRACTED_CHARS } from './extract.js';
import { normalize } from './tokenize.js';
import { CHROMIUM_PATH, htmlToPdf } from '../pdf.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A minimal valid PDF with one text object (Helvetica, ASCII), offsets computed. */
function handMadePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const browser = fs.existsSync(CHROMIUM_PATH);
const requireBrowser = process.env.GONGKAI_REQUIRE_BROWSER === '1';

describe('extractText', () => {
  it('reads a hand-made PDF', async () => {
    expect((await extractText(handMadePdf('Notice 2025 PDF attachment'), 'application/pdf')).trim()).toBe(
      'Notice 2025 PDF attachment',
    );
  });

  it.skipIf(!browser && !requireBrowser)('reads Chinese text from a PDF printed by chromium', async () => {
    const pdf = await htmlToPdf(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>
      <h1>城关镇2025年第三季度城乡低保对象公示</h1>
      <p>根据《最低生活保障审核确认办法》，现将名单予以公示。公示期为5个工作日。</p>
      <table><tr><td>序号</td><td>姓名</td><td>保障人数</td></tr><tr><td>1</td><td>张三</td><td>3</td></tr></table>
      </body></html>`);
    const text = normalize(await extractText(pdf, 'application/pdf'));
    // chromium embeds CJK fonts whose ToUnicode maps some glyphs to Kangxi radicals (⽰); NFKC folds them.
    for (const s of [
      '城关镇2025年第三季度城乡低保对象公示',
      '最低生活保障审核确认办法',
      '公示期为5个工作日',
      '保障人数',
      '张三',
    ])
      expect(text).toContain(s);
  });

  it('reads paragraphs and table cells of a .docx, one per line', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('关于做好2025年义务教育经费'),
                new TextRun({ text: '保障工作的通知', bold: true }),
              ],
            }),
            new Paragraph('各乡镇人民政府：A&B <公司> “引号”'),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('序号')] }),
                    new TableCell({ children: [new Paragraph('资金（万元）')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const buf = await Packer.toBuffer(doc);
    const text = await extractText(buf, DOCX);
    expect(text.split('\n')).toEqual([
      '关于做好2025年义务教育经费保障工作的通知',
      '各乡镇人民政府：A&B <公司> “引号”',
      '序号',
      '资金（万元）',
    ]);
  });

  it('never throws: malformed or unsupported files give an empty string', async () => {
    const good = handMadePdf('x');
    const zipNoDoc = await new JSZip().file('a.txt', 'hi').generateAsync({ type: 'nodebuffer' });
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), 'application/pdf'],
      [Buffer.from('%PDF-1.7\ngarbage garbage'), 'application/pdf'],
      [good.subarray(0, 60), 'application/pdf'],
      [Buffer.from('PK\x03\x04 not a zip'), DOCX],
      [zipNoDoc, DOCX],
      [Buffer.from('hello'), 'text/plain'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'],
    ];
    for (const [data, mime] of cases) expect(await extractText(data, mime)).toBe('');
  });

  it(`caps the text at ${MAX_EXTRACTED_CHARS} characters`, async () => {
    const para = '政府信息公开'.repeat(1000);
    const doc = new Document({ sections: [{ children: Array.from({ length: 200 }, () => new Paragraph(para)) }] });
    const text = await extractText(await Packer.toBuffer(doc), DOCX);
    expect(text.length).toBeLessThanOrEqual(MAX_EXTRACTED_CHARS);
    expect(text.length).toBeGreaterThan(MAX_EXTRACTED_CHARS - 7000);
  });
});
