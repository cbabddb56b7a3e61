import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  ITableCellBorders,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/*
 * The layout of the default công văn đôn đốc template, built with the `docx` package by
 * `npm run templates:build` (build-default-templates.ts); only that build and its tests load this file:
 * the running app renders the .docx it wrote (cong-van-don-doc.docx.ts has the fields and the data).
 */

const FONT = 'Times New Roman';
// Sizes in half-points (Nghị định 30/2020/NĐ-CP, Phụ lục I: body 13–14, header 12–13, "Nơi nhận" 11–12).
const BODY = 28;
const HEADER = 26;
const SMALL = 24;
const TINY = 22;

const NO_BORDERS: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: style.size ?? BODY, bold: style.bold, italics: style.italics });
}

function centered(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, style)] });
}

function body(children: TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 120, after: 120, line: 300 },
    children,
  });
}

/** A header line with the short centred rule of ND 30 under it (an empty paragraph's bottom border). */
function ruled(text: string, style: RunStyle, ruleIndentMm: number): Paragraph[] {
  return [
    centered(text, style),
    new Paragraph({
      spacing: { before: 0, after: 100, line: 60, lineRule: LineRuleType.EXACT },
      border: { bottom: LINE },
      indent: { left: convertMillimetersToTwip(ruleIndentMm), right: convertMillimetersToTwip(ruleIndentMm) },
      children: [],
    }),
  ];
}

function cell(children: Paragraph[], widthPct: number, borders?: ITableCellBorders): TableCell {
  return new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders,
    verticalAlign: VerticalAlign.TOP,
  });
}

function header(): Table {
  const left = [
    centered('ỦY BAN NHÂN DÂN', { bold: true, size: HEADER }),
    ...ruled('TỈNH {provinceUpper}', { bold: true, size: HEADER }, 22),
    centered('Số: …/UBND-TH', { size: HEADER }, 60),
    centered('V/v đôn đốc thực hiện nhiệm vụ quá hạn', { size: SMALL }),
  ];
  const right = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL }),
    ...ruled('Độc lập - Tự do - Hạnh phúc', { bold: true, size: HEADER }, 22),
    centered('{provinceName}, ngày … tháng … năm {year}', { italics: true, size: BODY }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top },
    rows: [new TableRow({ children: [cell(left, 42, NO_BORDERS), cell(right, 58, NO_BORDERS)] })],
  });
}

const TABLE_STYLE = 'LetterTable';

/** The table of overdue tasks: one row repeated per task ({#tasks} … {/tasks} around the row). */
function taskTable(): Table {
  const head = ['TT', 'Văn bản giao nhiệm vụ', 'Nội dung nhiệm vụ', 'Thời hạn hoàn thành', 'Số ngày quá hạn'];
  const widths = [7, 27, 38, 14, 14];
  const para = (
    text: string,
    align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
    bold = false,
  ) =>
    // Size and spacing come from the paragraph style: a letter lists every overdue task of the
    // agency, and the docx package's time grows with every property object (npm run bench, scan).
    new Paragraph({
      style: TABLE_STYLE,
      alignment: align,
      children: [new TextRun(bold ? { text, bold: true } : text)],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: head.map((h, i) => cell([para(h, AlignmentType.CENTER, true)], widths[i])),
    }),
    new TableRow({
      children: [
        cell([para('{#tasks}{no}', AlignmentType.CENTER)], widths[0]),
        cell([para('{sourceDocument}')], widths[1]),
        cell([para('{title}', AlignmentType.JUSTIFIED)], widths[2]),
        cell([para('{dueDate}', AlignmentType.CENTER)], widths[3]),
        cell([para('{daysOverdue} ngày{/tasks}', AlignmentType.CENTER)], widths[4]),
      ],
    }),
  ];
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, layout: TableLayoutType.FIXED, rows });
}

function signature(): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SMALL })] }),
    ...['- Như trên;', '- Chủ tịch, các PCT UBND tỉnh;', '- LĐVP, Phòng TH;', '- Lưu: VT, TH.'].map(
      (l) => new Paragraph({ children: [run(l, { size: TINY })] }),
    ),
  ];
  const right = [
    centered('KT. CHỦ TỊCH', { bold: true, size: BODY }),
    centered('PHÓ CHỦ TỊCH', { bold: true, size: BODY }, 1200),
    centered('(Chữ ký, dấu)', { italics: true, size: SMALL }, 600),
    centered('……………………', { bold: true, size: BODY }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top },
    rows: [new TableRow({ children: [cell(left, 50, NO_BORDERS), cell(right, 50, NO_BORDERS)] })],
  });
}

/**
 * The default template of the draft công văn đôn đốc (Nghị định 30/2020/NĐ-CP layout: A4, Times New
 * Roman, the committee and national motto header, number and date left for the office to fill in),
 * with docxtemplater placeholders where the letter's data goes (CONG_VAN_FIELDS). Written to
 * templates/docx/cong-van-don-doc.docx by `npm run templates:build`; the office may replace it.
 */
export function buildCongVanTemplate(): Document {
  return new Document({
    creator: 'nhiemvu',
    title: 'Đôn đốc thực hiện nhiệm vụ quá hạn',
    styles: {
      default: { document: { run: { font: FONT, size: BODY } } },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: 'Bảng nhiệm vụ',
          run: { font: FONT, size: SMALL },
          paragraph: { spacing: { before: 40, after: 40 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [
          header(),
          new Paragraph({
            spacing: { before: 360, after: 240 },
            alignment: AlignmentType.CENTER,
            children: [run('Kính gửi: '), run('{agencyName}.')],
          }),
          body([
            run(
              'Theo dõi trên Hệ thống theo dõi nhiệm vụ, tính đến ngày {asOf}, {agencyName} còn {taskCount} nhiệm vụ ' +
                'được Ủy ban nhân dân tỉnh giao chủ trì thực hiện đã quá thời hạn nhưng chưa hoàn thành, cụ thể như sau:',
            ),
          ]),
          taskTable(),
          body([
            run(
              'Để bảo đảm tiến độ thực hiện các nhiệm vụ được giao, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu {agencyName} ' +
                'khẩn trương tập trung hoàn thành các nhiệm vụ nêu trên; trường hợp không thể hoàn thành, có văn bản báo cáo rõ nguyên nhân, ' +
                'đề xuất gia hạn hoặc xin rút nhiệm vụ, gửi về Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban nhân dân tỉnh) ',
            ),
            run('trước ngày {replyBy}', { bold: true }),
            run(' để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.'),
          ]),
          body([run('Ủy ban nhân dân tỉnh yêu cầu {agencyName} nghiêm túc triển khai thực hiện./.')]),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signature(),
        ],
      },
    ],
  });
}

/** The default template as a .docx (what scripts/build-docx-templates.ts writes). */
export function buildCongVanTemplateFile(): Promise<Buffer> {
  return Packer.toBuffer(buildCongVanTemplate());
}
