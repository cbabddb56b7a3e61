import { AppendixReport, ProgramItemFigures, ReportDocumentInfo, TaskCounts } from '../appendix.types';
import { attachedToLine, formatDocumentDate, upperVi } from '../report-format';

/**
 * The appendix tables as data — titles, header grids with their spans, rows — for the XLSX; the
 * default DOCX template (appendix-docx.template.ts) takes its header grids from here too, so both
 * files head their columns alike.
 */

/** A fraction shown as a percentage ('0.0%' in XLSX, "88,1%" in DOCX); null shows "-". */
export interface RateValue {
  rate: number | null;
}

export type CellValue = string | number | RateValue;

export function isRate(v: CellValue): v is RateValue {
  return typeof v === 'object' && v !== null && 'rate' in v;
}

/** A header cell; `null` marks a place covered by a span from the left or from above. */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export type Align = 'left' | 'center' | 'right';

export interface AppendixTable {
  /** Column widths in characters (XLSX); the DOCX takes them as proportions. */
  widths: number[];
  align: Align[];
  header: (HeaderCell | null)[][];
  rows: CellValue[][];
  /** Rows (indexes into `rows`) printed bold: the total row. */
  boldRows: number[];
  /** Shown across the table when there are no rows. */
  emptyText?: string;
}

export interface AppendixSheet {
  /** XLSX sheet name. */
  sheetName: string;
  /** "PHỤ LỤC I". */
  appendixLabel: string;
  /** Uppercase title. */
  title: string;
  table: AppendixTable;
}

export interface AppendixLayout {
  /** "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC". */
  committee: string;
  /** "(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND tỉnh Bình Phước)". */
  attachedTo: string;
  /** "Số liệu từ ngày … đến ngày …, tính đến ngày …" (+ program / agency when scoped). */
  scopeLine: string;
  programItems: AppendixSheet;
  tasks: AppendixSheet;
  byAgency: AppendixSheet;
  overdue: AppendixSheet;
}

export const SHEET_NAMES = {
  programItems: 'Phụ lục I',
  tasks: 'Phụ lục II',
  overdue: 'Phụ lục III',
  byAgency: 'Theo cơ quan',
} as const;

const rateOf = (rate: number | null): RateValue => ({ rate });

/** "QUÝ II NĂM 2024", or "TỪ NGÀY 01/01/2024 ĐẾN NGÀY 30/6/2024". */
function periodTitle(info: ReportDocumentInfo): string {
  return upperVi(info.periodLabel);
}

/** Phụ lục I per lead agency, with the total row last (an agency-scoped report has one agency row and the total). */
function programItemsTable(r: AppendixReport, info: ReportDocumentInfo): AppendixTable {
  const p = info.periodPhrase;
  const figures = (c: ProgramItemFigures): CellValue[] => [
    c.initial,
    c.added,
    c.withdrawnOrDeferred,
    c.total,
    c.submitted,
    c.issued,
    c.notSubmitted,
    rateOf(c.submittedRate),
  ];
  const rows: CellValue[][] = (r.programItemsByAgency ?? []).map((a, i) => [i + 1, a.agencyName, ...figures(a)]);
  rows.push(['', 'Tổng cộng', ...figures(r.programItems)]);
  return {
    widths: [5, 30, 11, 11, 16, 10, 15, 15, 11, 17],
    align: ['center', 'left', ...(Array(8).fill('center') as Align[])],
    header: [
      [
        { text: 'TT', rowSpan: 2 },
        { text: 'Cơ quan chủ trì', rowSpan: 2 },
        { text: `Số đề án phải trình trong ${p}`, colSpan: 4 },
        null,
        null,
        null,
        { text: `Tổng số đề án đã trình thuộc CTCT ${p}`, rowSpan: 2 },
        { text: `Số đề án đã ban hành thuộc CTCT ${p}`, rowSpan: 2 },
        { text: 'Số đề án chưa trình', rowSpan: 2 },
        { text: 'Tỷ lệ đề án đã trình so với tổng số đề án phải trình', rowSpan: 2 },
      ],
      [
        null,
        null,
        { text: 'Số đề án giao đầu năm' },
        { text: 'Số đề án giao thêm' },
        { text: `Số đề án xin chuyển, xin rút khỏi CTCT ${p}` },
        { text: 'Tổng số' },
        null,
        null,
        null,
        null,
      ],
      ['', '', '(1)', '(2)', '(3)', '(4)=(1)+(2)-(3)', '(5)', '(6)', '(7)=(4)-(5)', '(8)=(5)/(4)'].map((text) => ({ text })),
    ],
    rows,
    boldRows: [rows.length - 1],
  };
}

/** The two rates of Phụ lục II, each labelled (DESIGN.md): over all tasks given, and over those come due. */
export const DONE_RATE_LABEL = 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao';
export const COMPLETION_RATE_LABEL = 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn';

const TASK_NUMBERS = ['(1)=(4)+(7)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)=(4)/(1)', '(11)=(4)/[(4)+(9)]'];

