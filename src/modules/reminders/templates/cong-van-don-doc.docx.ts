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
import { formatVietnameseDate, LocalDate, parseLocalDate } from 'src/core/time/local-date';

/** One row of the letter's table. */
export interface LetterTask {
  code: string | null;
  title: string;
  sourceDocument: string | null;
  effectiveDueDate: LocalDate;
  daysOverdue: number;
}

export interface LetterInput {
  /** "Bình Phước". */
  provinceName: string;
  agencyName: string;
  asOf: LocalDate;
  /** The day the agency must finish or ask for an extension or withdrawal by. */
  replyBy: LocalDate;
  tasks: LetterTask[];
}

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

/** Its name among the document templates (templates/docx/cong-van-don-doc.docx, PUT /api/document-templates/cong-van-don-doc). */
export const CONG_VAN_TEMPLATE = 'cong-van-don-doc';

/** What an uploaded template is tried on before it replaces the one in use. */
export const CONG_VAN_SAMPLE: LetterInput = {
  provinceName: 'Bình Phước',
  agencyName: 'Sở Tài chính',
  asOf: '2024-07-15',
  replyBy: '2024-07-24',
  tasks: [
    { code: 'B.2.3', title: 'Xây dựng Đề án phát triển kinh tế ban đêm', sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ', effectiveDueDate: '2024-06-28', daysOverdue: 17 },
    { code: null, title: 'Báo cáo tổng kết công tác quyết toán', sourceDocument: null, effectiveDueDate: '2024-07-01', daysOverdue: 14 },
  ],
};

/** The placeholders of the công văn đôn đốc: what a template may use (DocumentTemplate.fields). */
export const CONG_VAN_FIELDS = {
  provinceName: 'Tên tỉnh ("Bình Phước")',
  provinceUpper: 'Tên tỉnh viết hoa ("BÌNH PHƯỚC")',
  year: 'Năm của ngày lập',
  agencyName: 'Cơ quan được đôn đốc',
  asOf: 'Ngày tính số liệu (dd/mm/yyyy)',
  replyBy: 'Hạn báo cáo lại (dd/mm/yyyy)',
  taskCount: 'Số nhiệm vụ quá hạn',
  tasks: {
    no: 'Số thứ tự',
    sourceDocument: 'Văn bản giao nhiệm vụ',
    title: 'Nội dung nhiệm vụ (kèm mã)',
    dueDate: 'Thời hạn hoàn thành (dd/mm/yyyy)',
    daysOverdue: 'Số ngày quá hạn',
  },
} as const;

/** The data a công văn template is rendered with. */
export function congVanData(input: LetterInput): Record<string, unknown> {
  const [year] = parseLocalDate(input.asOf);
  return {
    provinceName: input.provinceName,
    provinceUpper: input.provinceName.toLocaleUpperCase('vi'),
    year: String(year),
    agencyName: input.agencyName,
    asOf: formatVietnameseDate(input.asOf),
    replyBy: formatVietnameseDate(input.replyBy),
    taskCount: input.tasks.length,
    tasks: input.tasks.map((t, i) => ({
      no: i + 1,
      sourceDocument: t.sourceDocument ?? '',
      title: t.code ? `${t.code}. ${t.title}` : t.title,
      dueDate: formatVietnameseDate(t.effectiveDueDate),
      daysOverdue: t.daysOverdue,
    })),
  };
}

/** The default template as a .docx (what scripts/build-docx-templates.ts writes). */
export function buildCongVanTemplateFile(): Promise<Buffer> {
  return Packer.toBuffer(buildCongVanTemplate());
}
