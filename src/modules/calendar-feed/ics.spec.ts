import { renderCalendar } from './ics';

/** The content lines of an iCalendar text: unfolded, split on CRLF. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

/** A TEXT value read back (RFC 5545 §3.3.11). */
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const calendar = (summary: string, description: string | null = null) =>
  renderCalendar({
    prodId: '-//nhiemvu//test//VI',
    name: 'Nhiệm vụ – Sở Tài chính',
    timeZone: 'Asia/Ho_Chi_Minh',
    events: [
      {
        uid: 'task-1@nhiemvu',
        date: '2024-12-31',
        summary,
        description,
        url: 'https://nhiemvu.example/app/tasks/1',
        modifiedAt: new Date('2024-06-01T00:00:00Z'),
        sequence: 2,
        categories: ['Chủ trì'],
      },
    ],
  });

describe('ics (ical-generator)', () => {
  it('should write a valid calendar: CRLF lines of at most 75 octets, balanced components, NAME:value lines', () => {
    const text = calendar(`Hạn hoàn thành: ${'Đề án phát triển kinh tế ban đêm '.repeat(6)}`, 'Nội dung: a\nCơ quan chủ trì: Sở Tài chính');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n');
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    const lines = unfold(text);
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9-]*(;[^:]+)?:/);
    const opened = lines.filter((l) => l.startsWith('BEGIN:')).map((l) => l.slice(6));
    const closed = lines.filter((l) => l.startsWith('END:')).map((l) => l.slice(4));
    expect(opened.sort()).toEqual(closed.sort());
  });

  it('should keep Vietnamese text intact through folding and escaping', () => {
    const summary = `Hạn hoàn thành: B.2.3 – Báo cáo, tổng hợp; số liệu \\ ${'Đề án phát triển kinh tế ban đêm '.repeat(4)}`.trim();
    const description = 'Nội dung: Rà soát\nTrạng thái: Đang thực hiện, tiến độ 40%';
    const lines = unfold(calendar(summary, description));
    const value = (name: string) => unescape(lines.find((l) => l.startsWith(`${name}:`))!.slice(name.length + 1));
    expect(value('SUMMARY')).toBe(summary);
    expect(value('DESCRIPTION')).toBe(description);
    expect(value('X-WR-CALNAME')).toBe('Nhiệm vụ – Sở Tài chính');
    expect(value('CATEGORIES')).toBe('Chủ trì');
  });

  it('should render all-day events ending the next day, with their id, sequence and stamps', () => {
    const lines = unfold(calendar('Hạn hoàn thành: Báo cáo'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
        'BEGIN:VEVENT',
        'UID:task-1@nhiemvu',
        'SEQUENCE:2',
        'DTSTAMP:20240601T000000Z',
        'LAST-MODIFIED:20240601T000000Z',
        'DTSTART;VALUE=DATE:20241231',
        'DTEND;VALUE=DATE:20250101',
        'TRANSP:TRANSPARENT',
        'STATUS:CONFIRMED',
        'END:VEVENT',
      ]),
    );
  });

  it('should drop control characters a TEXT value may not hold', () => {
    const lines = unfold(calendar('a\u0000b\u0007c\td\u007f'));
    expect(lines).toContain('SUMMARY:abc\td');
  });
});
