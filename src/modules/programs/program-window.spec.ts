import { ProgramPeriod } from './program.enums';
import { periodNumberProblem, programWindow } from './program-window';

describe('programWindow', () => {
  it.each([
    [ProgramPeriod.Year, null, '2026-01-01', '2026-12-31'],
    [ProgramPeriod.Half, 1, '2026-01-01', '2026-06-30'],
    [ProgramPeriod.Half, 2, '2026-07-01', '2026-12-31'],
    [ProgramPeriod.Quarter, 1, '2026-01-01', '2026-03-31'],
    [ProgramPeriod.Quarter, 2, '2026-04-01', '2026-06-30'],
    [ProgramPeriod.Quarter, 4, '2026-10-01', '2026-12-31'],
    [ProgramPeriod.Month, 2, '2026-02-01', '2026-02-28'],
    [ProgramPeriod.Month, 12, '2026-12-01', '2026-12-31'],
  ])('should give %s %p of 2026 the window %s … %s', (period, periodNumber, from, to) => {
    expect(programWindow({ year: 2026, period, periodNumber })).toEqual({ from, to });
  });

  it('should know leap Februaries', () => {
    expect(programWindow({ year: 2024, period: ProgramPeriod.Month, periodNumber: 2 }).to).toBe('2024-02-29');
  });

  it.each([
    [ProgramPeriod.Year, 1, 'chương trình năm không có số kỳ (để trống)'],
    [ProgramPeriod.Half, null, 'bắt buộc với chương trình 6 tháng (từ 1 đến 2)'],
    [ProgramPeriod.Half, 3, '6 tháng phải từ 1 đến 2'],
    [ProgramPeriod.Quarter, 0, 'quý phải từ 1 đến 4'],
    [ProgramPeriod.Quarter, 5, 'quý phải từ 1 đến 4'],
    [ProgramPeriod.Month, 13, 'tháng phải từ 1 đến 12'],
    [ProgramPeriod.Month, 1.5, 'tháng phải từ 1 đến 12'],
  ])('should refuse %s with number %p', (period, periodNumber, message) => {
    expect(periodNumberProblem(period, periodNumber)).toBe(message);
    expect(() => programWindow({ year: 2026, period, periodNumber })).toThrow(RangeError);
  });
});
