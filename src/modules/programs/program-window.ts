import { BadRequestException } from '@nestjs/common';
import { LocalDate } from 'src/core/time/local-date';
import { resolvePeriod } from 'src/modules/calendar/periods';
import { ProgramPeriod } from './program.enums';

/** How many numbered periods of each kind a year has: 6 tháng 1–2, quý 1–4, tháng 1–12; a year program has none. */
export const PERIOD_NUMBER_COUNT: Record<ProgramPeriod, number | null> = {
  [ProgramPeriod.Year]: null,
  [ProgramPeriod.Half]: 2,
  [ProgramPeriod.Quarter]: 4,
  [ProgramPeriod.Month]: 12,
};

const KIND_VI: Record<ProgramPeriod, string> = {
  [ProgramPeriod.Year]: 'năm',
  [ProgramPeriod.Half]: '6 tháng',
  [ProgramPeriod.Quarter]: 'quý',
  [ProgramPeriod.Month]: 'tháng',
};

/** Why `periodNumber` does not fit `period` (Vietnamese), or null when it does. */
export function periodNumberProblem(period: ProgramPeriod, periodNumber: number | null): string | null {
  const count = PERIOD_NUMBER_COUNT[period];
  if (count === null) return periodNumber === null ? null : 'chương trình năm không có số kỳ (để trống)';
  if (periodNumber === null) return `bắt buộc với chương trình ${KIND_VI[period]} (từ 1 đến ${count})`;
  if (!Number.isInteger(periodNumber) || periodNumber < 1 || periodNumber > count)
    return `${KIND_VI[period]} phải từ 1 đến ${count}`;
  return null;
}

/** 400 with a field-level detail when `periodNumber` does not fit `period`. */
export function assertPeriodNumber(period: ProgramPeriod, periodNumber: number | null): void {
  const problem = periodNumberProblem(period, periodNumber);
  if (problem) {
    throw new BadRequestException({
      message: `Số kỳ không hợp lệ: ${problem}`,
      details: [{ field: 'periodNumber', message: `periodNumber: ${problem}` }],
    });
  }
}

/** The canonical period name the calendar understands: '2024', '2024-H1', '2024-Q2', '2024-06'. */
function periodName(p: { year: number; period: ProgramPeriod; periodNumber: number | null }): string {
  const problem = periodNumberProblem(p.period, p.periodNumber);
  if (problem) throw new RangeError(`Program period ${p.year}/${p.period}/${p.periodNumber}: ${problem}`);
  switch (p.period) {
    case ProgramPeriod.Year:
      return `${p.year}`;
    case ProgramPeriod.Half:
      return `${p.year}-H${p.periodNumber}`;
    case ProgramPeriod.Quarter:
      return `${p.year}-Q${p.periodNumber}`;
    case ProgramPeriod.Month:
      return `${p.year}-${String(p.periodNumber).padStart(2, '0')}`;
  }
}

/** A program's calendar window [from, to] (inclusive), e.g. quý II/2024 → 2024-04-01 … 2024-06-30. */
export function programWindow(p: { year: number; period: ProgramPeriod; periodNumber: number | null }): {
  from: LocalDate;
  to: LocalDate;
} {
  const { from, to } = resolvePeriod(periodName(p), 'calendar');
  return { from, to };
}
