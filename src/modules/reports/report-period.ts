import { HttpStatus } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { ACCEPTED_DATE_MESSAGE, LocalDate, isAcceptedLocalDate, parseLocalDate, tryMakeLocalDate } from 'src/core/time/local-date';
import { PeriodWindow, ResolvedPeriod, resolvePeriod } from 'src/modules/calendar/periods';
import { formatDocumentDate } from './report-format';

export const MAX_REPORT_YEARS = 5;

export const PERIOD_WINDOWS: readonly PeriodWindow[] = ['cutoff', 'calendar'];

/** What a request may give: explicit dates, or a named period and its window. */
export interface ReportWindowInput {
  from?: string;
  to?: string;
  asOf?: string;
  period?: string;
  window?: PeriodWindow;
}

export interface ReportWindow {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  /** Canonical period name ('2024-Q2') and its window, when built from one. */
  periodName: string | null;
  window: PeriodWindow | null;
  /** "Quý II năm 2024" or "Từ ngày 15/3/2024 đến ngày 14/6/2024". */
  label: string;
  /** The period inside a sentence: "quý II năm 2024", "kỳ báo cáo". */
  phrase: string;
}

function bad(message: string, field?: string): DomainError {
  return new DomainError(message, HttpStatus.BAD_REQUEST, field ? [{ field, message: `${field}: ${message}` }] : []);
}

/** The day `years` years after `d` (29/02 → 28/02 when that year has none). */
function addYears(d: LocalDate, years: number): LocalDate {
  const [y, m, day] = parseLocalDate(d);
  return tryMakeLocalDate(y + years, m, day) ?? tryMakeLocalDate(y + years, m, day - 1)!;
}

export function lowerFirst(s: string): string {
  return /^[A-ZÀ-Ỹa-zà-ỹĐđ]/.test(s) ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

/**
 * Turns the request into a checked window. Throws a DomainError (400, Vietnamese) for: both or
 * neither of period and dates, half a date range, a window without a period, an unknown period
 * name or window, from after to, a window over five years, asOf before from.
 */
export function resolveReportWindow(input: ReportWindowInput, defaultWindow: PeriodWindow): ReportWindow {
  const hasDates = input.from !== undefined || input.to !== undefined;
  let from: LocalDate;
  let to: LocalDate;
  let periodName: string | null = null;
  let window: PeriodWindow | null = null;
  let label: string;
  let phrase: string;

  if (input.period !== undefined) {
    if (hasDates) throw bad('Chỉ chọn một trong hai: kỳ báo cáo hoặc khoảng ngày (từ ngày, đến ngày)', 'period');
    window = input.window ?? defaultWindow;
    if (!PERIOD_WINDOWS.includes(window)) throw bad('Cách tính kỳ phải là cutoff hoặc calendar', 'window');
    let resolved;
    try {
      resolved = resolvePeriod(input.period, window);
    } catch {
      throw bad(
        `Kỳ báo cáo "${input.period}" không hợp lệ; dùng dạng 2024, 2024-06, 2024-Q2, 2024-H1, 2024-H2 hoặc 2024-9M`,
        'period',
      );
    }
    ({ from, to, label } = resolved);
    periodName = resolved.name;
    phrase = lowerFirst(label);
  } else {
    if (input.window !== undefined) throw bad('Chỉ chọn cách tính kỳ (theo lịch hay theo ngày chốt số liệu) cùng với kỳ báo cáo', 'window');
    if (input.from === undefined && input.to === undefined) {
      throw bad('Cần chọn kỳ báo cáo hoặc khoảng ngày (từ ngày và đến ngày)');
    }
    if (input.from === undefined) throw bad('Thiếu ngày bắt đầu kỳ báo cáo', 'from');
    if (input.to === undefined) throw bad('Thiếu ngày kết thúc kỳ báo cáo', 'to');
    for (const [field, value] of [
      ['from', input.from],
      ['to', input.to],
    ] as const) {
      if (!isAcceptedLocalDate(value)) throw bad(`Ngày "${String(value)}" không hợp lệ: ${ACCEPTED_DATE_MESSAGE}`, field);
    }
    from = input.from;
    to = input.to;
    label = `Từ ngày ${formatDocumentDate(from)} đến ngày ${formatDocumentDate(to)}`;
    phrase = 'kỳ báo cáo';
  }

  if (from > to) throw bad('Ngày bắt đầu không được sau ngày kết thúc', 'from');
  if (to >= addYears(from, MAX_REPORT_YEARS)) throw bad(`Kỳ báo cáo không được dài quá ${MAX_REPORT_YEARS} năm`, 'to');
  const asOf = input.asOf ?? to;
  if (!isAcceptedLocalDate(asOf)) throw bad(`Ngày "${String(asOf)}" không hợp lệ: ${ACCEPTED_DATE_MESSAGE}`, 'asOf');
  if (asOf < from) throw bad('Ngày tính số liệu không được trước ngày bắt đầu kỳ báo cáo', 'asOf');
  return { from, to, asOf, periodName, window, label, phrase };
}

/** The kinds of period a page can default to (the names resolvePeriod takes). */
export const DEFAULT_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type DefaultPeriodKind = (typeof DEFAULT_PERIOD_KINDS)[number];

function namesOf(kind: DefaultPeriodKind, year: number): string[] {
  switch (kind) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case 'half':
      return [`${year}-H1`, `${year}-H2`];
    case 'year':
      return [`${year}`];
  }
}

/**
 * The last period of `kind` whose window has closed by `today` (its last day is before today): in
 * December the default quarter is Quý III (or Quý IV once the cut-off 14/12 has passed), never Quý I.
 */
export function lastClosedPeriod(today: LocalDate, kind: DefaultPeriodKind, window: PeriodWindow): ResolvedPeriod {
  const [year] = parseLocalDate(today);
  const closed = [year - 2, year - 1, year]
    .flatMap((y) => namesOf(kind, y))
    .map((name) => resolvePeriod(name, window))
    .filter((p) => p.to < today);
  return closed.reduce((a, b) => (b.to > a.to ? b : a));
}
