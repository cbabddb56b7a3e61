import { foldVietnamese } from 'src/core/text/vietnamese';

/**
 * The numbering of a program, shared by tables (the TT column and section rows) and documents
 * (numbered paragraphs). Codes are hierarchical and stable across re-imports of the same file:
 *
 * | marker                         | level                 | code                                       |
 * | ------------------------------ | --------------------- | ------------------------------------------ |
 * | "Phần thứ hai"                 | part (heading)        | none; resets the numbering                 |
 * | "A.", "B."                     | section (heading)     | "B"                                        |
 * | "I.", "II."                    | sub-section (heading) | "II" (under a letter: "B.II")              |
 * | "1.", "1)", "(1)"              | item                  | parent + number: "B.1", "II.3"             |
 * | "2.1.", "2.1"                  | item under item 2     | "B.2.1" (the parent's number is not doubled) |
 * | "a)", "a."                     | item under its parent | "B.2.a"                                    |
 * | "-" (and "–", "•", "*")        | item under its parent | "B.2.1", "B.2.2" … in order; "B.2.-1" … when the parent also has numbered children |
 * | "+"                            | item under a "-" item | "B.2.1.1" …                                |
 * | (table row without TT)         | item                  | parent + the next free number              |
 *
 * In a table an arabic-numbered row without agencies, deadline or other columns whose next row is
 * one of its children ("1.1", "a", "-", empty TT) is a heading: its children are "II.1.1", "II.1.2".
 */
export type Marker =
  | { kind: 'part'; label: string }
  | { kind: 'letter'; label: string }
  | { kind: 'roman'; label: string }
  | { kind: 'number'; parts: string[] }
  | { kind: 'alpha'; label: string }
  | { kind: 'dash' }
  | { kind: 'plus' }
  | { kind: 'none' };

const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
/** Single letters read as Roman numerals unless the previous section letter says otherwise. */
const ROMAN_FIRST = new Set(['I', 'V', 'X']);

export function isRoman(s: string): boolean {
  return s.length > 0 && ROMAN.test(s);
}

function letterOrRoman(label: string, previousLetter: string | null): Marker {
  if (label.length > 1) return isRoman(label) ? { kind: 'roman', label } : { kind: 'letter', label };
  const followsLetter = previousLetter !== null && previousLetter.charCodeAt(0) + 1 === label.charCodeAt(0);
  if (isRoman(label) && ROMAN_FIRST.has(label) && !followsLetter) return { kind: 'roman', label };
  return { kind: 'letter', label };
}

/** The marker at the start of a paragraph, and the text after it. */
export function readLineMarker(
  line: string,
  previousLetter: string | null = null,
): { marker: Marker; rest: string } | null {
  if (/^phan thu\s+\S+/.test(foldVietnamese(line.slice(0, 30))))
    return { marker: { kind: 'part', label: line }, rest: line };
  let m = /^([A-ZĐ]|[IVXLCDM]{2,})\s*[.)]\s+(\S.*)$/u.exec(line);
  if (m && (m[1].length === 1 || isRoman(m[1]))) return { marker: letterOrRoman(m[1], previousLetter), rest: m[2] };
  m = /^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(\S.*)$/.exec(line);
  if (m) return { marker: { kind: 'number', parts: m[1].split('.') }, rest: m[2] };
  m = /^(\d{1,3})[.)]\s+(\S.*)$/.exec(line) ?? /^\((\d{1,3})\)\s*(\S.*)$/.exec(line);
  if (m) return { marker: { kind: 'number', parts: [String(+m[1])] }, rest: m[2] };
  m = /^([a-zđ])[).]\s+(\S.*)$/u.exec(line);
  if (m) return { marker: { kind: 'alpha', label: m[1] }, rest: m[2] };
  m = /^[-–—•·*]\s*(\S.*)$/.exec(line);
  if (m) return { marker: { kind: 'dash' }, rest: m[1] };
  m = /^\+\s*(\S.*)$/.exec(line);
  if (m) return { marker: { kind: 'plus' }, rest: m[1] };
  return null;
}

