import { loadHolidayCalendar } from 'src/modules/calendar/holidays.config';
import { CalendarDay, WorkingCalendar } from 'src/modules/calendar/working-calendar';

describe(WorkingCalendar.name, () => {
  const official = new WorkingCalendar(loadHolidayCalendar().days);

  describe('isWorkingDay', () => {
    it('should treat Monday to Friday as working days and weekends as days off', () => {
      const sut = new WorkingCalendar([]);
      expect(sut.isWorkingDay('2024-03-15')).toBe(true); // Friday
      expect(sut.isWorkingDay('2024-03-16')).toBe(false); // Saturday
      expect(sut.isWorkingDay('2024-03-17')).toBe(false); // Sunday
      expect(sut.isWorkingDay('2024-03-18')).toBe(true); // Monday
    });

    it('should treat holidays and compensatory days as days off', () => {
      expect(official.isWorkingDay('2024-02-12')).toBe(false); // Tết, Monday
      expect(official.isWorkingDay('2024-04-29')).toBe(false); // hoán đổi, Monday
      expect(official.isWorkingDay('2024-04-30')).toBe(false);
      expect(official.isWorkingDay('2024-09-03')).toBe(false);
      expect(official.isWorkingDay('2023-01-02')).toBe(false); // nghỉ bù 1/1/2023
    });

    it('should treat an official make-up Saturday as a working day', () => {
      expect(official.isWorkingDay('2024-05-04')).toBe(true);
      expect(official.isWorkingDay('2025-02-08')).toBe(true);
      expect(official.isWorkingDay('2024-05-11')).toBe(false);
    });

    it('should throw a RangeError for an invalid date', () => {
      expect(() => official.isWorkingDay('2024-02-30')).toThrow(RangeError);
    });
  });

  describe('nextWorkingDayOnOrAfter', () => {
    it('should return a working day itself', () => {
      expect(official.nextWorkingDayOnOrAfter('2024-03-15')).toBe('2024-03-15');
    });

    it('should skip a weekend, the whole of Tết and the 30/4 - 1/5 break', () => {
      expect(official.nextWorkingDayOnOrAfter('2024-03-16')).toBe('2024-03-18');
      expect(official.nextWorkingDayOnOrAfter('2024-02-08')).toBe('2024-02-15');
      expect(official.nextWorkingDayOnOrAfter('2025-01-25')).toBe('2025-02-03');
      expect(official.nextWorkingDayOnOrAfter('2024-04-27')).toBe('2024-05-02');
    });

    it('should give the same answer when asked again (memoised)', () => {
      expect(official.nextWorkingDayOnOrAfter('2024-02-10')).toBe('2024-02-15');
      expect(official.nextWorkingDayOnOrAfter('2024-02-10')).toBe('2024-02-15');
    });

    it('should throw when the calendar has no working day for months', () => {
      const days: CalendarDay[] = [];
      for (let d = 1; d <= 31; d++)
        days.push({ date: `2024-07-${String(d).padStart(2, '0')}`, name: 'x', kind: 'holiday' });
      for (let d = 1; d <= 31; d++)
        days.push({ date: `2024-08-${String(d).padStart(2, '0')}`, name: 'x', kind: 'holiday' });
      expect(() => new WorkingCalendar(days).nextWorkingDayOnOrAfter('2024-07-01')).toThrow(
        /check the holiday calendar/,
      );
    });
  });

  describe('firstWorkingDayAfter', () => {
    it('should return the next working day strictly after the date', () => {
      expect(official.firstWorkingDayAfter('2024-03-14')).toBe('2024-03-15');
      expect(official.firstWorkingDayAfter('2024-03-15')).toBe('2024-03-18');
      expect(official.firstWorkingDayAfter('2024-02-07')).toBe('2024-02-15');
      expect(official.firstWorkingDayAfter('2024-05-03')).toBe('2024-05-04'); // make-up Saturday
    });
  });

  describe('effectiveDueDate', () => {
    it('should keep a deadline on a working day', () => {
      expect(official.effectiveDueDate('2024-06-28')).toBe('2024-06-28');
    });

    it('should move a Saturday or Sunday deadline to Monday', () => {
      expect(official.effectiveDueDate('2024-06-29')).toBe('2024-07-01');
      expect(official.effectiveDueDate('2024-06-30')).toBe('2024-07-01');
      expect(official.effectiveDueDate('2024-03-31')).toBe('2024-04-01');
    });

    it('should move a deadline in Tết to the first working day after it', () => {
      expect(official.effectiveDueDate('2024-02-10')).toBe('2024-02-15');
      expect(official.effectiveDueDate('2026-02-17')).toBe('2026-02-23');
    });

    it('should move a deadline on 30/4 or in the break around it', () => {
      expect(official.effectiveDueDate('2024-04-27')).toBe('2024-05-02');
      expect(official.effectiveDueDate('2024-04-30')).toBe('2024-05-02');
      expect(official.effectiveDueDate('2025-04-30')).toBe('2025-05-05');
    });

    it('should move a deadline on Quốc khánh and its adjacent day', () => {
      expect(official.effectiveDueDate('2024-08-31')).toBe('2024-09-04');
      expect(official.effectiveDueDate('2023-09-01')).toBe('2023-09-05');
    });

    it('should keep a deadline that falls on a make-up working Saturday', () => {
      expect(official.effectiveDueDate('2024-05-04')).toBe('2024-05-04');
      expect(official.effectiveDueDate('2025-04-26')).toBe('2025-04-26');
    });

    it('should move a year-end deadline past the New Year holiday', () => {
      expect(official.effectiveDueDate('2022-12-31')).toBe('2023-01-03');
      expect(official.effectiveDueDate('2025-12-31')).toBe('2025-12-31');
      expect(official.effectiveDueDate('2026-01-01')).toBe('2026-01-05');
    });

    it('should keep null (no deadline) as null', () => {
      expect(official.effectiveDueDate(null)).toBeNull();
    });
  });

  describe('constructor', () => {
    it('should reject an invalid date', () => {
      expect(() => new WorkingCalendar([{ date: '2024-02-30', name: 'x', kind: 'holiday' }])).toThrow(RangeError);
    });

    it('should reject an unknown kind', () => {
      expect(
        () => new WorkingCalendar([{ date: '2024-02-28', name: 'x', kind: 'weekend' as CalendarDay['kind'] }]),
      ).toThrow(RangeError);
    });

    it('should reject a date that is both a day off and a working day', () => {
      expect(
        () =>
          new WorkingCalendar([
            { date: '2024-05-04', name: 'a', kind: 'working_day' },
            { date: '2024-05-04', name: 'b', kind: 'compensatory' },
          ]),
      ).toThrow(/both/);
    });

    it('should accept the same day off listed twice', () => {
      const sut = new WorkingCalendar([
        { date: '2024-05-03', name: 'a', kind: 'holiday' },
        { date: '2024-05-03', name: 'b', kind: 'compensatory' },
      ]);
      expect(sut.isWorkingDay('2024-05-03')).toBe(false);
    });
  });
});
