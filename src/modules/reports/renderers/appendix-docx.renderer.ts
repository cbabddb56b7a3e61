import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ISectionOptions,
  LineRuleType,
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
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppendixReport, ReportDocumentInfo } from '../appendix.types';
import { formatRate, upperVi } from '../report-format';
import { AppendixLayout, AppendixSheet, AppendixTable, buildAppendixLayout, CellValue, isRate } from './appendix-layout';

/** A4 (portrait measures; docx swaps them for landscape) and the margins of Nghị định 30/2020: 20 mm top/bottom/right, 30 mm left. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
/** Landscape text width in twips. */
export const DOCX_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;

const FONT = 'Times New Roman';
/** Half-points: 14 pt for the titles, 13 pt for text and tables. */
const SIZE_TITLE = 28;
const SIZE_TEXT = 26;
const SIZE_NUMBERS = 22;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

/**
 * Writes the appendix document from a snapshot, in the layout of Nghị định 30/2020/NĐ-CP: Times New
 * Roman, the two-column header (committee | national motto), "PHỤ LỤC …", the title,
 * "(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND tỉnh …)" and the tables; one landscape A4 section
 * per appendix. Rates are written "88,1%".
 */
export async function renderAppendixDocx(report: AppendixReport, info: ReportDocumentInfo, file: string): Promise<void> {
  const layout = buildAppendixLayout(report, info);
  const doc = new Document({
    creator: 'nhiemvu',
    title: `Phụ lục báo cáo ${info.periodLabel}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE_TEXT }, paragraph: { spacing: { after: 0, line: 288 } } } } },
    sections: [
      section(layout, info, layout.programItems, [
        text(layout.programItemsLine, { indent: true, after: 120 }),
        table(layout.programItems.table),
        ...(layout.programItemsNote ? [text(layout.programItemsNote, { italics: true, before: 120 })] : []),
      ]),
      section(layout, info, layout.tasks, [
        text('1. Thống kê kết quả thực hiện:', { bold: true, after: 40 }),
        ...layout.taskSummaryLines.map((line, i, all) => text(line, { indent: true, after: i === all.length - 1 ? 120 : 20 })),
        table(layout.tasks.table),
        text('2. Kết quả thực hiện theo cơ quan chủ trì:', { bold: true, before: 160, after: 60 }),
        table(layout.byAgency.table),
        text(layout.overdueLine, { bold: true, before: 160 }),
      ]),
      section(layout, info, layout.overdue, [table(layout.overdue.table)]),
    ],
  });
  await pipeline(Packer.toStream(doc) as Readable, createWriteStream(file));
}

/**
 * Page numbers as Nghị định 30/2020 places them: Arabic numerals centred at the top of the page,
 * from the second page on (each appendix's first page carries the national header instead).
 */
function pageNumberHeaders(): ISectionOptions['headers'] {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE_TEXT, font: FONT })] })],
    }),
  };
}

function section(layout: AppendixLayout, info: ReportDocumentInfo, sheet: AppendixSheet, body: (Paragraph | Table)[]): ISectionOptions {
  return {
    headers: pageNumberHeaders(),
    properties: {
      titlePage: true,
      page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
    },
    children: [
      nationalHeader(info),
      text(sheet.appendixLabel, { bold: true, size: SIZE_TITLE, align: AlignmentType.CENTER, before: 240 }),
      // Vietnamese capitals carry stacked marks (Ệ, Ả): a little air between the title lines.
      text(sheet.title, { bold: true, size: SIZE_TITLE, align: AlignmentType.CENTER, before: 80 }),
      text(layout.attachedTo, { italics: true, size: SIZE_TITLE, align: AlignmentType.CENTER, before: 40 }),
      text(layout.scopeLine, { italics: true, align: AlignmentType.CENTER, before: 40, after: 180 }),
      ...body,
    ],
  };
}

interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
  indent?: boolean;
}

function text(value: string, o: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: [new TextRun({ text: value, bold: o.bold, italics: o.italics, size: o.size ?? SIZE_TEXT, font: FONT })],
  });
}

/** A short horizontal rule under a header line, `width` twips long, centred in a cell `cell` twips wide. */
function rule(cell: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((cell - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // A 5 pt tall empty line whose bottom border is the rule, leaving a small gap under the text.
    spacing: { before: 0, after: 0, line: 100, lineRule: LineRuleType.EXACT },
    border: { bottom: RULE },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

/** Left: "ỦY BAN NHÂN DÂN / TỈNH …" with a short rule; right: the national name and motto, ruled as long as the motto. */
function nationalHeader(info: ReportDocumentInfo): Table {
  const left = Math.round(DOCX_TEXT_WIDTH * 0.4);
  const right = DOCX_TEXT_WIDTH - left;
  const province = `TỈNH ${upperVi(info.provinceName)}`;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(left, [
            text('ỦY BAN NHÂN DÂN', { bold: true, align: AlignmentType.CENTER }),
            text(province, { bold: true, align: AlignmentType.CENTER }),
            // About a third of the agency name (13 pt bold capitals are ≈ 190 twips a letter).
            rule(left, Math.round(province.length * 190 * 0.4)),
          ]),
          cell(right, [
            text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: AlignmentType.CENTER }),
            text('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE_TITLE, align: AlignmentType.CENTER }),
            // As long as the motto (14 pt bold ≈ 140 twips a character).
            rule(right, 'Độc lập - Tự do - Hạnh phúc'.length * 140),
          ]),
        ],
      }),
    ],
  });
}

function cellText(v: CellValue): string {
  if (isRate(v)) return formatRate(v.rate);
  return typeof v === 'number' ? String(v) : v;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const CELL_MARGINS = { top: 40, bottom: 40, left: 60, right: 60 };

function table(t: AppendixTable): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / sum) * DOCX_TEXT_WIDTH));
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const cols = widths.length;

  const header = t.header.map((cells, i) => {
    const numbersRow = i === t.header.length - 1 && t.header.length > 1;
    return new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: cells.flatMap((h, c) =>
        h === null
          ? []
          : [
              new TableCell({
                columnSpan: h.colSpan,
                rowSpan: h.rowSpan,
                width: { size: spanWidth(c, h.colSpan ?? 1), type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins: CELL_MARGINS,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [
                      new TextRun({
                        text: h.text,
                        bold: !numbersRow,
                        italics: numbersRow,
                        size: numbersRow ? SIZE_NUMBERS : SIZE_TEXT,
                        font: FONT,
                      }),
                    ],
                  }),
                ],
              }),
            ],
      ),
    });
  });

  const bold = t.rows.map((_, i) => t.boldRows.includes(i));
  const body = t.rows.length
    ? t.rows.map(
        (values, i) =>
          new TableRow({
            cantSplit: true,
            children: values.map(
              (v, c) =>
                // Body cells carry only what differs from the defaults (the document's run style, the
                // table's cell margins): Phụ lục III lists every overdue task, thousands of rows, and
                // the docx package's time grows with every property object.
                new TableCell({
                  width: { size: widths[c], type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  children: [
                    new Paragraph({
                      alignment: typeof v === 'number' || isRate(v) ? AlignmentType.CENTER : ALIGN[t.align[c]],
                      children: [new TextRun(bold[i] ? { text: cellText(v), bold: true } : cellText(v))],
                    }),
                  ],
                }),
            ),
          }),
      )
    : [
        new TableRow({
          children: [
            new TableCell({
              columnSpan: cols,
              width: { size: spanWidth(0, cols), type: WidthType.DXA },
              margins: CELL_MARGINS,
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ text: t.emptyText ?? '', italics: true, size: SIZE_TEXT, font: FONT })],
                }),
              ],
            }),
          ],
        }),
      ];

  return new Table({
    width: { size: spanWidth(0, cols), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows: [...header, ...body],
  });
}