/** The marker of a TT cell ("II", "1", "1.2.", "(3)", "a)", "-", "B.2.3", ""). Unknown forms: a number path of their parts. */
export function readCellMarker(tt: string, previousLetter: string | null = null): Marker {
  const s = tt.trim();
  if (!s) return { kind: 'none' };
  let m = /^([A-ZĐ]|[IVXLCDM]{2,})\s*[.)]?$/u.exec(s);
  if (m && (m[1].length === 1 || isRoman(m[1]))) return letterOrRoman(m[1], previousLetter);
  m = /^\(?(\d{1,3}(?:\.\d{1,3})*)\)?[.)]?$/.exec(s);
  if (m) return { kind: 'number', parts: m[1].split('.').map((p) => String(+p)) };
  m = /^\(?([a-zđ])[.)]?$/u.exec(s);
  if (m) return { kind: 'alpha', label: m[1] };
  if (/^[-–—•·*]$/.test(s)) return { kind: 'dash' };
  if (s === '+') return { kind: 'plus' };
  const parts = s
    .replace(/[.)]+$/, '')
    .split(/\s*\.\s*/)
    .filter(Boolean);
  return { kind: 'number', parts };
}

export function isHeadingMarker(m: Marker): boolean {
  return m.kind === 'part' || m.kind === 'letter' || m.kind === 'roman';
}

/** Levels (lower = outer). A number's level grows with its parts ("2.1" is inside "2"). */
function levelOf(m: Marker): number {
  switch (m.kind) {
    case 'part':
      return 0;
    case 'letter':
      return 1;
    case 'roman':
      return 2;
    case 'number':
      return 3 + m.parts.length - 1;
    case 'none':
      return 3;
    case 'alpha':
      return 8;
    case 'dash':
      return 9;
    case 'plus':
      return 10;
  }
}

interface Node {
  level: number;
  code: string | null;
  heading: boolean;
  kind: Marker['kind'] | 'root';
  title: string | null;
  numbers: Set<string>;
  bullets: Map<'dash' | 'plus', number>;
  /** Has children numbered with its own number ("1.1" under "1"). */
  multiChildren?: boolean;
}

/** An item's place in the outline; `code` is final after Outline.finish(). */
export interface OutlineEntry {
  code: string | null;
  parentCode: string | null;
  group: string | null;
}

export class Outline {
  private readonly root: Node = {
    level: -1,
    code: null,
    heading: true,
    kind: 'root',
    title: null,
    numbers: new Set(),
    bullets: new Map(),
  };
  private stack: Node[] = [this.root];
  private readonly entries: { entry: OutlineEntry; parent: Node; node: Node; ordinal: number | null }[] = [];
  private lastLetter: string | null = null;

  get previousLetter(): string | null {
    return this.lastLetter;
  }

  private get top(): Node {
    return this.stack[this.stack.length - 1];
  }

  private popTo(level: number): void {
    while (this.stack.length > 1 && this.top.level >= level) this.stack.pop();
  }

  private group(): string | null {
    const titles = this.stack.filter((n) => n.heading && n.title).map((n) => n.title!);
    return titles.length ? titles.join(' › ') : null;
  }

  /** A heading ("B. CHƯƠNG TRÌNH …", "II. LĨNH VỰC …", a table's numbered heading row). */
  heading(marker: Marker, title: string): void {
    if (marker.kind === 'part') {
      this.stack = [this.root];
      this.stack.push({
        level: 0,
        code: null,
        heading: true,
        kind: 'part',
        title,
        numbers: new Set(),
        bullets: new Map(),
      });
      return;
    }
    const placed = this.place(marker, false);
    if (marker.kind === 'letter') this.lastLetter = marker.label;
    this.stack.push({
      level: placed.level,
      code: placed.code,
      heading: true,
      kind: marker.kind,
      title,
      numbers: new Set(),
      bullets: new Map(),
    });
  }

