import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { addDays, LocalDate } from 'src/core/time/local-date';

/**
 * The agency deadline feed as iCalendar (RFC 5545), written by ical-generator: all-day VEVENTs,
 * TEXT escaping, lines folded at 75 octets without splitting a UTF-8 character, CRLF line endings.
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

/** Drops the control characters a TEXT value may not hold (HTAB may; the library escapes newlines). */
function text(value: string): string {
  return [...value]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return !((code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0x7f);
    })
    .join('');
}

/** A calendar day as the UTC midnight ical-generator writes as a DATE (no time zone given). */
function day(d: LocalDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

/** The whole calendar object, CRLF-terminated. */
export function renderCalendar(cal: IcsCalendar): string {
  const calendar = ical({
    prodId: cal.prodId,
    name: text(cal.name),
    description: cal.description ? text(cal.description) : null,
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  // X-WR-TIMEZONE only names the feed's zone for clients; the events are all-day dates without one.
  if (cal.timeZone) calendar.x('X-WR-TIMEZONE', cal.timeZone);
  for (const e of cal.events) {
    const event = calendar.createEvent({
      id: e.uid,
      start: day(e.date),
      end: day(addDays(e.date, 1)),
      allDay: true,
      summary: text(e.summary),
      description: e.description ? text(e.description) : null,
      url: e.url ?? null,
      stamp: e.modifiedAt,
      lastModified: e.modifiedAt,
      transparency: ICalEventTransparency.TRANSPARENT,
      status: ICalEventStatus.CONFIRMED,
      ...(e.sequence !== undefined ? { sequence: e.sequence } : {}),
    });
    if (e.categories?.length) event.categories(e.categories.map((name) => ({ name: text(name) })));
  }
  const body = calendar.toString();
  return body.endsWith('\r\n') ? body : `${body}\r\n`;
}
