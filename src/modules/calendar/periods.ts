import { LocalDate, lastDayOfMonth, makeLocalDate, parseLocalDate } from 'src/core/time/local-date';

/**
 * 'calendar': the plain calendar range. 'cutoff': the data cut-off of Nghị định 09/2019/NĐ-CP,
 * from the 15th of the month before the period's first month to the 14th of its last month.
 */
export type PeriodWindow = 'calendar' | 'cutoff';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year';

export interface ResolvedPeriod {
  /** Canonical name: '2024', '2024-06', '2024-Q2', '2024-H1', '2024-H2', '2024-9M'. */
  name: string;
  kind: PeriodKind;
  from: LocalDate;
  to: LocalDate;
  /** Vietnamese label for reports: 'Quý II năm 2024'. */
  label: string;
}

const PERIOD_NAME = /^(\d{4})(?:-(Q[1-4]|H[12]|9M|\d{1,2}))?$/;
const ROMAN = ['I', 'II', 'III', 'IV'];

interface PeriodSpec {
  name: string;
  kind: PeriodKind;
  year: number;
  firstMonth: number;
  lastMonth: number;
  label: string;
}

function invalidName(name: string): RangeError {
  return new RangeError(
    `Unknown period ${JSON.stringify(name)}: expected YYYY, YYYY-MM, YYYY-Q1..YYYY-Q4, YYYY-H1, YYYY-H2 or YYYY-9M`,
  );
}

function parsePeriodName(name: string): PeriodSpec {
  const m = typeof name === 'string' ? PERIOD_NAME.exec(name.trim().toUpperCase()) : null;
  if (m === null) throw invalidName(name);
  const year = +m[1];
  if (year < 1) throw invalidName(name);
  const part = m[2];
  if (part === undefined)
    return { name: `${year}`, kind: 'year', year, firstMonth: 1, lastMonth: 12, label: `Năm ${year}` };
  if (part.startsWith('Q')) {
    const q = +part.slice(1);
    return {
      name: `${year}-Q${q}`,
      kind: 'quarter',
      year,
      firstMonth: 3 * q - 2,
      lastMonth: 3 * q,
      label: `Quý ${ROMAN[q - 1]} năm ${year}`,
    };
  }
  if (part === 'H1')
    return { name: `${year}-H1`, kind: 'half', year, firstMonth: 1, lastMonth: 6, label: `6 tháng đầu năm ${year}` };
  if (part === 'H2')
    return { name: `${year}-H2`, kind: 'half', year, firstMonth: 7, lastMonth: 12, label: `6 tháng cuối năm ${year}` };
  if (part === '9M')
    return { name: `${year}-9M`, kind: 'nine_months', year, firstMonth: 1, lastMonth: 9, label: `9 tháng năm ${year}` };
  const month = +part;
  if (month < 1 || month > 12) throw invalidName(name);
  return {
    name: `${year}-${String(month).padStart(2, '0')}`,
    kind: 'month',
    year,
    firstMonth: month,
    lastMonth: month,
    label: `Tháng ${month} năm ${year}`,
  };
}

function windowOf(spec: PeriodSpec, window: PeriodWindow): { from: LocalDate; to: LocalDate } {
  if (window === 'calendar') {
    return { from: makeLocalDate(spec.year, spec.firstMonth, 1), to: lastDayOfMonth(spec.year, spec.lastMonth) };
  }
  if (window === 'cutoff') {
    const from =
      spec.firstMonth === 1 ? makeLocalDate(spec.year - 1, 12, 15) : makeLocalDate(spec.year, spec.firstMonth - 1, 15);
    return { from, to: makeLocalDate(spec.year, spec.lastMonth, 14) };
  }
  throw new RangeError(`Unknown period window ${JSON.stringify(window)}: expected 'calendar' or 'cutoff'`);
}

/** The date range of a named period ('2024-Q2', '2024-H1', '2024-H2', '2024-9M', '2024', '2024-06'). */
export function resolvePeriod(name: string, window: PeriodWindow): ResolvedPeriod {
  const spec = parsePeriodName(name);
  return { name: spec.name, kind: spec.kind, ...windowOf(spec, window), label: spec.label };
}

/** The periods scheduled reports are built for, shortest first. */
const REPORTED_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', '9M', 'H2', ''];

/**
 * Every quarter, half-year, 9-month and year period whose window ends exactly on `to`
 * (e.g. calendar 2024-06-30 → 2024-Q2 and 2024-H1). Months are not included.
 */
export function periodsEndingOn(to: LocalDate, window: PeriodWindow): ResolvedPeriod[] {
  const [year] = parseLocalDate(to);
  return REPORTED_PERIODS.map((p) => resolvePeriod(p === '' ? `${year}` : `${year}-${p}`, window)).filter(
    (p) => p.to === to,
  );
}