  /**
   * A group title without a number ("LĨNH VỰC KINH TẾ" in a table): it names the items below it
   * (their group) without adding to their codes.
   */
  label(title: string): void {
    this.popTo(2.5);
    const parent = this.top;
    // It shares its parent's numbers: rows without TT go on counting ("A.3" after "A.2").
    this.stack.push({
      level: 2.5,
      code: parent.code,
      heading: true,
      kind: 'none',
      title,
      numbers: parent.numbers,
      bullets: new Map(),
    });
  }

  /** An item; returns its entry (bullet codes are filled in by finish()). */
  item(marker: Marker): OutlineEntry {
    const placed = this.place(marker, true);
    const parent = placed.parent;
    const entry: OutlineEntry = { code: placed.code, parentCode: null, group: this.group() };
    let ordinal: number | null = null;
    if (marker.kind === 'dash' || marker.kind === 'plus') {
      ordinal = (parent.bullets.get(marker.kind) ?? 0) + 1;
      parent.bullets.set(marker.kind, ordinal);
    }
    const node: Node = {
      level: placed.level,
      code: entry.code,
      heading: false,
      kind: marker.kind,
      title: null,
      numbers: new Set(),
      bullets: new Map(),
    };
    this.stack.push(node);
    this.entries.push({ entry, parent, node, ordinal });
    return entry;
  }

  /**
   * Gives bullets their codes ("B.2.1" …, or "B.2.-1" … under a parent that also has numbered
   * children) and every item its parent's code; in document order, so a "+" under a "-" sees its code.
   */
  finish(): void {
    for (const { entry, parent, node, ordinal } of this.entries) {
      if (ordinal !== null) {
        const label = parent.numbers.size > 0 ? `-${ordinal}` : String(ordinal);
        entry.code = node.code = parent.code ? `${parent.code}.${label}` : label;
      }
      entry.parentCode = parent.heading ? null : parent.code;
    }
  }

  private place(marker: Marker, asItem: boolean): { level: number; code: string | null; parent: Node } {
    let level = levelOf(marker);
    // A single number (or a row without TT) under a numbered heading row is its child.
    if (asItem && ((marker.kind === 'number' && marker.parts.length === 1) || marker.kind === 'none')) {
      // Unless the heading's children are numbered "1.1", "1.2" (then "2" is the heading's sibling).
      const headingNumber = [...this.stack].reverse().find((n) => n.heading && n.kind === 'number');
      if (headingNumber && !headingNumber.multiChildren) level = headingNumber.level + 1;
    }
    this.popTo(level);
    const parent = this.top;
    const prefix = parent.code;
    const join = (label: string) => (prefix ? `${prefix}.${label}` : label);
    switch (marker.kind) {
      case 'part':
        return { level, code: null, parent };
      case 'letter':
      case 'roman':
      case 'alpha':
        return { level, code: join(marker.label), parent };
      case 'number': {
        if (marker.parts.length === 1) parent.numbers.add(marker.parts[0]);
        else parent.multiChildren = true;
        return { level, code: resolveNumber(prefix, marker.parts), parent };
      }
      case 'none': {
        const used = [...parent.numbers].map(Number).filter(Number.isFinite);
        const next = String((used.length ? Math.max(...used) : 0) + 1);
        parent.numbers.add(next);
        return { level, code: join(next), parent };
      }
      case 'dash':
      case 'plus':
        return { level, code: null, parent };
    }
  }
}

/**
 * The code of a numbered item under `parentCode`: "2" under "B" → "B.2"; "2.1" under "B.2" → "B.2.1"
 * (not "B.2.2.1"); "1.2" under heading "II.1" → "II.1.2"; "B.2.3" under "B" → "B.2.3".
 */
export function resolveNumber(parentCode: string | null, parts: string[]): string {
  const pp = parentCode ? parentCode.split('.') : [];
  if (parts.length > 1) {
    if (pp.length && pp.every((p, i) => parts[i] === p)) return parts.join('.');
    for (let k = Math.min(pp.length, parts.length - 1); k >= 1; k--) {
      const suffix = pp.slice(pp.length - k);
      if (suffix.every((p, i) => parts[i] === p)) return [...pp.slice(0, pp.length - k), ...parts].join('.');
    }
  }
  return [...pp, ...parts].join('.');
}
