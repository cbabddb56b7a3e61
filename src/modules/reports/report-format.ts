import { LocalDate, parseLocalDate } from 'src/core/time/local-date';

/** How figures, dates and names are written in the documents and file names. */

export type ReportFormat = 'xlsx' | 'docx';

export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'docx'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * A date as administrative documents write it (Nghị định 30/2020/NĐ-CP): the day on two digits,
 * the month with a leading zero only for January and February — 01/7/2020, 15/01/2024, 30/6/2024.
 */
export function formatDocumentDate(d: LocalDate): string {
  const [y, m, day] = parseLocalDate(d);
  return `${String(day).padStart(2, '0')}/${m < 3 ? `0${m}` : m}/${y}`;
}

/** A fraction as a Vietnamese percentage with one decimal and a decimal comma: 0.881 → "88,1%"; null → "-". */
export function formatRate(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '-';
  return `${(Math.round(r * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

/** A count inside a sentence as the reports write it: 4 → "04", 42 → "42", 0 → "0". */
export function formatCountInText(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : String(n);
}

/** "165" → "165/BC-UBND"; a full symbol is kept; none → "…/BC-UBND". */
export function reportSymbol(reportNumber: string | null): string {
  if (!reportNumber || !reportNumber.trim()) return '…/BC-UBND';
  const n = reportNumber.trim();
  return n.includes('/') ? n : `${n}/BC-UBND`;
}

/** "(Kèm theo Báo cáo số 165/BC-UBND ngày 01/7/2020 của UBND tỉnh Bình Dương)". */
export function attachedToLine(reportNumber: string | null, reportDate: LocalDate | null, provinceName: string): string {
  const date = reportDate ? formatDocumentDate(reportDate) : '…';
  return `(Kèm theo Báo cáo số ${reportSymbol(reportNumber)} ngày ${date} của UBND tỉnh ${provinceName})`;
}

/** Uppercase the Vietnamese way ("Bình Phước" → "BÌNH PHƯỚC"). */
export function upperVi(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** The file name without extension: "Phụ lục báo cáo Quý II năm 2024", "Phụ lục báo cáo 01.01.2024 - 30.06.2024". */
export function reportFileTitle(periodLabel: string, from: LocalDate, to: LocalDate, named: boolean): string {
  if (named) return `Phụ lục báo cáo ${periodLabel}`;
  const dots = (d: LocalDate) => d.split('-').reverse().join('.');
  return `Phụ lục báo cáo ${dots(from)} - ${dots(to)}`;
}

export { asciiFileName, contentDisposition, stripDiacritics } from 'src/core/http/content-disposition';
