// Moving the demo's 2024 texts to another year: the years a text counts from ("năm 2024", "Quý
// II/2024", "mùa khô 2023-2024", "Tết Nguyên đán Giáp Thìn") follow the task; the names of laws,
// decrees and planning periods ("Luật Đất đai năm 2024", "giai đoạn 2021-2030") stay as they are.
import { lunarYearName } from './date-utils';

/** Spans that name something fixed in time, kept word for word. */
const FIXED_SPANS = [
  /Luật [^,;.()]*? năm \d{4}/gu,
  /(?:giai đoạn|thời kỳ|nhiệm kỳ|hệ thống hóa) \d{4}\s*-\s*\d{4}/gu,
  /\d+\/\d{4}\/NĐ-CP/gu,
  /đến năm \d{4}/gu,
];

/** The base year of the data (the year its program is for). */
export const BASE_YEAR = 2024;

/** The text as it would be written `years` years later. */
export function shiftText(text: string, years: number): string {
  if (years === 0) return text;
  const kept: string[] = [];
  let out = text;
  for (const re of FIXED_SPANS) {
    out = out.replace(re, (span) => `\uE000${kept.push(span) - 1}\uE000`);
  }
  out = out
    .replace(/\b(202[345])\b/g, (y) => String(Number(y) + years))
    .replace(new RegExp(lunarYearName(BASE_YEAR), 'g'), lunarYearName(BASE_YEAR + years));
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)]);
}
