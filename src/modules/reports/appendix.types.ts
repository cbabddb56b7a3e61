import { LocalDate } from 'src/core/time/local-date';

/**
 * The appendix tables of a report (DESIGN.md "Reports — the appendix tables"): the JSON of
 * GET /api/reports/appendix and the snapshot a ReportRun stores. Rates are fractions rounded to
 * three decimals (0.881), or null when there is nothing to divide by.
 */
export interface AppendixReport {
  period: AppendixPeriod;
  /** Phụ lục I: proposals (kind `proposal`) whose effective due date falls in [from, to] (the total row). */
  programItems: ProgramItemFigures;
  /** Phụ lục I per lead agency (agencies with at least one item), in the order of `byAgency`. */
  programItemsByAgency: AgencyProgramItemFigures[];
  /** Phụ lục II: tasks (kind `task`) assigned on or before `to`, not done before `from`, not withdrawn/deferred. */
  tasks: TaskFigures;
  /** Phụ lục II per lead agency (agencies with at least one counted task). */
  byAgency: AgencyTaskFigures[];
  /**
   * Phụ lục III: the tasks of Phụ lục II still open and overdue as of `asOf`, by due date then agency —
   * the page `overduePage` says (the whole list goes to the XLSX and DOCX; 84,000 rows at national scale).
   */
  overdue: OverdueTask[];
  /** Which rows of Phụ lục III `overdue` holds; `total` is all of them (= tasks.openOverdue). */
  overduePage: OverduePage;
}

export interface OverduePage {
  page: number;
  limit: number;
  total: number;
}

export interface AppendixPeriod {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
}

export interface ProgramItemFigures {
  /** (1) giao đầu năm. */
  initial: number;
  /** (2) giao thêm. */
  added: number;
  /** (3) xin chuyển, xin rút. */
  withdrawnOrDeferred: number;
  /** (4) = (1) + (2) − (3). */
  total: number;
  /** (5) đã trình: submitted or done, by the submission date (or completion date), on or before asOf. */
  submitted: number;
  /** (6) đã ban hành: done by asOf. */
  issued: number;
  /** (7) = (4) − (5). */
  notSubmitted: number;
  /** (8) = (5) / (4). */
  submittedRate: number | null;
}

export interface TaskCounts {
  /** A = B + E. */
  total: number;
  /** B: done on or before asOf. */
  done: number;
  /** C: done on or before the effective due date (or without one). */
  doneOnTime: number;
  /** D: done after the effective due date. */
  doneLate: number;
  /** E: not done as of asOf. */
  open: number;
  /** F: open, not yet past the effective due date (or without one). */
  openInTime: number;
  /** G: open and past the effective due date. */
  openOverdue: number;
  /** B / A: done over all tasks given (what the provincial reports print: 42/46 = 91,3%). */
  doneRate: number | null;
  /** B / (B + G): done over the tasks that have come due (the national reports' formula). */
  completionRate: number | null;
}

export interface TaskFigures extends TaskCounts {
  /** Assigned before `from` (chuyển từ kỳ trước). */
  carriedOver: number;
  /** Assigned in [from, to]. */
  assignedInPeriod: number;
}

export interface AgencyProgramItemFigures extends ProgramItemFigures {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
}

export interface AgencyTaskFigures extends TaskCounts {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
}

export interface OverdueTask {
  /** TT: 1, 2, 3 … */
  no: number;
  taskId: number;
  code: string | null;
  sourceDocument: string | null;
  title: string;
  dueDate: LocalDate | null;
  effectiveDueDate: LocalDate;
  agencyName: string;
  daysOverdue: number;
  /** "quá hạn N ngày". */
  note: string;
}

/** What a document needs beside the figures: who issues it, for which period, under which report number. */
export interface ReportDocumentInfo {
  /** PROVINCE_NAME, e.g. "Bình Phước". */
  provinceName: string;
  /** "Quý II năm 2024", or "Từ ngày 01/01/2024 đến ngày 30/6/2024". */
  periodLabel: string;
  /** The period inside a sentence: "quý II năm 2024", "kỳ báo cáo". */
  periodPhrase: string;
  /** "165" or "165/BC-UBND"; null prints "…". */
  reportNumber: string | null;
  reportDate: LocalDate | null;
  /** Set when the report covers one program or one agency only. */
  programTitle?: string | null;
  agencyName?: string | null;
}
