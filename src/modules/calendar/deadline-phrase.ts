import { FoldedText, foldVietnameseWithOffsets, sourceSpan } from 'src/core/text/vietnamese';
import { lunarNewYear } from './events';
import { addDays, LocalDate, lastDayOfMonth, tryMakeLocalDate } from 'src/core/time/local-date';

/**
 * A deadline read from text. `dueDate` is the last day of what the phrase names; a recurring
 * phrase ("thường xuyên", "hằng năm") has no due date. `matched` quotes the phrase as written,
 * without the word that introduced it ("trước ngày 15/3/2024" → "ngày 15/3/2024").
 */
export interface DeadlineMatch {
  dueDate: LocalDate | null;
  recurring: boolean;
  matched: string;
  /** An event ("dịp Tết Nguyên đán năm 2025") the calendar has no date for: kept as a phrase, no due date. */
  unknownEvent?: boolean;
}

// A phrase with a year outside this range is history ("năm 1945") or a typo, not a deadline.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const RECURRING: unique symbol = Symbol('recurring');
const NOT_A_DEADLINE: unique symbol = Symbol('not a deadline');
const UNKNOWN_EVENT: unique symbol = Symbol('unknown event');
/**
 * A rule's reading of its match: a date; RECURRING; null for a deadline form that names no real
 * day (30/02/2024, quý 5); NOT_A_DEADLINE for a match to ignore.
 */
type Reading = LocalDate | typeof RECURRING | typeof NOT_A_DEADLINE | typeof UNKNOWN_EVENT | null;

interface Rule {
  re: RegExp;
  read: (g: string[]) => Reading;
  /** Only when the whole text is a deadline cell: a bare "6/2024" or "2024" means nothing in a sentence. */
  cellOnly?: boolean;
  /** A full date, which may instead be the date of a cited document ("số 01/NQ-CP ngày 06/01/2023"). */
  fullDate?: boolean;
  /** In a sentence only after a deadline word ("hoàn thành trong giai đoạn 2026-2030"), else a horizon. */
  introducedOnly?: boolean;
}

function isDeadlineYear(y: string): boolean {
  return +y >= MIN_YEAR && +y <= MAX_YEAR;
}

function day(y: string, m: string, d: string): Reading {
  return isDeadlineYear(y) ? tryMakeLocalDate(+y, +m, +d) : NOT_A_DEADLINE;
}

function monthEnd(y: string, m: string | number | undefined): Reading {
  if (!isDeadlineYear(y)) return NOT_A_DEADLINE;
  const mm = Number(m);
  return Number.isInteger(mm) && mm >= 1 && mm <= 12 ? lastDayOfMonth(+y, mm) : null;
}

const QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

// Patterns run on folded text (lowercase, no diacritics, single spaces), in this order; a match
// may not overlap one found by an earlier rule, so the longer forms are listed first.
const B = '(?<![a-z0-9])';
const YEAR = '(\\d{4})(?![0-9])';
const NAM_YEAR = `nam,? ?${YEAR}`;
const rx = (source: string): RegExp => new RegExp(source, 'g');

const QUARTER_NAME = '(?:iv|iii|ii|i|\\d)';
const QUARTER_LIST = `((?:${QUARTER_NAME}(?: ?, ?| va ))*)`;

