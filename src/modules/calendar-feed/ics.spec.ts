import { escapeText, foldLine, icsDate, icsDateTime, renderCalendar } from './ics';

describe('ics', () => {
  it('should escape backslashes, semicolons, commas and newlines in TEXT values', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('should drop control characters but keep tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('should fold lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Đề án phát triển kinh tế ban đêm '.repeat(6)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('should leave a short line alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });

  it('should format dates and instants', () => {
    expect(icsDate('2024-06-30')).toBe('20240630');
    expect(icsDateTime(new Date('2024-06-30T01:02:03.456Z'))).toBe('20240630T010203Z');
  });

  it('should render all-day events ending the next day, with CRLF line endings', () => {
    const text = renderCalendar({
      prodId: '-//nhiemvu//test//VI',
      name: 'Nhiệm vụ – Sở Tài chính',
      events: [
        {
          uid: 'task-1@nhiemvu',
          date: '2024-12-31',
          summary: 'Hạn hoàn thành: B.2.3 – Báo cáo, tổng hợp; số liệu',
          modifiedAt: new Date('2024-06-01T00:00:00Z'),
          sequence: 2,
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:task-1@nhiemvu',
        'DTSTART;VALUE=DATE:20241231',
        'DTEND;VALUE=DATE:20250101',
        'SUMMARY:Hạn hoàn thành: B.2.3 – Báo cáo\\, tổng hợp\\; số liệu',
        'SEQUENCE:2',
        'END:VEVENT',
      ]),
    );
  });
});
