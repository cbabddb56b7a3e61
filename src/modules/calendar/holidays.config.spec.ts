import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HolidayConfigError,
  holidaysFilePath,
  loadHolidayCalendar,
  validateHolidayCalendar,
} from 'src/modules/calendar/holidays.config';
import { dayOfWeek } from 'src/core/time/local-date';

describe('holidays.config', () => {
  describe(loadHolidayCalendar.name, () => {
    const calendar = loadHolidayCalendar();
    const byDate = new Map(calendar.days.map((d) => [d.date, d]));

    it('should load config/holidays.json from the project root', () => {
      expect(holidaysFilePath()).toMatch(/config[\\/]holidays\.json$/);
      expect(calendar.source).not.toBe('');
      expect(calendar.days.length).toBeGreaterThan(50);
    });

    it('should cover 1/1, 30/4, 1/5 and 2/9 of every year from 2023 to 2027', () => {
      for (let y = 2023; y <= 2027; y++) {
        for (const md of ['01-01', '04-30', '05-01', '09-02']) {
          expect(byDate.get(`${y}-${md}`)?.kind).toBe('holiday');
        }
      }
    });

    it('should list Giỗ Tổ Hùng Vương (10/3 âm lịch) of every year', () => {
      for (const date of ['2023-04-29', '2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16']) {
        expect(byDate.get(date)?.name).toBe('Giỗ Tổ Hùng Vương');
      }
    });

    it('should list the official Tết periods', () => {
      const tet = (y: number) =>
        calendar.days.filter((d) => d.date.startsWith(`${y}-`) && d.name.startsWith('Tết Nguyên đán'));
      expect(tet(2024).map((d) => d.date)).toEqual([
        '2024-02-08',
        '2024-02-09',
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
      ]);
      expect(tet(2025)[0].date).toBe('2025-01-25');
      expect(tet(2025).at(-1)?.date).toBe('2025-02-02');
      expect(tet(2026).map((d) => d.date)).toHaveLength(9);
    });

    it('should put make-up working days on weekends and compensatory days off on weekdays', () => {
      for (const d of calendar.days) {
        const dow = dayOfWeek(d.date);
        if (d.kind === 'working_day') expect([0, 6]).toContain(dow);
        if (d.kind === 'compensatory') expect([0, 6]).not.toContain(dow);
      }
      expect(byDate.get('2024-05-04')?.kind).toBe('working_day');
      expect(byDate.get('2024-04-29')?.kind).toBe('compensatory');
    });

    it('should mark the days not yet officially announced with a note', () => {
      expect(byDate.get('2027-02-06')?.note).toBeDefined();
      expect(byDate.get('2027-09-03')?.note).toBeDefined();
      expect(byDate.get('2024-02-08')?.note).toBeUndefined();
    });

    it('should name a file that cannot be read or parsed', () => {
      const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
      const broken = join(dir, 'holidays.json');
      writeFileSync(broken, '{ "days": [');
      expect(() => loadHolidayCalendar(broken)).toThrow(HolidayConfigError);
      expect(() => loadHolidayCalendar(broken)).toThrow(/invalid JSON/);
      expect(() => loadHolidayCalendar(join(dir, 'missing.json'))).toThrow(/cannot read/);
    });
  });

  describe(validateHolidayCalendar.name, () => {
    const ok = { date: '2024-01-01', name: 'Tết Dương lịch', kind: 'holiday' };
    const file = (days: unknown[]) => ({ source: 'test', days });

    it('should return the entries, keeping notes', () => {
      const result = validateHolidayCalendar(
        file([ok, { date: '2027-01-01', name: ' Tết Dương lịch ', kind: 'holiday', note: 'dự kiến' }]),
      );
      expect(result.days).toEqual([
        ok,
        { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday', note: 'dự kiến' },
      ]);
    });

    it('should reject a date that does not exist, naming the entry', () => {
      expect(() => validateHolidayCalendar(file([ok, { date: '2024-02-30', name: 'Tết', kind: 'holiday' }]))).toThrow(
        /days\[1\].*2024-02-30.*"date"/,
      );
    });

    it('should reject a date in another format', () => {
      expect(() => validateHolidayCalendar(file([{ date: '08/02/2024', name: 'Tết', kind: 'holiday' }]))).toThrow(
        /days\[0\]/,
      );
    });

    it('should reject an unknown kind', () => {
      expect(() => validateHolidayCalendar(file([{ date: '2024-02-08', name: 'Tết', kind: 'day_off' }]))).toThrow(
        /days\[0\].*"kind" must be one of holiday, compensatory, working_day/,
      );
    });

    it('should reject a duplicate date, naming both entries', () => {
      expect(() => validateHolidayCalendar(file([ok, { ...ok, name: 'Khác' }]))).toThrow(
        /days\[1\].*duplicate date 2024-01-01, already listed at days\[0\]/,
      );
    });

    it('should reject an empty name, a misspelt key and a non-string note', () => {
      expect(() => validateHolidayCalendar(file([{ ...ok, name: ' ' }]))).toThrow(/"name"/);
      expect(() => validateHolidayCalendar(file([{ ...ok, knd: 'holiday' }]))).toThrow(/unknown key "knd"/);
      expect(() => validateHolidayCalendar(file([{ ...ok, note: 1 }]))).toThrow(/"note"/);
    });

    it('should reject a file without source or days', () => {
      expect(() => validateHolidayCalendar([])).toThrow(HolidayConfigError);
      expect(() => validateHolidayCalendar({ days: [] })).toThrow(/"source"/);
      expect(() => validateHolidayCalendar({ source: 'x' })).toThrow(/"days"/);
      expect(() => validateHolidayCalendar({ source: 'x', days: [], extra: 1 })).toThrow(
        /unknown top-level key "extra"/,
      );
    });
  });
});
