/**
 * Printable Word version of the 政务公开事项标准目录: landscape A4, the template's two-row header
 * repeated on every page, one table per domain, only the ticked channels listed.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { CatalogItemData } from '../model.js';
import {
  columnsFor,
  fieldText,
  groupByDomain,
  tickedChannelNames,
  type CatalogMeta,
  type FieldKey,
  type LayoutColumn,
  CENTERED,
} from './layout.js';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const LATIN_FONT = 'Times New Roman';

// A4 in twips; docx swaps width and height for landscape.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN_X = 1134; // 2 cm
const MARGIN_Y = 1021; // 1.8 cm
const TABLE_WIDTH = A4_LONG - 2 * MARGIN_X;

const BODY_SIZE = 18; // 小五 (9 pt), in half-points
const HEADER_SIZE = 18;

/** Relative widths in the printed table (channels hold names only, so narrower than in Excel). */
const PRINT_WEIGHT: Partial<Record<FieldKey, number>> = {
  seq: 4,
  level1: 9,
  level2: 9,
  level3: 9,
  elements: 26,
  basis: 20,
  timeLimit: 13,
  subject: 12,
  channels: 14,
  audienceSpecific: 6,
};
const TICK_WEIGHT = 4.2;

// XML 1.0 cannot carry these control characters.
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

function font(eastAsia: string) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia, cs: LATIN_FONT };
}

function lines(text: string, opts: { size: number; bold?: boolean; font: string; center: boolean }): Paragraph[] {
  const parts = clean(text).split('\n');
  return parts.map(
    (line) =>
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 260 },
        children: line ? [new TextRun({ text: line, size: opts.size, bold: opts.bold, font: font(opts.font) })] : [],
      }),
  );
}

function columnWidths(cols: LayoutColumn[]): number[] {
  const weights = cols.map((c) => PRINT_WEIGHT[c.key] ?? TICK_WEIGHT);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  widths[widths.length - 1] += TABLE_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const CELL_MARGINS = { top: 40, bottom: 40, left: 60, right: 60 };

function headerCell(text: string, width: number, span: { rows?: number; columns?: number }): TableCell {
  return new TableCell({
    children: lines(text, { size: HEADER_SIZE, bold: true, font: HEADING_FONT, center: true }),
    width: { size: width, type: WidthType.DXA },
    rowSpan: span.rows,
    columnSpan: span.columns,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: { fill: 'F2F2F2', color: 'auto', type: 'clear' },
    margins: CELL_MARGINS,
  });
}

function headerRows(cols: LayoutColumn[], widths: number[]): TableRow[] {
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  for (let i = 0; i < cols.length; ) {
    const col = cols[i];
    if (!col.group) {
      top.push(headerCell(col.label, widths[i], { rows: 2 }));
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < cols.length && cols[end + 1].group === col.group) end++;
    const span = widths.slice(i, end + 1).reduce((a, b) => a + b, 0);
    top.push(headerCell(col.group, span, { columns: end - i + 1 }));
    for (let k = i; k <= end; k++) bottom.push(headerCell(cols[k].label, widths[k], {}));
    i = end + 1;
  }
  return [
    new TableRow({ tableHeader: true, cantSplit: true, children: top }),
    new TableRow({ tableHeader: true, cantSplit: true, children: bottom }),
  ];
}

function itemRow(item: CatalogItemData, seq: number, cols: LayoutColumn[], widths: number[]): TableRow {
  return new TableRow({
    children: cols.map((col, i) => {
      const text = col.key === 'channels' ? tickedChannelNames(item).join('\n') : fieldText(item, col.key, seq);
      return new TableCell({
        children: lines(text, { size: BODY_SIZE, font: BODY_FONT, center: CENTERED.has(col.key) }),
        width: { size: widths[i], type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: CELL_MARGINS,
      });
    }),
  });
}

function catalogTable(items: CatalogItemData[]): Table {
  const cols = columnsFor(items);
  const widths = columnWidths(cols);
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [...headerRows(cols, widths), ...items.map((item, i) => itemRow(item, i + 1, cols, widths))],
  });
}

const CHINESE_NUMERALS = '一二三四五六七八九十';
function ordinal(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1];
  if (n < 20) return '十' + CHINESE_NUMERALS[n - 11];
  const tens = CHINESE_NUMERALS[Math.floor(n / 10) - 1] + '十';
  return n % 10 === 0 ? tens : tens + CHINESE_NUMERALS[(n % 10) - 1];
}

/** Font table naming a fallback for fonts that county PCs may lack (Word's altName). */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${TITLE_FONT}"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${BODY_FONT}"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="仿宋"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${HEADING_FONT}"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

export async function catalogToDocx(meta: CatalogMeta, items: CatalogItemData[]): Promise<Buffer> {
  const groups = groupByDomain(items);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: clean(meta.title), size: 40, font: font(TITLE_FONT) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: clean(meta.version ? `${meta.unitName}　　版本：${meta.version}` : meta.unitName),
          size: 24,
          font: font(BODY_FONT),
        }),
      ],
    }),
  ];

  if (groups.length === 0) children.push(catalogTable([]));
  groups.forEach((g, i) => {
    if (groups.length > 1) {
      children.push(
        new Paragraph({
          pageBreakBefore: i > 0,
          spacing: { before: 120, after: 120 },
          children: [
            new TextRun({ text: clean(`${ordinal(i + 1)}、${g.domain}`), size: 28, font: font(HEADING_FONT) }),
          ],
        }),
      );
    }
    children.push(catalogTable(g.items));
  });

  const doc = new Document({
    title: clean(meta.title),
    creator: clean(meta.unitName),
    description: meta.version ? clean(`版本：${meta.version}`) : undefined,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X, header: 567, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'],
                    size: BODY_SIZE,
                    font: font(BODY_FONT),
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });

  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
