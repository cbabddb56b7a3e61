import { formatInTimeZone } from 'date-fns-tz';

/**
 * A calendar day in Asia/Ho_Chi_Minh, as 'YYYY-MM-DD'. Zero-padded, so string order is date order.
 * All arithmetic here is integer day arithmetic on the proleptic Gregorian calendar: nothing reads
 * the process time zone.
 */
export type LocalDate = string;

const VN_DATE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

// Hand-rolled rather than a regex: this runs for every task of a 100,000-task report.
function ymdOf(s: unknown): [number, number, number] | null {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return null;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  return isValidYmd(y, m, d) ? [y, m, d] : null;
}

export function isValidLocalDate(s: unknown): s is LocalDate {
  return ymdOf(s) !== null;
}

/** The days the application accepts from people and files: a province's work is dated 2000–2100. */
export const MIN_ACCEPTED_DATE: LocalDate = '2000-01-01';
export const MAX_ACCEPTED_DATE: LocalDate = '2100-12-31';

/** A real day inside [MIN_ACCEPTED_DATE, MAX_ACCEPTED_DATE]; every date that comes in is checked with this. */
export function isAcceptedLocalDate(s: unknown): s is LocalDate {
  return isValidLocalDate(s) && s >= MIN_ACCEPTED_DATE && s <= MAX_ACCEPTED_DATE;
}

/** The Vietnamese reason a date is refused (shared by the validators, the services and the importer). */
export const ACCEPTED_DATE_MESSAGE = 'phải là ngày hợp lệ dạng YYYY-MM-DD, từ 01/01/2000 đến 31/12/2100';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The date, or null when (y, m, d) is not a real day (2023-02-29, month 13 …). */
export function tryMakeLocalDate(year: number, month: number, day: number): LocalDate | null {
  return isValidYmd(year, month, day) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
}

/** Builds a date from its parts (month 1–12); throws a RangeError when it is not a real day. */
export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  const d = tryMakeLocalDate(year, month, day);
  if (d === null) throw new RangeError(`Invalid date: year ${year}, month ${month}, day ${day}`);
  return d;
}

/** [year, month (1–12), day]; throws a RangeError for anything but a valid 'YYYY-MM-DD'. */
export function parseLocalDate(d: LocalDate): [number, number, number] {
  const ymd = ymdOf(d);
  if (ymd === null) throw new RangeError(`Invalid date ${JSON.stringify(d)}: expected YYYY-MM-DD`);
  return ymd;
}

// Days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms).
function toEpochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return makeLocalDate(y, m, d);
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDays(d: LocalDate): number {
  const [y, m, day] = parseLocalDate(d);
  return toEpochDay(y, m, day);
}

export function fromEpochDays(days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromEpochDay(days);
}

export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return fromEpochDay(toEpochDays(d) + n);
}

/** `to` − `from` in whole days (negative when `to` is earlier). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toEpochDays(to) - toEpochDays(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((toEpochDays(d) + 4) % 7) + 7) % 7;
}

export function compareLocalDate(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The last day of the month (month 1–12), e.g. (2024, 2) → '2024-02-29'. */
export function lastDayOfMonth(year: number, month: number): LocalDate {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  return makeLocalDate(year, month, daysInMonth(year, month));
}

let lastToday: { tz: string; minute: number; day: LocalDate } | null = null;

/** The calendar day it is in `tz` at the instant `now`, whatever process.env.TZ says. */
export function todayIn(tz: string, now: Date = new Date()): LocalDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid instant');
  // Every request asks (several times) and the zone conversion is costly: the answer is kept for
  // the minute (zones' offsets are whole minutes, so a day never changes within one).
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastToday && lastToday.tz === tz && lastToday.minute === minute) return lastToday.day;
  let day: string;
  try {
    day = formatInTimeZone(now, tz, 'yyyy-MM-dd');
  } catch {
    throw new RangeError(`Unknown time zone ${JSON.stringify(tz)}`);
  }
  if (!isValidLocalDate(day)) throw new RangeError(`Unknown time zone ${JSON.stringify(tz)}`);
  lastToday = { tz, minute, day };
  return day;
}

/** '2024-03-15' → '15/03/2024' (the form used in Vietnamese documents). */
export function formatVietnameseDate(d: LocalDate): string {
  const [y, m, day] = parseLocalDate(d);
  return `${pad(day, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
}

/** '15/3/2024' (also '15-3-2024', '15.3.2024') → '2024-03-15'; null when not a real day or not that form. */
export function parseVietnameseDate(s: string): LocalDate | null {
  if (typeof s !== 'string') return null;
  const m = VN_DATE.exec(s.trim());
  return m === null ? null : tryMakeLocalDate(+m[4], +m[3], +m[1]);
}
