import { foldVietnamese, foldVietnameseWithOffsets, FoldedText, sourceSpan } from 'src/core/text/vietnamese';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { LocalDate } from 'src/core/time/local-date';
import { isAvailableOn, unavailability } from 'src/modules/agencies/agency-availability';
import { AgencyGroupDef } from 'src/modules/agencies/groups/agency-group-def';

/**
 * Finds agencies of the directory in what people write: a table cell ("Sở TN&MT", "Sở Tài chính
 * tỉnh", "UBND TP. Đồng Xoài; Cục Thuế") or a sentence of a document ("Sở Y tế đẩy nhanh …, hướng
 * dẫn UBND cấp huyện …"). Pure: built from the directory rows and the group definitions.
 *
 * Matching is on folded text (no case, no diacritics) split into words, with the usual spellings
 * made equal ("Ủy ban nhân dân" = "UBND", "thành phố" = "TP", "thị xã" = "TX", "H." = "huyện",
 * "&" = "và"), and also on a compact form without spaces and without "và" ("Sở TN & MT" = "Sở TNMT"
 * = "Sở TN và MT"). A cell may add words around the name ("Thủ trưởng Sở Tài chính tỉnh Bình
 * Phước"). It never guesses: a name that is not recognised is reported as unknown together with
 * the three closest names (word overlap, character-pair overlap and edit distance over the folded
 * names and aliases).
 *
 * In running text only names and aliases of two or more words are looked for (not codes, not
 * one-word acronyms, not bare place names such as "huyện Lộc Ninh", which usually name a place),
 * and "Sở X", "Bộ X" and "UBND huyện/thị xã/thành phố X" that match nothing are reported as unknown.
 */

export interface DirectoryAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  active: boolean;
  validFrom: string | null;
  validTo: string | null;
  successorId: number | null;
}

export type MentionTarget =
  | { type: 'agency'; agency: DirectoryAgency }
  | { type: 'group'; group: AgencyGroupDef; members: DirectoryAgency[] }
  | { type: 'unknown'; suggestions: DirectoryAgency[] };

export interface Mention {
  /** As written in the input. */
  text: string;
  /** Offsets in the (NFC-normalised) input. */
  from: number;
  to: number;
  target: MentionTarget;
  /** Up to three folded words just before the mention, within its clause ("phoi hop voi"). */
  before: string[];
}

export interface MatcherOptions {
  /** The assignment date: groups expand to, and suggestions come from, agencies active on it. */
  onDate: LocalDate;
  /** "Bình Phước": "Sở Tài chính tỉnh Bình Phước" is "Sở Tài chính". */
  provinceName?: string;
}

interface Token {
  t: string;
  /** Span in the folded text. */
  from: number;
  to: number;
}

type Target = { type: 'agency'; agency: DirectoryAgency } | { type: 'group'; group: AgencyGroupDef };

interface Key {
  tokens: string[];
  target: Target;
  /** Looked for in running text (see the class comment). */
  inText: boolean;
}

const TOKEN = /[a-z0-9]+|&/g;

/** Multi-word spellings made equal before matching. */
const CANON: [string[], string][] = [
  [['uy', 'ban', 'nhan', 'dan'], 'ubnd'],
  [['thanh', 'pho'], 'tp'],
  [['thi', 'xa'], 'tx'],
  [['h'], 'huyen'],
  [['&'], 'va'],
];
const PLACE_WORDS = new Set(['huyen', 'tp', 'tx']);
/** Words a cell may put before a name. */
const LEADING_NOISE: string[][] = [
  ['thu', 'truong'],
  ['giam', 'doc'],
  ['chu', 'tich'],
  ['lanh', 'dao'],
  ['cac'],
  ['co', 'quan'],
  ['don', 'vi'],
];
/** Words a cell may put after a name (the province is added from the options). */
const TRAILING_NOISE: string[][] = [
  ['co', 'lien', 'quan'],
  ['lien', 'quan'],
  ['chu', 'tri'],
  ['phoi', 'hop'],
  ['thuc', 'hien'],
  ['tinh'],
];
/** Words that carry no name: what is left of a cell once its agencies are found. */
const FILLER = new Set([
  'va',
  'cac',
  'co',
  'quan',
  'don',
  'vi',
  'lien',
  'khac',
  'cung',
  'voi',
  'phoi',
  'hop',
  'chu',
  'tri',
  'tinh',
  'thuoc',
  'theo',
  'chuc',
  'nang',
  'nhiem',
  'vu',
  'duoc',
  'giao',
  'la',
  'thanh',
  'vien',
  'nganh',
  'cap',
  'to',
  'ban',
  'hoac',
]);

