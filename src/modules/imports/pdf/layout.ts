import { findHeader, Grid, GridCell } from '../parsers/table';
import type { TextBlock } from '../parsers/text.parser';
import { readLineMarker } from '../parsers/outline';
import { LayoutItem, LayoutPage } from './pdf-text';

/**
 * Positioned words (a PDF's text layer, or Tesseract's words) → lines → paragraphs, or a table read
 * by its columns. The same code for text PDFs and scans, so both read a document the same way.
 */
export interface LayoutCell {
  text: string;
  x: number;
  right: number;
}

export interface LayoutLine {
  page: number;
  y: number;
  h: number;
  cells: LayoutCell[];
  /** The lowest bottom edge of its words. */
  bottom: number;
  /** The width of its first word (would it have fitted at the end of the line above?). */
  firstWidth: number;
  /** Mean OCR confidence of its words (0–100), or null for a text layer. */
  conf: number | null;
}

/** A text layer's item may be a whole line: its first word's share of the width, by characters. */
function firstWordWidth(item: LayoutItem): number {
  const text = item.str.trim();
  const word = text.split(/\s+/)[0];
  return text.length ? (item.w * word.length) / text.length : 0;
}

/** Words on one baseline, left to right; a wide gap (a column, the two header columns) starts a new cell. */
export function linesOf(page: LayoutPage, pageNo: number): LayoutLine[] {
  const items = page.items.filter((i) => i.str.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: LayoutItem[][] = [];
  for (const it of items) {
    const row = rows.find((r) => Math.abs(r[0].y + r[0].h / 2 - (it.y + it.h / 2)) < Math.max(r[0].h, it.h) * 0.5);
    if (row) row.push(it);
    else rows.push([it]);
  }
  const lines: LayoutLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const h = Math.max(...row.map((i) => i.h));
    const cells: LayoutCell[] = [];
    let confSum = 0;
    let confN = 0;
    for (const it of row) {
      if (it.conf !== undefined && it.conf >= 0) {
        confSum += it.conf;
        confN++;
      }
      const last = cells[cells.length - 1];
      const gap = last ? it.x - last.right : Infinity;
      if (!last || gap > Math.max(1.5 * h, 10)) {
        cells.push({ text: it.str.trim(), x: it.x, right: it.x + it.w });
      } else {
        // A text layer may cut a word into pieces; Tesseract's items are words ("Sở" "Y", a narrow gap, not "SởY").
        const ocrWord = it.conf !== undefined;
        last.text =
          ocrWord || gap > h * 0.12 || /\s$/.test(last.text)
            ? `${last.text} ${it.str.trim()}`
            : last.text + it.str.trim();
        last.right = Math.max(last.right, it.x + it.w);
      }
    }
    lines.push({
      page: pageNo,
      y: Math.min(...row.map((i) => i.y)),
      h,
      bottom: Math.max(...row.map((i) => i.y + i.h)),
      firstWidth: firstWordWidth(row[0]),
      cells,
      conf: confN ? confSum / confN : null,
    });
  }
  return lines.sort((a, b) => a.y - b.y);
}

const lineText = (l: LayoutLine) => l.cells.map((c) => c.text).join('\t');
/** A heading in capitals (not a wrapped "III/2026."): two words of letters at least. */
const isCapitals = (s: string) => /\p{L}{2,}\s+\p{L}{2,}/u.test(s) && s === s.toLocaleUpperCase('vi');

/**
 * Lines → paragraphs: a wrapped line joins the one before; a paragraph ends at a full stop, colon or
 * semicolon, a short line, a wider gap, a numbered or bulleted line, a line in capitals or one with
 * several cells (the header's two columns, which readHeader reads apart).
 */
