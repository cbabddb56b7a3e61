import { LocalDate } from 'src/core/time/local-date';
import { TaskKind } from 'src/modules/tasks/task.enums';

export type ImportFormat = 'xlsx' | 'csv' | 'docx' | 'txt' | 'pdf' | 'image';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['xlsx', 'csv', 'docx', 'txt', 'pdf', 'image'];

/** A problem of one item (or of the file: field "file"), with a Vietnamese message. */
export interface Issue {
  field: string;
  message: string;
}

/** The columns of a program table (TT | Nội dung | Cơ quan chủ trì | …). */
export enum TableField {
  Code = 'code',
  Title = 'title',
  LeadAgency = 'leadAgency',
  CoordinatingAgencies = 'coordinatingAgencies',
  Due = 'due',
  LeaderInCharge = 'leaderInCharge',
  OutputForm = 'outputForm',
  SubmitTo = 'submitTo',
  SourceDocument = 'sourceDocument',
  Note = 'note',
}

/** A cell: text, or a day (an Excel date cell). */
export type CellValue = string | { date: LocalDate };

/**
 * What every parser produces, one per item of the file, before agencies, deadlines and codes are
 * checked by the normaliser (the same for all formats).
 */
export interface RawItem {
  /** Where the item is, as users read it: "Dòng 12", "Trang tính “KT”, dòng 12", "Đoạn 5". */
  ref: string;
  /** Row (tables), line (.txt) or paragraph (.docx), from 1. */
  position: number;
  source: 'table' | 'text';
  /** Hierarchical code (see parsers/outline.ts); null when the parser could not give one. */
  code: string | null;
  /** The headings above the item ("II. LĨNH VỰC VĂN HÓA - XÃ HỘI"). */
  group: string | null;
  /** Code of the enclosing item (documents): an item that names no agency takes its parent's. */
  parentCode: string | null;
  /** Nội dung (tables) or the item's text (documents). */
  title: string;
  /** Table cells other than TT and Nội dung (absent: column missing or cell empty). */
  cells: Partial<Record<Exclude<TableField, TableField.Code | TableField.Title>, CellValue>>;
  /** Columns the table has: only those are written on re-import. Documents: none. */
  columns: TableField[];
  /** Control characters were removed from the item's text. */
  stripped: boolean;
  warnings: Issue[];
  errors: Issue[];
  /** Read by OCR: the mean confidence (0–100) of its words. */
  confidence?: number | null;
  /** Prose: the assignment this item is a part of ("Giao Sở X chủ trì các nội dung sau:"), for its agencies. */
  context?: string | null;
}

/** What a document's header says about it ("Số: 1066/UBND-VXNV", "Bắc Kạn, ngày 01 tháng 3 năm 2021"). */
export interface DocumentHeader {
  number: string | null;
  /** Công văn, Thông báo, Kế hoạch, Quyết định … */
  type: string | null;
  place: string | null;
  date: LocalDate | null;
  /** "UBND tỉnh Bắc Kạn" */
  issuer: string | null;
  /** A date in the header that is not a real day. */
  dateError: string | null;
  /** The last header line (the body starts after it). */
  headerEnd: number;
  /** "Công văn số 1066/UBND-VXNV ngày 01/03/2021 của UBND tỉnh Bắc Kạn": the tasks' sourceDocument. */
  sourceDocument: string;
}

export interface ParsedFile {
  format: ImportFormat;
  items: RawItem[];
  /** A văn bản giao nhiệm vụ: its header. */
  document?: DocumentHeader | null;
  /** Read by OCR (a scan or an image): pages and the mean confidence of the words (0–100). */
  ocr?: { pages: number; confidence: number } | null;
  /** About the whole file (ignored sheets, missing optional columns). */
  warnings: Issue[];
}

export interface AgencyRefOut {
  id: number;
  code: string;
  name: string;
}

/** An item as it would be written. */
export interface ImportTaskOut {
  code: string | null;
  title: string;
  description: string | null;
  kind: TaskKind;
  group: string | null;
  leadAgency: AgencyRefOut | null;
  coordinatingAgencies: AgencyRefOut[];
  dueDate: LocalDate | null;
  dueText: string | null;
  outputForm: string | null;
  submitTo: string | null;
  leaderInCharge: string | null;
  sourceDocument: string | null;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportItemOut {
  ref: string;
  position: number;
  task: ImportTaskOut;
  /** With no errors: what a commit does (dry run) or did. */
  action: ImportAction | null;
  /** Fields an update changes. */
  changes: string[];
  /** Task fields the file gives (a re-import compares only those); the preview echoes them on commit. */
  provided?: string[];
  /** Read by OCR: the mean confidence (0–100) of the item's words, shown beside it. */
  ocrConfidence?: number | null;
  /** The lead named is a group: its members, for the clerk to choose from. */
  leadGroup?: { name: string; members: AgencyRefOut[] } | null;
  errors: Issue[];
  warnings: Issue[];
}

export interface ImportSummary {
  items: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: number;
}

export interface ImportReport {
  /** Null: imported outside any program. */
  programId: number | null;
  /** The day the tasks are given (the document's date, else the program's). */
  assignedAt?: string;
  fileName: string;
  format: ImportFormat;
  dryRun: boolean;
  /** True once the tasks are written (a commit without errors). */
  committed: boolean;
  summary: ImportSummary;
  /** About the whole file. */
  warnings: Issue[];
  /** A văn bản giao nhiệm vụ: what its header says (number, date, issuer). */
  document?: DocumentHeader | null;
  /** Read by OCR: pages and mean confidence. */
  ocr?: { pages: number; confidence: number } | null;
  items: ImportItemOut[];
}