function tasksTable(r: AppendixReport): AppendixTable {
  const t = r.tasks;
  return {
    widths: [12, 12, 12, 10, 10, 10, 10, 10, 10, 17, 17],
    align: Array(11).fill('center') as Align[],
    header: [
      [
        { text: 'Tổng số nhiệm vụ', rowSpan: 2 },
        { text: 'Trong đó', colSpan: 2 },
        null,
        { text: 'Đã hoàn thành', colSpan: 3 },
        null,
        null,
        { text: 'Chưa hoàn thành', colSpan: 3 },
        null,
        null,
        { text: DONE_RATE_LABEL, rowSpan: 2 },
        { text: COMPLETION_RATE_LABEL, rowSpan: 2 },
      ],
      [
        null,
        { text: 'Chuyển từ kỳ trước' },
        { text: 'Giao trong kỳ' },
        { text: 'Tổng số' },
        { text: 'Đúng hạn' },
        { text: 'Quá hạn' },
        { text: 'Tổng số' },
        { text: 'Trong hạn' },
        { text: 'Quá hạn' },
        null,
        null,
      ],
      TASK_NUMBERS.map((text) => ({ text })),
    ],
    rows: [
      [
        t.total,
        t.carriedOver,
        t.assignedInPeriod,
        t.done,
        t.doneOnTime,
        t.doneLate,
        t.open,
        t.openInTime,
        t.openOverdue,
        rateOf(t.doneRate ?? null),
        rateOf(t.completionRate),
      ],
    ],
    boldRows: [],
  };
}

function byAgencyTable(r: AppendixReport): AppendixTable {
  const t = r.tasks;
  const figures = (a: TaskCounts): CellValue[] => [
    a.total,
    a.done,
    a.doneOnTime,
    a.doneLate,
    a.open,
    a.openInTime,
    a.openOverdue,
    rateOf(a.doneRate ?? null),
    rateOf(a.completionRate),
  ];
  const rows: CellValue[][] = r.byAgency.map((a, i) => [i + 1, a.agencyName, ...figures(a)]);
  if (rows.length) rows.push(['', 'Tổng cộng', ...figures(t)]);
  return {
    widths: [5, 30, 11, 10, 10, 10, 10, 10, 10, 16, 16],
    align: ['center', 'left', ...(Array(9).fill('center') as Align[])],
    header: [
      [
        { text: 'TT', rowSpan: 2 },
        { text: 'Cơ quan chủ trì', rowSpan: 2 },
        { text: 'Tổng số nhiệm vụ', rowSpan: 2 },
        { text: 'Đã hoàn thành', colSpan: 3 },
        null,
        null,
        { text: 'Chưa hoàn thành', colSpan: 3 },
        null,
        null,
        { text: DONE_RATE_LABEL, rowSpan: 2 },
        { text: COMPLETION_RATE_LABEL, rowSpan: 2 },
      ],
      [
        null,
        null,
        null,
        { text: 'Tổng số' },
        { text: 'Đúng hạn' },
        { text: 'Quá hạn' },
        { text: 'Tổng số' },
        { text: 'Trong hạn' },
        { text: 'Quá hạn' },
        null,
        null,
      ],
      ['(1)', '(2)', '(3)=(4)+(7)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)=(4)/(3)', '(11)=(4)/[(4)+(9)]'].map((text) => ({ text })),
    ],
    rows,
    boldRows: rows.length ? [rows.length - 1] : [],
    emptyText: 'Không có nhiệm vụ trong kỳ báo cáo.',
  };
}

/** Thời hạn hoàn thành: the due date as given, and the working day it moved to when it fell on a day off. */
export function dueDateText(dueDate: string | null, effectiveDueDate: string): string {
  const given = formatDocumentDate(dueDate ?? effectiveDueDate);
  return dueDate && dueDate !== effectiveDueDate ? `${given} (hạn thực tế: ${formatDocumentDate(effectiveDueDate)})` : given;
}

function overdueTable(r: AppendixReport): AppendixTable {
  return {
    widths: [6, 34, 50, 20, 28, 24],
    align: ['center', 'left', 'left', 'center', 'left', 'center'],
    header: [
      [
        { text: 'TT' },
        { text: 'Văn bản giao nhiệm vụ' },
        { text: 'Nội dung nhiệm vụ' },
        { text: 'Thời hạn hoàn thành' },
        { text: 'Cơ quan được giao' },
        { text: 'Ghi chú' },
      ],
    ],
    rows: r.overdue.map((o) => [
      o.no,
      o.sourceDocument ?? '',
      o.code ? `${o.code}. ${o.title}` : o.title,
      dueDateText(o.dueDate, o.effectiveDueDate),
      o.agencyName,
      o.note,
    ]),
    boldRows: [],
    emptyText: 'Không có nhiệm vụ quá hạn.',
  };
}

export function buildAppendixLayout(r: AppendixReport, info: ReportDocumentInfo): AppendixLayout {
  const period = periodTitle(info);
  const scope = [
    `Số liệu từ ngày ${formatDocumentDate(r.period.from)} đến ngày ${formatDocumentDate(r.period.to)}, tính đến ngày ${formatDocumentDate(r.period.asOf)}`,
    info.programTitle ? `chương trình: ${info.programTitle}` : null,
    info.agencyName ? `cơ quan chủ trì: ${info.agencyName}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    committee: `ỦY BAN NHÂN DÂN TỈNH ${upperVi(info.provinceName)}`,
    attachedTo: attachedToLine(info.reportNumber, info.reportDate, info.provinceName),
    scopeLine: `${scope}.`,
    programItems: {
      sheetName: SHEET_NAMES.programItems,
      appendixLabel: 'PHỤ LỤC I',
      title: `KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC ${period}`,
      table: programItemsTable(r, info),
    },
    tasks: {
      sheetName: SHEET_NAMES.tasks,
      appendixLabel: 'PHỤ LỤC II',
      title: `KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO ${period}`,
      table: tasksTable(r),
    },
    byAgency: {
      sheetName: SHEET_NAMES.byAgency,
      appendixLabel: 'PHỤ LỤC II (TIẾP THEO)',
      title: `KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO THEO CƠ QUAN CHỦ TRÌ ${period}`,
      table: byAgencyTable(r),
    },
    overdue: {
      sheetName: SHEET_NAMES.overdue,
      appendixLabel: 'PHỤ LỤC III',
      title: `DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN ${period}`,
      table: overdueTable(r),
    },
  };
}
