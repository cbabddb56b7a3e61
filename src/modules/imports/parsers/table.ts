import { HttpStatus } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { foldVietnamese } from 'src/core/text/vietnamese';
import { IMPORT_LIMITS, formatCount } from '../import-limits';
import { CellValue, Issue, RawItem, TableField } from '../import.types';
import { cleanLine } from '../text-clean';
import { isHeadingMarker, Marker, Outline, readCellMarker, readLineMarker } from './outline';

/**
 * Tables (sheets of .xlsx, .csv, tables of .docx) → items. The header row is found among the first
 * rows by its titles, matched without regard to case, diacritics and punctuation, with the usual
 * variants ("Thời gian hoàn thành", "Đơn vị chủ trì", "STT" …) and a second header row under a
 * merged "Cơ quan thực hiện" ("Chủ trì" | "Phối hợp"). Section rows (A., I., numbered headings,
 * uppercase titles) give items their group and code (outline.ts).
 */

export interface GridCell {
  value: CellValue | null;
  /** "B7" in a sheet, for messages. */
  address?: string;
  /** A formula cell saved without its computed value (exceljs never evaluates formulas). */
  formulaWithoutResult?: boolean;
  /** An error value ("#N/A"). */
  error?: string;
}

export interface Grid {
  /** Sheet or table name for messages; null for a CSV. */
  name: string | null;
  /** Rows from the top; `rowNumbers[i]` is the number users see for rows[i]. */
  rows: (GridCell | null)[][];
  rowNumbers: number[];
  /** How positions are called in messages ("Dòng", "Dòng" of a sheet …). */
  refPrefix: string;
}

/** Header titles, folded, without punctuation. Longer variants are tried first. */
const HEADERS: Record<TableField, string[]> = {
  [TableField.Code]: ['tt', 'stt', 'so tt', 'so thu tu', 'ma', 'ma so', 'ma nhiem vu', 'so hieu', 'thu tu'],
  [TableField.Title]: [
    'noi dung',
    'noi dung cong viec',
    'noi dung nhiem vu',
    'ten nhiem vu',
    'nhiem vu',
    'ten de an',
    'ten de an nhiem vu',
    'de an nhiem vu',
    'noi dung de an',
    'ten van ban',
    'cong viec',
    'noi dung trinh',
    'ten de an noi dung trinh',
    'ten de an van ban',
    'ten nhiem vu de an',
    'noi dung cong tac',
    'trich yeu',
  ],
  [TableField.LeadAgency]: [
    'co quan chu tri',
    'don vi chu tri',
    'co quan thuc hien',
    'don vi thuc hien',
    'co quan chu tri soan thao',
    'co quan chu tri thuc hien',
    'don vi chu tri thuc hien',
    'co quan tham muu',
    'co quan duoc giao',
    'don vi duoc giao',
    'chu tri',
    'co quan don vi chu tri',
    'co quan trinh',
    'don vi trinh',
    'co quan chu tri tham muu',
    'co quan chu tri xay dung',
  ],
  [TableField.CoordinatingAgencies]: [
    'co quan phoi hop',
    'don vi phoi hop',
    'phoi hop',
    'co quan don vi phoi hop',
    'co quan phoi hop thuc hien',
  ],
  [TableField.Due]: [
    'thoi han',
    'thoi han hoan thanh',
    'thoi gian hoan thanh',
    'thoi gian trinh',
    'thoi han trinh',
    'thoi diem trinh',
    'tien do',
    'tien do hoan thanh',
    'thoi gian thuc hien',
    'han hoan thanh',
    'thoi han thuc hien',
    'thoi gian',
    'thoi diem hoan thanh',
    'thoi gian trinh ban hanh',
    'thoi han trinh ban hanh',
  ],
  [TableField.LeaderInCharge]: [
    'lanh dao phu trach',
    'lanh dao ubnd tinh phu trach',
    'lanh dao chi dao',
    'lanh dao phu trach linh vuc',
    'nguoi phu trach',
    'lanh dao ubnd tinh chi dao',
    'lanh dao ubnd tinh',
    'lanh dao',
  ],
  [TableField.OutputForm]: [
    'hinh thuc van ban',
    'hinh thuc',
    'hinh thuc san pham',
    'san pham',
    'loai van ban',
    'hinh thuc van ban trinh',
    'san pham dau ra',
    'hinh thuc trinh',
  ],
  [TableField.SubmitTo]: [
    'cap trinh',
    'cap quyet dinh',
    'cap ban hanh',
    'tham quyen ban hanh',
    'co quan ban hanh',
    'cap co tham quyen',
    'trinh cap',
    'noi trinh',
    'cap tham quyen',
    'co quan quyet dinh',
  ],
  [TableField.SourceDocument]: [
    'van ban giao nhiem vu',
    'van ban giao',
    'can cu',
    'can cu giao nhiem vu',
    'nguon',
    'nguon giao nhiem vu',
    'van ban chi dao',
    'van ban can cu',
    'xuat xu',
    'can cu phap ly',
  ],
  [TableField.Note]: ['ghi chu'],
};