const RULES: Rule[] = [
  // An Excel day number typed as text (45838): day 1 is 1900-01-01 with Excel's 29/02/1900, so 25569 is 1970-01-01.
  {
    re: /^(\d{5})(?:\.\d+)?$/g,
    read: ([n]) => (+n > 20000 && +n < 80000 ? addDays('1970-01-01', +n - 25569) : NOT_A_DEADLINE),
    cellOnly: true,
  },
  // 2024-03-15
  { re: rx(`(?<![a-z0-9/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])`), read: ([y, m, d]) => day(y, m, d), fullDate: true },
  // 15/3/2024, 15-3-2024, 15.3.2024, ngày 15/3/2024
  {
    re: rx(`(?<![a-z0-9/.])(?:ngay ?)?(\\d{1,2}) ?([/.-]) ?(\\d{1,2}) ?\\2 ?${YEAR}`),
    read: ([d, , m, y]) => day(y, m, d),
    fullDate: true,
  },
  // ngày 15 tháng 3 năm 2024, ngày 15 tháng 3/2024
  {
    re: rx(`${B}(?:ngay ?)?(\\d{1,2}) thang ?(\\d{1,2})(?: ?[/.-] ?|,? ?nam,? ?)${YEAR}`),
    read: ([d, m, y]) => day(y, m, d),
    fullDate: true,
  },
  // dịp Tết Nguyên đán (Ất Tỵ) năm 2025: mùng 1 Tết when the calendar knows it, else kept without a date
  {
    re: rx(`${B}(?:dip )?tet nguyen dan(?: [a-z]{1,4} [a-z]{1,4})?,? (?:nam )?${YEAR}`),
    read: ([y]) => (isDeadlineYear(y) ? (lunarNewYear(+y) ?? UNKNOWN_EVENT) : NOT_A_DEADLINE),
  },
  { re: rx(`${B}(?:6|sau) thang dau ${NAM_YEAR}`), read: ([y]) => monthEnd(y, 6) },
  { re: rx(`${B}(?:6|sau) thang cuoi ${NAM_YEAR}`), read: ([y]) => monthEnd(y, 12) },
  { re: rx(`${B}(?:9|chin) thang (?:dau )?${NAM_YEAR}`), read: ([y]) => monthEnd(y, 9) },
  { re: rx(`${B}(?:6|sau) thang ${NAM_YEAR}`), read: ([y]) => monthEnd(y, 6) },
  { re: rx(`${B}nua (dau|cuoi) ${NAM_YEAR}`), read: ([half, y]) => monthEnd(y, half === 'dau' ? 6 : 12) },
  { re: rx(`${B}giua ${NAM_YEAR}`), read: ([y]) => monthEnd(y, 6) },
  { re: rx(`${B}cuoi ${NAM_YEAR}`), read: ([y]) => monthEnd(y, 12) },
  // Quý II/2024, quý 2 năm 2024, Quý IV-2024, Q2/2024, "quí"; Quý II, III/2025: the last quarter named
  {
    re: rx(`${B}(?:qu[yi] ?|q)${QUARTER_LIST}(iv|iii|ii|i|v|\\d{1,2})(?![a-z0-9])(?: ?[/.-] ?|,? ?(?:nam ?)?)${YEAR}`),
    read: ([, q, y]) => monthEnd(y, q in QUARTER ? 3 * QUARTER[q] : undefined),
  },
  // tháng 6/2024, tháng 6 năm 2024, Tháng 6, 2025, T6/2024
  {
    re: rx(`${B}(?:thang ?|t)(\\d{1,2})(?: ?[/.-] ?|,? ?nam ?|, ?)(\\d{4})(?![0-9/])`),
    read: ([m, y]) => monthEnd(y, m),
  },
  // Năm 2025-2026, giai đoạn 2026-2030: the end of the last year
  {
    re: rx(`${B}(?:nam|giai doan|thoi ky) (\\d{4}) ?[-–] ?(\\d{4})(?![0-9])`),
    read: ([from, to]) => (+to >= +from ? monthEnd(to, 12) : NOT_A_DEADLINE),
    introducedOnly: true,
  },
  // thường xuyên; hằng năm; định kỳ 6 tháng, hàng năm (kept whole)
  {
    re: rx(
      `${B}(thuong xuyen|(?:dinh ky(?: (?:\\d+ |hang )?(?:thang|quy|nam|tuan|ngay))?|hang (?:nam|quy|thang|tuan|ngay))(?: ?, ?(?:va )?(?:hang|dinh ky) (?:nam|quy|thang|tuan))*)(?![a-z0-9])`,
    ),
    read: () => RECURRING,
  },
  // năm 2024 (not "đầu năm 2024", which names no end; not "năm 2024-2025")
  { re: rx(`${B}(?<!dau )${NAM_YEAR}(?! ?[-–] ?\\d)`), read: ([y]) => monthEnd(y, 12) },
  // 6/2024 in a deadline column
  {
    re: rx(`(?<![a-z0-9/.-])(\\d{1,2}) ?[/.-] ?(\\d{4})(?![0-9/])`),
    read: ([m, y]) => monthEnd(y, m),
    cellOnly: true,
  },
  { re: /^(\d{4})$/g, read: ([y]) => monthEnd(y, 12), cellOnly: true },
];

/** A token holding a slash and a letter is a document symbol (01/NQ-CP, 123/QĐ-UBND, 10-KL/TU). */
const CITED_BEFORE = /(?:^|\s)(?:so )?\S*\/\S*[a-z]\S*,?(?: ngay)? ?$/;
const CITED_AFTER = /^,? ?cua /;

const DEADLINE_WORD = '(?:hoan thanh|thoi han|cham nhat|truoc|han|den|trong)';
const INTRODUCED = new RegExp(
  `(?:^|[^a-z0-9])${DEADLINE_WORD}(?:[ :,-]+(?:${DEADLINE_WORD}|ngay|vao|het|la|khoang))*[ :,-]*$`,
);
const STRONG_WORD = /hoan thanh|thoi han|cham nhat|truoc|(?<![a-z])han(?![a-z])/;

interface Candidate {
  from: number;
  to: number;
  reading: Exclude<Reading, typeof NOT_A_DEADLINE>;
  /**
   * Higher wins, ties go to the later phrase. Introduced by hoàn thành / trước / thời hạn /
   * chậm nhất / hạn: 4, by đến / trong: 2, by nothing: 0; +1 outside parentheses, where remarks go.
   */
  rank: number;
}

