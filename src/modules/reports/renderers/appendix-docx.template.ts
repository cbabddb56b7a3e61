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
import { EMPTY_REPORT } from './sample-report';
import { AppendixTable, buildAppendixLayout, COMPLETION_RATE_LABEL, DONE_RATE_LABEL } from './appendix-layout';

/**
 * The default template of the report's appendices (Phụ lục I, II, III) as a .docx with docxtemplater
 * placeholders (APPENDIX_FIELDS), in the layout of Nghị định 30/2020/NĐ-CP: Times New Roman, the
 * two-column header (committee | national motto), "PHỤ LỤC …", the title, "(Kèm theo Báo cáo số …)",
 * the tables; one landscape A4 section per appendix, pages numbered at the top centre from each
 * appendix's second page. Written to templates/docx/phu-luc-bao-cao.docx by `npm run templates:build`;
 * the office may replace it (PUT /api/document-templates/phu-luc-bao-cao).
 */

/** A4 (portrait measures; docx swaps them for landscape) and the margins of Nghị định 30/2020: 20 mm top/bottom/right, 30 mm left. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
/** Landscape text width in twips. */
export const DOCX_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;

const FONT = 'Times New Roman';
/** Half-points: 14 pt for the titles, 13 pt for text and tables, 11 pt for the column numbers. */
const SIZE_TITLE = 28;
const SIZE_TEXT = 26;
const SIZE_NUMBERS = 22;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const CELL_MARGINS = { top: 40, bottom: 40, left: 60, right: 60 };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: Align;
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

/** A paragraph holding only a loop or condition tag: docxtemplater drops it (paragraphLoop). */
const tag = (t: string) => new Paragraph({ children: [new TextRun(t)] });

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
function nationalHeader(): Table {
  const left = Math.round(DOCX_TEXT_WIDTH * 0.4);
  const right = DOCX_TEXT_WIDTH - left;
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
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
            text('TỈNH {provinceUpper}', { bold: true, align: AlignmentType.CENTER }),
            // About a third of "TỈNH BÌNH PHƯỚC" (13 pt bold capitals are ≈ 190 twips a letter).
            rule(left, 1150),
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

/** Arabic page numbers centred at the top (Nghị định 30/2020), from the second page on: the first carries the header. */
function pageNumberHeaders(): ISectionOptions['headers'] {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE_TEXT, font: FONT })] })],
    }),
  };
}

function section(label: string, title: string, body: (Paragraph | Table)[]): ISectionOptions {
  return {
    headers: pageNumberHeaders(),
    properties: { titlePage: true, page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
    children: [
      nationalHeader(),
      text(label, { bold: true, size: SIZE_TITLE, align: AlignmentType.CENTER, before: 240 }),
      // Vietnamese capitals carry stacked marks (Ệ, Ả): a little air between the title lines.
      text(title, { bold: true, size: SIZE_TITLE, align: AlignmentType.CENTER, before: 80 }),
      text('(Kèm theo Báo cáo số {reportSymbol} ngày {reportDate} của UBND tỉnh {provinceName})', { italics: true, size: SIZE_TITLE, align: AlignmentType.CENTER, before: 40 }),
      text('Số liệu từ ngày {from} đến ngày {to}, tính đến ngày {asOf}{scopeDetail}.', { italics: true, align: AlignmentType.CENTER, before: 40, after: 180 }),
      ...body,
    ],
  };
}

/** A body row of a template table: its cells' texts (with tags), printed bold or not. */
interface TemplateRow {
  cells: string[];
  bold?: boolean;
}

/**
 * A table: the header grid of the XLSX layout (the same texts and spans), then the template rows —
 * a row whose first cell opens a loop ({#list}) and whose last cell closes it is repeated per item —
 * and, with `empty`, a row shown only when `empty.list` has no items (its text across the table).
 */
function table(t: AppendixTable, rows: TemplateRow[], empty?: { list: string; text: string }): Table {
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
                    children: [new TextRun({ text: h.text, bold: !numbersRow, italics: numbersRow, size: numbersRow ? SIZE_NUMBERS : SIZE_TEXT, font: FONT })],
                  }),
                ],
              }),
            ],
      ),
    });
  });

  const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map(
          (v, c) =>
            // Body cells carry only what differs from the defaults (the document's run style, the
            // table's cell margins): the row is repeated for every overdue task, thousands of them.
            new TableCell({
              width: { size: widths[c], type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: [new Paragraph({ alignment: ALIGN[t.align[c]], children: [new TextRun(r.bold ? { text: v, bold: true } : v)] })],
            }),
        ),
      }),
  );
  if (empty) {
    // The condition must open and close in different cells for docxtemplater to keep or drop the
    // whole row: the text spans all columns but the last, and the line between the two is hidden.
    body.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: cols - 1,
            width: { size: spanWidth(0, cols - 1), type: WidthType.DXA },
            margins: CELL_MARGINS,
            borders: { right: NO_BORDER },
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `{^${empty.list}}${empty.text}`, italics: true })] })],
          }),
          new TableCell({
            width: { size: widths[cols - 1], type: WidthType.DXA },
            borders: { left: NO_BORDER },
            children: [new Paragraph({ children: [new TextRun(`{/${empty.list}}`)] })],
          }),
        ],
      }),
    );
  }
  return new Table({ width: { size: spanWidth(0, cols), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, margins: CELL_MARGINS, rows: [...header, ...body] });
}