/** Vietnamese column names, for messages. */
export const FIELD_LABELS: Record<TableField, string> = {
  [TableField.Code]: 'TT',
  [TableField.Title]: 'Nội dung',
  [TableField.LeadAgency]: 'Cơ quan chủ trì',
  [TableField.CoordinatingAgencies]: 'Cơ quan phối hợp',
  [TableField.Due]: 'Thời hạn',
  [TableField.LeaderInCharge]: 'Lãnh đạo phụ trách',
  [TableField.OutputForm]: 'Hình thức văn bản',
  [TableField.SubmitTo]: 'Cấp trình',
  [TableField.SourceDocument]: 'Văn bản giao nhiệm vụ',
  [TableField.Note]: 'Ghi chú',
};

export const REQUIRED_COLUMNS: TableField[] = [TableField.Title, TableField.LeadAgency];

const VARIANTS: [string, TableField][] = Object.entries(HEADERS)
  .flatMap(([field, names]) => names.map((n) => [n, field as TableField] as [string, TableField]))
  .sort((a, b) => b[0].length - a[0].length);
const EXACT = new Map(VARIANTS);

function headerKey(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' ').replace(/[*:;,.\-–/\\&"“”]+/g, ' '));
}

/** The column a header title names, or null. */
export function matchHeader(text: string): TableField | null {
  const key = headerKey(text);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  // "Thời hạn hoàn thành dự kiến", "Nội dung công việc cần triển khai"
  const prefix = VARIANTS.find(([v]) => v.length >= 4 && key.startsWith(`${v} `));
  return prefix ? prefix[1] : null;
}

export function cellText(cell: GridCell | null | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : v.date;
}

interface HeaderFound {
  row: number;
  columns: Map<number, TableField>;
  dataStart: number;
}

/** The header row among the first 30 rows, or the columns it lacks (best candidate). */
export function findHeader(grid: Grid): HeaderFound | { missing: TableField[]; found: boolean } {
  let best: { row: number; columns: Map<number, TableField> } | null = null;
  const limit = Math.min(grid.rows.length, 30);
  for (let r = 0; r < limit; r++) {
    const columns = new Map<number, TableField>();
    grid.rows[r].forEach((cell, c) => {
      const field = matchHeader(cellText(cell));
      if (field && ![...columns.values()].includes(field)) columns.set(c, field);
    });
    if (columns.size >= 2 && [...columns.values()].includes(TableField.Title)) {
      subHeaders(grid, r, columns);
      const fields = [...columns.values()];
      const missing = REQUIRED_COLUMNS.filter((f) => !fields.includes(f));
      if (missing.length === 0) return { row: r, columns, dataStart: r + 1 + (columns.has(-1) ? 1 : 0) };
      if (!best || columns.size > best.columns.size) best = { row: r, columns };
    }
  }
  if (best) {
    const fields = [...best.columns.values()];
    return { missing: REQUIRED_COLUMNS.filter((f) => !fields.includes(f)), found: true };
  }
  return { missing: [...REQUIRED_COLUMNS], found: false };
}

/**
 * A second header row under a merged "Cơ quan thực hiện": "Chủ trì" | "Phối hợp". Marks it by the
 * key -1 in `columns` so that data starts one row later.
 */
function subHeaders(grid: Grid, r: number, columns: Map<number, TableField>): void {
  const next = grid.rows[r + 1];
  if (!next) return;
  const found = new Map<number, TableField>();
  next.forEach((cell, c) => {
    const key = headerKey(cellText(cell));
    if (key === 'chu tri' || key === 'co quan chu tri' || key === 'don vi chu tri') found.set(c, TableField.LeadAgency);
    else if (key === 'phoi hop' || key === 'co quan phoi hop' || key === 'don vi phoi hop')
      found.set(c, TableField.CoordinatingAgencies);
  });
  if (found.size === 0) return;
  for (const [c, field] of columns)
    if (field === TableField.LeadAgency || field === TableField.CoordinatingAgencies) columns.delete(c);
  for (const [c, field] of found) columns.set(c, field);
  columns.set(-1, TableField.Note); // marker only (removed by the caller)
}

export function missingColumnsError(missing: TableField[], where: string | null, found: boolean): DomainError {
  const names = missing.map((f) => `“${FIELD_LABELS[f]}”`).join(', ');
  const place = where ? ` trong ${where}` : '';
  const message = found
    ? `Bảng${place} thiếu cột ${names}. Các cột cần có: TT, Nội dung, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn (xem mẫu GET /api/imports/template.xlsx)`
    : `Không tìm thấy dòng tiêu đề của bảng${place}: cần các cột ${names} (xem mẫu GET /api/imports/template.xlsx)`;
  return new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: thiếu cột ${names}` }]);
}

export function tooManyItemsError(count: number): DomainError {
  const message = `Tệp có ${formatCount(count)} dòng, vượt quá giới hạn ${formatCount(IMPORT_LIMITS.maxItems)} dòng mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn`;
  return new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: ${message}` }]);
}

