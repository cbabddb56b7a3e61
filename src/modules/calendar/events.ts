import { LocalDate } from 'src/core/time/local-date';

/**
 * Days of events that deadlines name ("trong dịp Tết Nguyên đán Ất Tỵ năm 2025"): mùng 1 Tết
 * Nguyên đán (lunar new year) by solar year, from the Vietnamese lunar calendar (UTC+7). Outside
 * this table an event has no known day and the phrase is kept without a due date.
 */
const LUNAR_NEW_YEAR: Record<number, LocalDate> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

export function lunarNewYear(year: number): LocalDate | null {
  return LUNAR_NEW_YEAR[year] ?? null;
}