/** `{#list}a`, b, …, `z{/list}`: a row repeated per item of `list` (or shown once for an object). */
const loopRow = (list: string, fields: string[], bold = false): TemplateRow => ({
  bold,
  cells: fields.map((f, i) => `${i === 0 ? `{#${list}}` : ''}${f}${i === fields.length - 1 ? `{/${list}}` : ''}`),
});
const tags = (names: string[]) => names.map((n) => `{${n}}`);

const PROGRAM_ITEM_FIGURES = ['initial', 'added', 'withdrawnOrDeferred', 'total', 'submitted', 'issued', 'notSubmitted', 'submittedRate'];
const TASK_FIGURES = ['total', 'done', 'doneOnTime', 'doneLate', 'open', 'openInTime', 'openOverdue', 'doneRate', 'completionRate'];

export function buildAppendixTemplate(): Document {
  // The header grids are the XLSX's (built with the period phrase as a placeholder).
  const layout = buildAppendixLayout(EMPTY_REPORT, { provinceName: '', periodLabel: '', periodPhrase: '{periodPhrase}', reportNumber: null, reportDate: null });
  return new Document({
    creator: 'nhiemvu',
    title: 'Phụ lục báo cáo kết quả thực hiện nhiệm vụ',
    styles: { default: { document: { run: { font: FONT, size: SIZE_TEXT }, paragraph: { spacing: { after: 0, line: 288 } } } } },
    sections: [
      section('PHỤ LỤC I', 'KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC {periodTitle}', [
        text('{#programItems}Đã trình {submitted}/{total} đề án phải trình (đạt {submittedRate}); đã ban hành {issued}; chưa trình {notSubmitted}.{/programItems}', { indent: true, after: 120 }),
        table(layout.programItems.table, [
          loopRow('programItemsByAgency', tags(['no', 'agencyName', ...PROGRAM_ITEM_FIGURES])),
          loopRow('programItems', ['', 'Tổng cộng', ...tags(PROGRAM_ITEM_FIGURES)], true),
        ]),
        // Inline, not a paragraph loop: the last paragraph of a section holds its section break, which
        // docxtemplater would drop with a loop's closing paragraph.
        text('{#noProgramItems}Ghi chú: Không có đề án phải trình trong kỳ báo cáo.{/noProgramItems}', { italics: true, before: 120 }),
      ]),
      section('PHỤ LỤC II', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO {periodTitle}', [
        text('1. Thống kê kết quả thực hiện:', { bold: true, after: 40 }),
        tag('{#tasksText}'),
        text('- Tổng số nhiệm vụ giao: {total} nhiệm vụ (chuyển từ kỳ trước: {carriedOver}; giao trong kỳ: {assignedInPeriod});', { indent: true, after: 20 }),
        text('+ Số nhiệm vụ đã hoàn thành: {done}, trong đó: đúng hạn: {doneOnTime}; quá hạn: {doneLate};', { indent: true, after: 20 }),
        text('+ Số nhiệm vụ chưa hoàn thành: {open}, trong đó: trong hạn: {openInTime}; quá hạn: {openOverdue};', { indent: true, after: 20 }),
        tag('{/tasksText}'),
        tag('{#tasks}'),
        text(`- ${DONE_RATE_LABEL}: {done}/{total} = {doneRate};`, { indent: true, after: 20 }),
        text(`- ${COMPLETION_RATE_LABEL} (đã hoàn thành và chưa hoàn thành quá hạn): {done}/{comeDue} = {completionRate}.`, { indent: true, after: 120 }),
        tag('{/tasks}'),
        table(layout.tasks.table, [loopRow('tasks', tags(['total', 'carriedOver', 'assignedInPeriod', 'done', 'doneOnTime', 'doneLate', 'open', 'openInTime', 'openOverdue', 'doneRate', 'completionRate']))]),
        text('2. Kết quả thực hiện theo cơ quan chủ trì:', { bold: true, before: 160, after: 60 }),
        table(
          layout.byAgency.table,
          [loopRow('byAgency', tags(['no', 'agencyName', ...TASK_FIGURES])), loopRow('byAgencyTotal', ['', 'Tổng cộng', ...tags(TASK_FIGURES)], true)],
          { list: 'byAgency', text: 'Không có nhiệm vụ trong kỳ báo cáo.' },
        ),
        text('3. Thống kê chi tiết các nhiệm vụ chưa hoàn thành quá hạn: {#hasOverdue}{overdueCount} nhiệm vụ (Phụ lục III){/hasOverdue}{^hasOverdue}Không có{/hasOverdue}.', {
          bold: true,
          before: 160,
        }),
      ]),
      section('PHỤ LỤC III', 'DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN {periodTitle}', [
        table(layout.overdue.table, [loopRow('overdue', tags(['no', 'sourceDocument', 'title', 'dueDate', 'agencyName', 'note']))], {
          list: 'overdue',
          text: 'Không có nhiệm vụ quá hạn.',
        }),
      ]),
    ],
  });
}

/** The default template as a .docx (what `npm run templates:build` writes). */
export function buildAppendixTemplateFile(): Promise<Buffer> {
  return Packer.toBuffer(buildAppendixTemplate());
}
