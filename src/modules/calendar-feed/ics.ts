import { addDays, LocalDate } from 'src/core/time/local-date';

/**
 * A minimal iCalendar (RFC 5545) writer for the agency deadline feed: all-day VEVENTs, TEXT
 * escaping (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character (§3.1),
 * CRLF line endings.
 */

export interface IcsEvent {
  uid: string;
  /** The all-day event's day (DTSTART;VALUE=DATE); DTEND is the next day. */
  date: LocalDate;
  summary: string;
  description?: string | null;
  url?: string | null;
  /** DTSTAMP and LAST-MODIFIED. */
  modifiedAt: Date;
  sequence?: number;
  categories?: string[];
}

export interface IcsCalendar {
  prodId: string;
  name: string;
  description?: string;
  timeZone?: string;
  events: IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping: backslash, semicolon, comma and newlines; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((c) => !isControl(c))
    .join('');
}

/** Control characters TEXT may not hold (HTAB is allowed; newlines are escaped before this). */
function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** Splits a content line into physical lines of at most 75 octets, continuation lines led by a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** 2024-06-30 → 20240630. */
export function icsDate(d: LocalDate): string {
  return d.replace(/-/g, '');
}

/** An instant in UTC form: 20240630T013000Z. */
export function icsDateTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsDateTime(e.modifiedAt)}`,
    `LAST-MODIFIED:${icsDateTime(e.modifiedAt)}`,
    `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  lines.push('TRANSP:TRANSPARENT', 'STATUS:CONFIRMED', 'END:VEVENT');
  return lines;
}

/** The whole calendar object, CRLF-terminated. */
export function renderCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...(cal.description ? [`X-WR-CALDESC:${escapeText(cal.description)}`] : []),
    ...(cal.timeZone ? [`X-WR-TIMEZONE:${cal.timeZone}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...cal.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