function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN)) out.push({ t: m[0], from: m.index, to: m.index + m[0].length });
  return canonical(out);
}

function canonical(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    let done = false;
    for (const [seq, to] of CANON) {
      if (seq.every((s, k) => tokens[i + k]?.t === s)) {
        out.push({ t: to, from: tokens[i].from, to: tokens[i + seq.length - 1].to });
        i += seq.length;
        done = true;
        break;
      }
    }
    if (!done) out.push(tokens[i++]);
  }
  return out;
}

/** The words of a name as the matcher compares them. */
export function nameTokens(s: string): string[] {
  return tokenize(foldVietnamese(s)).map((t) => t.t);
}

function compact(tokens: string[]): string {
  return tokens.filter((t) => t !== 'va').join('');
}

function startsWith(tokens: string[], prefix: string[]): boolean {
  return prefix.length <= tokens.length && prefix.every((p, i) => tokens[i] === p);
}

function endsWith(tokens: string[], suffix: string[]): boolean {
  const off = tokens.length - suffix.length;
  return off >= 0 && suffix.every((s, i) => tokens[off + i] === s);
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function diceBigrams(a: Map<string, number>, aLen: number, b: Map<string, number>, bLen: number): number {
  if (aLen < 2 || bLen < 2) return 0;
  let common = 0;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  return (2 * common) / (aLen - 1 + bLen - 1);
}

function diceTokens(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const rest = [...b];
  let common = 0;
  for (const t of a) {
    const i = rest.indexOf(t);
    if (i >= 0) {
      common++;
      rest.splice(i, 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** "Sở Tài chính (STC)". */
export function agencyLabel(a: Pick<DirectoryAgency, 'name' | 'code'>): string {
  return `${a.name} (${a.code})`;
}

export { isAvailableOn };

interface SuggestionEntry {
  agency: DirectoryAgency;
  tokens: string[];
  compact: string;
  grams: Map<string, number>;
}

const UNKNOWN_HEADS: RegExp[] = [
  /(?<![\p{L}\p{N}])Sở\s+(?=\p{Lu})/gu,
  /(?<![\p{L}\p{N}])(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:huyện|thị xã|thành phố|TP\.?|TX\.?|H\.)\s*(?=\p{Lu})/gu,
  /(?<![\p{L}\p{N}])Bộ\s+(?!Chính trị|Chỉ huy|Tư lệnh)(?=\p{Lu})/gu,
];
const UNKNOWN_END = /[,;:.()\n\r"“”]|\s[-–]\s/;

export class AgencyMatcher {
  private readonly exact = new Map<string, Target | null>();
  private readonly compactKeys = new Map<string, Target | null>();
  private readonly byFirst = new Map<string, Key[]>();
  private readonly byId = new Map<number, DirectoryAgency>();
  private readonly suggestionPool: SuggestionEntry[] = [];
  private readonly provinceTokens: string[];
  private readonly suggestionCache = new Map<string, DirectoryAgency[]>();
  private readonly groupMembers = new Map<AgencyGroupDef, DirectoryAgency[]>();

  constructor(
    readonly agencies: DirectoryAgency[],
    readonly groups: AgencyGroupDef[],
    readonly options: MatcherOptions,
  ) {
    this.provinceTokens = options.provinceName ? nameTokens(options.provinceName) : [];
    for (const a of agencies) {
      this.byId.set(a.id, a);
      const target: Target = { type: 'agency', agency: a };
      this.addKey(nameTokens(a.code), target, false);
      for (const name of [a.name, ...a.aliases]) {
        const tokens = nameTokens(name);
        this.addKey(tokens, target, tokens.length >= 2 && !PLACE_WORDS.has(tokens[0]));
      }
      if (isAvailableOn(a, options.onDate)) {
        for (const name of [a.name, ...a.aliases]) {
          const tokens = nameTokens(name);
          this.suggestionPool.push({ agency: a, tokens, compact: compact(tokens), grams: bigrams(compact(tokens)) });
        }
      }
    }
    for (const g of groups) {
      const target: Target = { type: 'group', group: g };
      for (const name of [g.name, ...g.aliases]) {
        const tokens = nameTokens(name);
        this.addKey(tokens, target, tokens.length >= 2);
      }
      this.groupMembers.set(
        g,
        agencies.filter(
          (a) =>
            isAvailableOn(a, options.onDate) &&
            ((g.members.kind && a.kind === g.members.kind) || (g.members.codes ?? []).includes(a.code)),
        ),
      );
    }
    for (const list of this.byFirst.values()) list.sort((x, y) => y.tokens.length - x.tokens.length);
  }

  private addKey(tokens: string[], target: Target, inText: boolean): void {
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    const put = (map: Map<string, Target | null>, k: string) => {
      const had = map.get(k);
      if (had === undefined) map.set(k, target);
      else if (had !== null && !sameTarget(had, target)) map.set(k, null); // two agencies share it: ambiguous
    };
    put(this.exact, key);
    put(this.compactKeys, compact(tokens));
    const list = this.byFirst.get(tokens[0]) ?? [];
    if (!list.some((k) => k.tokens.join(' ') === key && sameTarget(k.target, target)))
      list.push({ tokens, target, inText });
    this.byFirst.set(tokens[0], list);
  }

  get onDate(): LocalDate {
    return this.options.onDate;
  }

  findById(id: number): DirectoryAgency | undefined {
    return this.byId.get(id);
  }

  /** Members of a group active on the assignment date. */
  membersOf(group: AgencyGroupDef): DirectoryAgency[] {
    return this.groupMembers.get(group) ?? [];
  }

  private resolve(target: Target): MentionTarget {
    return target.type === 'agency'
      ? target
      : { type: 'group', group: target.group, members: this.membersOf(target.group) };
  }

  /** One name, as a whole ("Sở TN&MT", "Sở Tài chính tỉnh", "STC"); null when it is not recognised. */
  matchName(text: string): MentionTarget | null {
    let tokens = nameTokens(text);
    if (tokens.length === 0) return null;
    const lookup = (t: string[]): Target | null | undefined => {
      const hit = this.exact.get(t.join(' '));
      if (hit !== undefined) return hit;
      return this.compactKeys.get(compact(t));
    };
    let hit = lookup(tokens);
    if (hit) return this.resolve(hit);
    // Words around the name: strip them one at a time, trying again after each.
    for (let guard = 0; guard < 8; guard++) {
      const before = tokens.length;
      const lead = LEADING_NOISE.find((n) => startsWith(tokens, n) && tokens.length > n.length);
      if (lead) tokens = tokens.slice(lead.length);
      const trailing = [...TRAILING_NOISE, ...(this.provinceTokens.length ? [this.provinceTokens] : [])].find(
        (n) => endsWith(tokens, n) && tokens.length > n.length,
      );
      if (trailing) tokens = tokens.slice(0, tokens.length - trailing.length);
      if (tokens.length === before) break;
      hit = lookup(tokens);
      if (hit) return this.resolve(hit);
    }
    return null;
  }

  /**
   * The agencies a cell names, in order. Parts separated by ";" or new lines are names of their
   * own; a part that is not one name is searched for names, and whatever remains that is not a
   * filler word ("các cơ quan liên quan") is reported as unknown.
   */
  parseCell(text: string): Mention[] {
    const source = text.normalize('NFC');
    const out: Mention[] = [];
    const partRe = /[^;\n\r]+/g;
    for (const m of source.matchAll(partRe)) {
      const raw = m[0];
      const lead = /^[\s\-+•*–]*/.exec(raw)![0].length;
      const part = raw.slice(lead).replace(/[\s,.]+$/, '');
      if (!part.trim()) continue;
      const base = m.index + lead;
      const whole = this.matchName(part);
      if (whole) {
        out.push({ text: part.trim(), from: base, to: base + part.length, target: whole, before: [] });
        continue;
      }
      const found = this.scan(part, 'cell');
      const masked = found.reduce((s, f) => s.slice(0, f.from) + ','.repeat(f.to - f.from) + s.slice(f.to), part);
      const rest: Mention[] = [];
      for (const chunk of masked.matchAll(/[^,]+/g)) {
        // "A và B": "và" separates names unless a known name spans it ("Sở Văn hóa, Thể thao và Du lịch" is found above).
        for (const piece of splitWithOffsets(chunk[0], /\s+và\s+/giu)) {
          const words = nameTokens(piece.text);
          if (words.every((w) => FILLER.has(w) || this.provinceTokens.includes(w))) continue;
          const lead2 = /^\s*/.exec(piece.text)![0].length;
          const phrase = piece.text.trim();
          const from = chunk.index + piece.index + lead2;
          const target = this.matchName(phrase) ?? { type: 'unknown' as const, suggestions: this.suggest(phrase) };
          rest.push({ text: phrase, from: base + from, to: base + from + phrase.length, target, before: [] });
        }
      }
      const all = [...found.map((f) => ({ ...f, from: base + f.from, to: base + f.to })), ...rest].sort(
        (a, b) => a.from - b.from,
      );
      out.push(...all);
    }
    return out;
  }

  /** The agencies and groups a sentence names, and "Sở X" / "Bộ X" / "UBND huyện X" that match nothing. */
  findInText(text: string): Mention[] {
    const source = text.normalize('NFC');
    const known = this.scan(source, 'text');
    const unknown = this.unknownInText(source, known);
    return [...known, ...unknown].sort((a, b) => a.from - b.from);
  }

  /** Greedy leftmost-longest search for names (offsets into `text` as NFC). */
  private scan(text: string, mode: 'text' | 'cell'): Mention[] {
    const folded: FoldedText = foldVietnameseWithOffsets(text);
    const tokens = tokenize(folded.folded);
    const out: Mention[] = [];
    let previousEnd = 0;
    for (let i = 0; i < tokens.length;) {
      const keys = this.byFirst.get(tokens[i].t) ?? [];
      const key = keys.find((k) => (mode === 'cell' || k.inText) && k.tokens.every((t, j) => tokens[i + j]?.t === t));
      if (!key) {
        i++;
        continue;
      }
      const last = tokens[i + key.tokens.length - 1];
      const from = folded.start[tokens[i].from];
      const to = folded.end[last.to - 1];
      out.push({
        text: sourceSpan(folded, tokens[i].from, last.to),
        from,
        to,
        target: this.resolve(key.target),
        before: wordsBefore(folded.folded, tokens, i, previousEnd),
      });
      i += key.tokens.length;
      previousEnd = i;
    }
    return out;
  }

  private unknownInText(source: string, known: Mention[]): Mention[] {
    const out: Mention[] = [];
    for (const re of UNKNOWN_HEADS) {
      for (const m of source.matchAll(re)) {
        const from = m.index;
        if (known.some((k) => from >= k.from && from < k.to) || out.some((u) => from >= u.from && from < u.to))
          continue;
        const tail = source.slice(from + m[0].length);
        const stop = UNKNOWN_END.exec(tail);
        const words = (stop ? tail.slice(0, stop.index) : tail).split(/\s+/).filter(Boolean).slice(0, 7);
        if (words.length === 0) continue;
        // The quote: at least the capitalised words after the head ("UBND huyện Đồng Xanh"), then the
        // prefix closest to a real name ("Sở Du lịch", not "Sở Du lịch tăng cường").
        let capitalised = 0;
        while (capitalised < words.length && /^\p{Lu}/u.test(words[capitalised])) capitalised++;
        let best = { phrase: '', score: -1 };
        for (let n = Math.max(1, capitalised); n <= words.length; n++) {
          const phrase = `${m[0]}${words.slice(0, n).join(' ')}`.replace(/\s+/g, ' ').trim();
          const score = this.similarityToDirectory(phrase);
          if (score > best.score + 1e-9) best = { phrase, score };
        }
        const to = from + this.spanLength(source.slice(from), best.phrase);
        out.push({
          text: source.slice(from, to),
          from,
          to,
          target: { type: 'unknown', suggestions: this.suggest(best.phrase) },
          before: [],
        });
      }
    }
    return out;
  }

  /** Length in `s` of `phrase` written with single spaces. */
  private spanLength(s: string, phrase: string): number {
    let i = 0;
    let j = 0;
    while (i < s.length && j < phrase.length) {
      if (/\s/.test(phrase[j])) {
        while (i < s.length && /\s/.test(s[i])) i++;
        j++;
      } else {
        i++;
        j++;
      }
    }
    return i;
  }

  private similarityToDirectory(phrase: string): number {
    const tokens = nameTokens(phrase);
    const c = compact(tokens);
    const grams = bigrams(c);
    let best = 0;
    for (const e of this.suggestionPool) {
      best = Math.max(best, diceTokens(tokens, e.tokens), diceBigrams(grams, c.length, e.grams, e.compact.length));
    }
    return best;
  }

  /** The three agencies (active on the assignment date) whose name or alias is closest to `text`. */
  suggest(text: string, n = 3): DirectoryAgency[] {
    const tokens = nameTokens(text);
    const c = compact(tokens);
    const cacheKey = `${n}|${c}`;
    const cached = this.suggestionCache.get(cacheKey);
    if (cached) return cached;
    const grams = bigrams(c);
    const scores = new Map<DirectoryAgency, number>();
    for (const e of this.suggestionPool) {
      const s = Math.max(diceTokens(tokens, e.tokens), diceBigrams(grams, c.length, e.grams, e.compact.length));
      if (s > (scores.get(e.agency) ?? -1)) scores.set(e.agency, s);
    }
    // Re-rank the best few with the edit distance over the compact forms.
    const shortlist = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
    const ranked = shortlist
      .map(([agency, s]) => {
        const ratio = Math.max(
          ...this.suggestionPool
            .filter((e) => e.agency === agency)
            .map((e) => 1 - editDistance(c, e.compact) / Math.max(c.length, e.compact.length, 1)),
        );
        return { agency, score: Math.max(s, ratio) };
      })
      .sort((a, b) => b.score - a.score || a.agency.name.localeCompare(b.agency.name, 'vi'));
    const result = ranked.slice(0, n).map((r) => r.agency);
    if (this.suggestionCache.size < 5000) this.suggestionCache.set(cacheKey, result);
    return result;
  }

  /**
   * Why `a` cannot be given a task assigned on the matcher's date (null when it can), in Vietnamese,
   * with the agencies to use instead: the successor of a closed agency, the predecessors of one not
   * yet established.
   */
  unavailability(a: DirectoryAgency): { message: string; instead: DirectoryAgency[] } | null {
    return unavailability(a, this.options.onDate, (id) => this.byId.get(id), this.agencies) as {
      message: string;
      instead: DirectoryAgency[];
    } | null;
  }
}

/** `s` cut at every match of `sep` (global), with where each piece starts. */
function splitWithOffsets(s: string, sep: RegExp): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let at = 0;
  for (const m of s.matchAll(sep)) {
    out.push({ text: s.slice(at, m.index), index: at });
    at = m.index + m[0].length;
  }
  out.push({ text: s.slice(at), index: at });
  return out;
}

function sameTarget(a: Target, b: Target): boolean {
  return a.type === 'agency' && b.type === 'agency'
    ? a.agency.id === b.agency.id
    : a.type === 'group' && b.type === 'group' && a.group === b.group;
}

/** Up to three folded words before token `i`, not crossing a clause mark (, ; . :) nor token `stop` (the end of the previous mention). */
function wordsBefore(folded: string, tokens: Token[], i: number, stop: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= stop && out.length < 3; k--) {
    const between = folded.slice(tokens[k].to, tokens[k + 1].from);
    if (/[,;.:()]/.test(between)) break;
    out.unshift(tokens[k].t);
  }
  return out;
}
