/** The annual report as a Word document with the exact labels and merged headers of the 2021 format. */
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableRow,
  TableCell,
  TextRun,
  AlignmentType,
  WidthType,
  HeadingLevel,
} from 'docx';
import { SECTION_TITLES, TABLE3_NOTE, TABLE3_ROWS } from './model.js';
import { COLUMNS } from './table3.js';
import { APPEAL_KINDS } from '../requests/model.js';
import { T4_CELLS } from './table4.js';
import type { ReportData } from './annual.js';

interface Cell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
}

const run = (text: string, bold = false, size = 21) =>
  new TextRun({ text, bold, size, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' } });

function grid(rows: Cell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: r.map(
            (c) =>
              new TableCell({
                columnSpan: c.colSpan,
                rowSpan: c.rowSpan,
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.text, c.bold)] })],
              }),
          ),
        }),
    ),
  });
}

const para = (text: string) =>
  new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(text, false, 32)] });
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, size: 32, font: { eastAsia: '黑体' } })],
  });

export async function reportDocx(r: ReportData): Promise<Buffer> {
  const t2 = r.table2;
  const table2 = grid([
    [{ text: '第二十条第（一）项', colSpan: 4, bold: true }],
    [
      { text: '信息内容', bold: true },
      { text: '本年制发件数', bold: true },
      { text: '本年废止件数', bold: true },
      { text: '现行有效件数', bold: true },
    ],
    [
      { text: '规章' },
      { text: String(t2.rules_new) },
      { text: String(t2.rules_repealed) },
      { text: String(t2.rules_valid) },
    ],
    [
      { text: '行政规范性文件' },
      { text: String(t2.normative_new) },
      { text: String(t2.normative_repealed) },
      { text: String(t2.normative_valid) },
    ],
    [{ text: '第二十条第（五）项', colSpan: 4, bold: true }],
    [
      { text: '信息内容', bold: true },
      { text: '本年处理决定数量', colSpan: 3, bold: true },
    ],
    [{ text: '行政许可' }, { text: String(t2.licensing), colSpan: 3 }],
    [{ text: '第二十条第（六）项', colSpan: 4, bold: true }],
    [
      { text: '信息内容', bold: true },
      { text: '本年处理决定数量', colSpan: 3, bold: true },
    ],
    [{ text: '行政处罚' }, { text: String(t2.penalty), colSpan: 3 }],
    [{ text: '行政强制' }, { text: String(t2.coercion), colSpan: 3 }],
    [{ text: '第二十条第（八）项', colSpan: 4, bold: true }],
    [
      { text: '信息内容', bold: true },
      { text: '本年收费金额（单位：万元）', colSpan: 3, bold: true },
    ],
    [{ text: '行政事业性收费' }, { text: String(t2.fees), colSpan: 3 }],
  ]);
  const t3rows: Cell[][] = [
    [
      { text: TABLE3_NOTE, colSpan: 3, rowSpan: 3, bold: true },
      { text: '申请人情况', colSpan: 7, bold: true },
    ],
    [
      { text: '自然人', rowSpan: 2, bold: true },
      { text: '法人或其他组织', colSpan: 5, bold: true },
      { text: '总计', rowSpan: 2, bold: true },
    ],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => ({ text: t, bold: true })),
  ];
  let lastL1 = '';
  let lastL2 = '';
  for (const row of TABLE3_ROWS) {
    const cells: Cell[] = [];
    if (!row.l2) cells.push({ text: row.l1, colSpan: 3 });
    else {
      if (row.l1 !== lastL1) cells.push({ text: row.l1, rowSpan: TABLE3_ROWS.filter((x) => x.l1 === row.l1).length });
      if (!row.l3) cells.push({ text: row.l2, colSpan: 2 });
      else {
        if (row.l2 !== lastL2)
          cells.push({ text: row.l2, rowSpan: TABLE3_ROWS.filter((x) => x.l2 === row.l2 && x.l3).length });
        cells.push({ text: row.l3 });
      }
    }
    lastL1 = row.l1;
    lastL2 = row.l2 ?? '';
    const values = r.table3[row.key as keyof ReportData['table3']];
    t3rows.push([...cells, ...COLUMNS.map((c) => ({ text: String(values[c]) }))]);
  }
  const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const table4 = grid([
    [
      { text: '行政复议', colSpan: 5, bold: true },
      { text: '行政诉讼', colSpan: 10, bold: true },
    ],
    [
      ...labels.map((t) => ({ text: t, rowSpan: 2, bold: true })),
      { text: '未经复议直接起诉', colSpan: 5, bold: true },
      { text: '复议后起诉', colSpan: 5, bold: true },
    ],
    [...labels, ...labels].map((t) => ({ text: t, bold: true })),
    (Object.keys(APPEAL_KINDS) as (keyof typeof APPEAL_KINDS)[]).flatMap((k) =>
      T4_CELLS.map((c) => ({ text: String(r.table4[k][c]) })),
    ),
  ]);
  const paras = (text: string) => text.split('\n').filter(Boolean).map(para);
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({
                text: `${r.unitName}${r.year}年政府信息公开工作年度报告`,
                size: 44,
                font: { eastAsia: '方正小标宋简体' },
              }),
            ],
          }),
          heading(SECTION_TITLES.one),
          ...paras(r.sections.one),
          heading(SECTION_TITLES.two),
          table2,
          heading(SECTION_TITLES.three),
          grid(t3rows),
          heading(SECTION_TITLES.four),
          table4,
          heading(SECTION_TITLES.five),
          ...paras(r.sections.five),
          heading(SECTION_TITLES.six),
          ...paras(r.sections.six),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
