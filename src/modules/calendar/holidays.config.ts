import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from 'src/core/config/project-root';
import { isValidLocalDate } from 'src/core/time/local-date';
import { CALENDAR_DAY_KINDS, CalendarDay } from './working-calendar';

/** An entry of config/holidays.json; `note` marks, e.g., a date not yet officially announced. */
export interface HolidayEntry extends CalendarDay {
  note?: string;
}

export interface HolidayCalendarFile {
  source: string;
  days: HolidayEntry[];
}

export class HolidayConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayConfigError';
  }
}

const ENTRY_KEYS = new Set(['date', 'name', 'kind', 'note']);
const FILE_KEYS = new Set(['source', 'days']);

export function holidaysFilePath(): string {
  return join(projectRoot(), 'config', 'holidays.json');
}

function describeEntry(index: number, entry: unknown): string {
  return `days[${index}] ${JSON.stringify(entry)}`;
}

/**
 * Checks the parsed content of a holidays file: every date a real 'YYYY-MM-DD', every kind known,
 * a non-empty name, no date listed twice. Throws a HolidayConfigError naming the bad entry.
 */
export function validateHolidayCalendar(raw: unknown, origin = 'holidays.json'): HolidayCalendarFile {
  const fail = (msg: string): never => {
    throw new HolidayConfigError(`${origin}: ${msg}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail('expected an object with "source" and "days"');
  const file = raw as Record<string, unknown>;
  for (const key of Object.keys(file)) if (!FILE_KEYS.has(key)) fail(`unknown top-level key "${key}"`);
  if (typeof file.source !== 'string' || file.source.trim() === '') fail('"source" must be a non-empty string');
  if (!Array.isArray(file.days)) fail('"days" must be an array');

  const seen = new Map<string, number>();
  const days: HolidayEntry[] = [];
  (file.days as unknown[]).forEach((entry, i) => {
    const where = describeEntry(i, entry);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(`${where}: expected an object`);
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) fail(`${where}: unknown key "${key}"`);
    if (!isValidLocalDate(e.date)) fail(`${where}: "date" must be a real day as YYYY-MM-DD`);
    if (typeof e.name !== 'string' || e.name.trim() === '') fail(`${where}: "name" must be a non-empty string`);
    if (!CALENDAR_DAY_KINDS.includes(e.kind as CalendarDay['kind'])) {
      fail(`${where}: "kind" must be one of ${CALENDAR_DAY_KINDS.join(', ')}`);
    }
    if (e.note !== undefined && typeof e.note !== 'string') fail(`${where}: "note" must be a string`);
    const date = e.date as string;
    const first = seen.get(date);
    if (first !== undefined) fail(`${where}: duplicate date ${date}, already listed at days[${first}]`);
    seen.set(date, i);
    const day: HolidayEntry = { date, name: (e.name as string).trim(), kind: e.kind as CalendarDay['kind'] };
    if (e.note !== undefined) day.note = e.note as string;
    days.push(day);
  });
  return { source: file.source as string, days };
}

/** Reads and validates config/holidays.json (or `file`). */
export function loadHolidayCalendar(file: string = holidaysFilePath()): HolidayCalendarFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new HolidayConfigError(`${file}: cannot read: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new HolidayConfigError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
  return validateHolidayCalendar(raw, file);
}