const STOP = /^(noi nhan|tm\.? |kt\.? |tl\.? |tuq\.? )/;
const TOTAL = /^(tong cong|tong so|cong)\b/;

interface Row {
  index: number;
  values: Partial<Record<TableField, GridCell>>;
  text: Partial<Record<TableField, string>>;
  stripped: boolean;
}

function readRow(grid: Grid, r: number, columns: Map<number, TableField>): Row {
  const values: Row['values'] = {};
  const text: Row['text'] = {};
  let stripped = false;
  for (const [c, field] of columns) {
    const cell = grid.rows[r]?.[c];
    if (!cell) continue;
    values[field] = cell;
    if (typeof cell.value === 'string') {
      // Agencies on separate lines of a cell are separate names.
      const agencies = field === TableField.LeadAgency || field === TableField.CoordinatingAgencies;
      const clean = cleanLine(agencies ? cell.value.replace(/\s*[\r\n]+\s*/g, '; ') : cell.value);
      stripped ||= clean.stripped;
      if (clean.text) text[field] = clean.text;
    } else if (cell.value) {
      text[field] = cell.value.date;
    }
  }
  return { index: r, values, text, stripped };
}

const DETAIL_FIELDS: TableField[] = [
  TableField.LeadAgency,
  TableField.CoordinatingAgencies,
  TableField.Due,
  TableField.LeaderInCharge,
  TableField.OutputForm,
  TableField.SubmitTo,
  TableField.SourceDocument,
];

function isEmpty(row: Row): boolean {
  return Object.keys(row.text).length === 0 && !Object.values(row.values).some((v) => v?.formulaWithoutResult);
}

function isHeaderAgain(grid: Grid, r: number): boolean {
  let n = 0;
  for (const cell of grid.rows[r] ?? []) if (matchHeader(cellText(cell))) n++;
  return n >= 2;
}

/** "(1) (2) (3) …" or "1 2 3 …": the column numbers some tables put under the header. */
function isColumnNumbers(grid: Grid, r: number): boolean {
  const values = (grid.rows[r] ?? []).map((c) => cellText(c).trim()).filter(Boolean);
  if (values.length < 3) return false;
  const nums = values.map((v) => /^\(?(\d{1,2})\)?$/.exec(v)?.[1]);
  return nums.every((n) => n !== undefined) && nums.every((n, i) => i === 0 || +n > +nums[i - 1]);
}

function isUpperTitle(s: string): boolean {
  return /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi') && s.length <= 300;
}

/** Is the row at `r` (its TT) a child of a numbered row `parts`? */
function isChildOf(marker: Marker, parts: string[]): boolean {
  switch (marker.kind) {
    case 'number':
      return marker.parts.length > parts.length && parts.every((p, i) => marker.parts[i] === p);
    case 'alpha':
    case 'dash':
    case 'plus':
    case 'none':
      return true;
    default:
      return false;
  }
}