/** The folded text just before `from`, starting at a word boundary. */
function before(folded: string, from: number, length: number): string {
  const start = from - length;
  if (start <= 0) return folded.slice(0, from);
  const space = folded.indexOf(' ', start);
  return space < 0 || space >= from ? '' : folded.slice(space, from);
}

function introduction(folded: string, from: number): number {
  const m = INTRODUCED.exec(before(folded, from, 40));
  if (m === null) return 0;
  return STRONG_WORD.test(m[0]) ? 2 : 1;
}

function insideParentheses(folded: string, from: number): boolean {
  let depth = 0;
  for (let i = 0; i < from; i++) {
    if (folded[i] === '(') depth++;
    else if (folded[i] === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

function isCitation(folded: string, from: number, to: number): boolean {
  return CITED_BEFORE.test(before(folded, from, 60)) || CITED_AFTER.test(folded.slice(to, to + 8));
}

function candidates(text: FoldedText, cell: boolean): Candidate[] {
  const { folded } = text;
  const taken = new Uint8Array(folded.length);
  const found: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.cellOnly && !cell) continue;
    for (const m of folded.matchAll(rule.re)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.subarray(from, to).some((t) => t === 1)) continue;
      taken.fill(1, from, to);
      // A cited document's date is not a deadline, but it still hides the month and year inside it.
      if (rule.fullDate && isCitation(folded, from, to)) continue;
      const reading = rule.read(m.slice(1));
      if (reading === NOT_A_DEADLINE) continue;
      const introduced = introduction(folded, from);
      if (rule.introducedOnly && !cell && introduced === 0) continue;
      const rank = 2 * introduced + (insideParentheses(folded, from) ? 0 : 1);
      found.push({ from, to, reading, rank });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

function choose(text: FoldedText, found: Candidate[]): DeadlineMatch | null {
  const dated = found.filter((c) => c.reading !== RECURRING);
  const pool = dated.length > 0 ? dated : found;
  let best: Candidate | undefined;
  for (const c of pool) if (best === undefined || c.rank >= best.rank) best = c;
  // The phrase that decides is not a real day (30/02/2024): report nothing rather than guess.
  if (best === undefined || best.reading === null) return null;
  const matched = sourceSpan(text, best.from, best.to);
  if (best.reading === UNKNOWN_EVENT) return { dueDate: null, recurring: false, matched, unknownEvent: true };
  return best.reading === RECURRING
    ? { dueDate: null, recurring: true, matched }
    : { dueDate: best.reading, recurring: false, matched };
}

/**
 * Reads a cell that is a deadline ("Quý II/2024", "trước ngày 15/3/2024", "Thường xuyên", "6/2024").
 * Null when nothing is recognised or the date is not a real day. Several phrases: as findDeadline.
 */
export function parseDeadline(text: string): DeadlineMatch | null {
  if (typeof text !== 'string') return null;
  const folded = foldVietnameseWithOffsets(text);
  return choose(folded, candidates(folded, true));
}

/**
 * Finds the deadline inside a longer sentence ("…, hoàn thành trong tháng 11/2023"). Of several
 * phrases, one introduced by a deadline word (hoàn thành, trước, thời hạn, chậm nhất; then đến,
 * trong) wins, then one outside parentheses, else the last; dated phrases win over recurring ones;
 * dates of cited documents ("Nghị quyết số 01/NQ-CP ngày 06/01/2023") are ignored.
 */
export function findDeadline(text: string): DeadlineMatch | null {
  if (typeof text !== 'string') return null;
  const folded = foldVietnameseWithOffsets(text);
  return choose(folded, candidates(folded, false));
}

/**
 * A full date written in the text that is not a real day ("31/6/2025", "ngày 30 tháng 2 năm 2026"),
 * as written; null when there is none. A deadline that names an impossible day is an error to show,
 * never a task without a due date.
 */
export function impossibleDate(text: string): string | null {
  if (typeof text !== 'string') return null;
  const patterns = [
    /(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)/gu,
    /(?<!\p{L})ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu,
  ];
  for (const [k, re] of patterns.entries()) {
    for (const m of text.normalize('NFC').matchAll(re)) {
      const [d, mo, y] = k === 0 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
      if (+y >= MIN_YEAR && +y <= MAX_YEAR && tryMakeLocalDate(+y, +mo, +d) === null) return m[0];
    }
  }
  return null;
}

/**
 * A deadline the text announces ("trước ngày 15/6", "hoàn thành trong quý") but does not give in a
 * form that can be read (no year, no number): the phrase, as written; null when there is none.
 */
export function unreadableDeadline(text: string): string | null {
  if (typeof text !== 'string') return null;
  const m =
    /(?<!\p{L})(?:trước|chậm nhất|thời hạn|hạn chót|hoàn thành)(?:\s+(?:là|vào|trong|trước))?\s*:?\s*(?:ngày|tháng|quý|quí)\s+[0-9IVX]+(?:\s*[/.-]\s*\d{1,2})?(?![\d/.-]*\d{4})/iu.exec(
      text.normalize('NFC'),
    );
  return m ? m[0] : null;
}