export function blocksOf(lines: LayoutLine[]): (TextBlock & { confidence: number | null })[] {
  const blocks: (TextBlock & { confidence: number | null; confs: number[] })[] = [];
  const rightEdge = new Map<number, number>();
  for (const l of lines) rightEdge.set(l.page, Math.max(rightEdge.get(l.page) ?? 0, ...l.cells.map((c) => c.right)));
  // The usual distance between lines of a paragraph, per page: a wider one is paragraph spacing.
  const pitch = new Map<number, number>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const ys = lines.filter((l) => l.page === page).map((l) => l.y);
    const gaps = ys
      .slice(1)
      .map((y, i) => y - ys[i])
      .filter((g) => g > 0)
      .sort((a, b) => a - b);
    pitch.set(page, gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0);
  }
  let prev: LayoutLine | null = null;
  for (const line of lines) {
    const text = lineText(line);
    const current = blocks[blocks.length - 1];
    const prevText = prev ? lineText(prev) : '';
    const joins =
      prev !== null &&
      current !== undefined &&
      // Across a page break too (the paragraph goes on at the top of the next page).
      (prev.page === line.page || prev.page + 1 === line.page) &&
      line.cells.length === 1 &&
      prev.cells.length === 1 &&
      !isCapitals(prevText) &&
      !isCapitals(text) &&
      readLineMarker(text) === null &&
      // Tops, or bottoms: a short line without marks above (“31/10/2026.”) or letters below sits lower or higher.
      (prev.page !== line.page ||
        Math.min(line.y - prev.y, line.bottom - prev.bottom) <= pitch.get(line.page)! * 1.15 + 0.5) &&
      // A line that ends short of the margin ends its paragraph, unless the next word would not have fitted
      // on it (text aligned left, "… trước ngày" / "31/10/2026.").
      (prev.cells[0].right > rightEdge.get(prev.page)! - 4 * prev.h ||
        prev.cells[0].right + line.firstWidth > rightEdge.get(prev.page)!);
    if (joins) {
      current.text = `${current.text} ${text}`;
      if (line.conf !== null) current.confs.push(line.conf);
    } else {
      blocks.push({
        text,
        position: blocks.length + 1,
        confidence: null,
        confs: line.conf !== null ? [line.conf] : [],
      });
    }
    prev = line;
  }
  return blocks.map(({ confs, ...b }) => ({
    ...b,
    confidence: confs.length ? Math.round(confs.reduce((s, c) => s + c, 0) / confs.length) : null,
  }));
}

function findHeaderRowOk(rows: (GridCell | null)[][]): boolean {
  return !('missing' in findHeader({ name: null, rows: [rows[0]], rowNumbers: [1], refPrefix: 'Dòng' }));
}

/**
 * A table (Danh mục …) read by its columns: the header line gives each column's left edge; every
 * later line's cells go to the column they start in; a line with an empty first column (TT) and
 * no new number continues the row above (a wrapped cell). Null when no line is a table header.
 */
export function tableOf(lines: LayoutLine[]): { grid: Grid; confidences: (number | null)[]; headerAt: number } | null {
  const headerAt = lines.findIndex((l) => {
    if (l.cells.length < 3) return false;
    const found = findHeader({
      name: null,
      rows: [l.cells.map((c) => ({ value: c.text }))],
      rowNumbers: [1],
      refPrefix: 'Dòng',
    });
    return !('missing' in found);
  });
  if (headerAt < 0) return null;
  const header = lines[headerAt];
  const edges = header.cells.map((c) => c.x);
  const column = (x: number) => {
    let best = 0;
    for (let i = 0; i < edges.length; i++) if (x >= edges[i] - header.h * 1.5) best = i;
    return best;
  };
  const rows: (GridCell | null)[][] = [header.cells.map((c) => ({ value: c.text }))];
  const confidences: (number | null)[] = [header.conf];
  const confs: number[][] = [[]];
  for (const line of lines.slice(headerAt + 1)) {
    const text = lineText(line);
    if (/^(nơi nhận|tm\.|kt\.)/i.test(text.trim())) break;
    // A line across the page from the first column: the text after the table ("Điều 2. …").
    if (
      line.cells.length === 1 &&
      column(line.cells[0].x) === 0 &&
      line.cells[0].right > edges[Math.min(2, edges.length - 1)]
    )
      break;
    const cells: string[] = edges.map(() => '');
    for (const c of line.cells) {
      const i = column(c.x);
      cells[i] = cells[i] ? `${cells[i]} ${c.text}` : c.text;
    }
    const last = rows[rows.length - 1];
    // A wrapped cell (no TT, fewer cells): the row above goes on — the header's too ("Cơ quan phối / hợp").
    const continues = !cells[0] && line.cells.length < edges.length && !(rows.length === 1 && line.cells.length > 2);
    if (continues) {
      cells.forEach((t, i) => {
        if (!t) return;
        const before = last[i]?.value;
        last[i] = { value: typeof before === 'string' && before ? `${before} ${t}` : t };
      });
      if (line.conf !== null) confs[confs.length - 1].push(line.conf);
    } else {
      rows.push(cells.map((t) => (t ? { value: t } : null)));
      confs.push(line.conf !== null ? [line.conf] : []);
    }
  }
  if (rows.length > 1 && rows[1] && !findHeaderRowOk(rows)) return null;
  for (const c of confs.slice(1))
    confidences.push(c.length ? Math.round(c.reduce((s, v) => s + v, 0) / c.length) : null);
  return {
    grid: { name: null, rows, rowNumbers: rows.map((_, i) => i + 1), refPrefix: 'Dòng' },
    confidences,
    headerAt,
  };
}