/**
 * Items of a table whose header was found. Refuses (400) more than IMPORT_LIMITS.maxItems rows.
 */
export function tableItems(grid: Grid, header: HeaderFound): RawItem[] {
  const columns = new Map([...header.columns].filter(([c]) => c >= 0));
  const fields = [...new Set(columns.values())];
  const outline = new Outline();
  const rows: Row[] = [];
  for (let r = header.dataStart; r < grid.rows.length; r++) {
    const row = readRow(grid, r, columns);
    if (isEmpty(row)) continue;
    const first = foldVietnamese(Object.values(row.text)[0] ?? '');
    if (STOP.test(`${first} `) && !row.text[TableField.LeadAgency]) break;
    if (
      TOTAL.test(foldVietnamese(row.text[TableField.Title] ?? row.text[TableField.Code] ?? '')) &&
      !row.text[TableField.LeadAgency]
    )
      continue;
    if (isHeaderAgain(grid, r) || isColumnNumbers(grid, r)) continue;
    rows.push(row);
  }
  if (rows.length > IMPORT_LIMITS.maxItems) throw tooManyItemsError(rows.length);

  const items: { item: RawItem; entry: ReturnType<Outline['item']> }[] = [];
  rows.forEach((row, i) => {
    const tt = row.text[TableField.Code] ?? '';
    const title = row.text[TableField.Title] ?? '';
    const hasDetails = DETAIL_FIELDS.some((f) => row.text[f]);
    let marker = readCellMarker(tt, outline.previousLetter);
    let heading = title;
    if (marker.kind === 'none' && title) {
      const inTitle = readLineMarker(title, outline.previousLetter);
      if (inTitle && isHeadingMarker(inTitle.marker) && inTitle.marker.kind !== 'part') {
        marker = inTitle.marker;
        heading = title;
      }
    } else if (isHeadingMarker(marker) && 'label' in marker) {
      heading = `${marker.label}. ${title}`;
    }
    if (!hasDetails && title) {
      if (isHeadingMarker(marker)) {
        outline.heading(marker, heading);
        return;
      }
      if (marker.kind === 'number') {
        const next = rows[i + 1];
        const nextMarker = next ? readCellMarker(next.text[TableField.Code] ?? '', outline.previousLetter) : null;
        // A child: "1.1", "a", "-", or a row without TT that is an item itself.
        const child =
          nextMarker &&
          isChildOf(nextMarker, marker.parts) &&
          (nextMarker.kind !== 'none' || DETAIL_FIELDS.some((f) => next.text[f]));
        if (child) {
          outline.heading(marker, `${tt.replace(/[.)]+$/, '')}. ${title}`);
          return;
        }
      }
      if (marker.kind === 'none' && isUpperTitle(title)) {
        outline.label(title);
        return;
      }
    }
    const entry = outline.item(marker);
    const position = grid.rowNumbers[row.index];
    const warnings: Issue[] = [];
    const errors: Issue[] = [];
    const cells: RawItem['cells'] = {};
    for (const field of fields) {
      const cell = row.values[field];
      if (cell?.formulaWithoutResult) {
        const msg = `ô ${cell.address ?? FIELD_LABELS[field]} là công thức chưa có giá trị đã tính (hãy mở tệp bằng Excel và lưu lại)`;
        if (field === TableField.Title) errors.push({ field, message: msg });
        else warnings.push({ field, message: `${msg}; bỏ qua` });
      }
      if (cell?.error)
        warnings.push({
          field,
          message: `ô ${cell.address ?? FIELD_LABELS[field]} có giá trị lỗi ${cell.error}; bỏ qua`,
        });
      if (field === TableField.Code || field === TableField.Title) continue;
      const value = cell?.value;
      if (value && typeof value !== 'string') cells[field] = value;
      else if (row.text[field]) cells[field] = row.text[field];
    }
    items.push({
      item: {
        ref: `${grid.refPrefix} ${position}`,
        position,
        source: 'table',
        code: null,
        group: entry.group,
        parentCode: entry.parentCode,
        title,
        cells,
        columns: fields,
        stripped: row.stripped,
        warnings,
        errors,
      },
      entry,
    });
  });
  outline.finish();
  return items.map(({ item, entry }) => ({ ...item, code: entry.code }));
}
