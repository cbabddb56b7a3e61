import { Issue, ParsedFile } from '../import.types';
import { Marker } from './outline';
import { findHeader, Grid, GridCell, missingColumnsError, tableItems } from './table';
import { readHeader } from './directive.parser';
import { documentItems, TextBlock } from './text.parser';

/**
 * .docx → items, through mammoth's reading of the document (paragraphs with their Word list
 * numbering, tables with merged cells). A table with the program's header row is imported as a
 * table (the first such table); otherwise the paragraphs are read as document text
 * (text.parser.ts). Word's automatic numbering becomes markers: level 1 "1.", level 2 "1.1.",
 * deeper "a)"; bullets "-" then "+". The caller has already checked the archive (import-file.ts).
 */
interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  styleName?: string | null;
  numbering?: { isOrdered: boolean; level: string } | null;
  colSpan?: number;
  rowSpan?: number;
}

export async function parseDocx(buffer: Buffer): Promise<ParsedFile> {
  const { default: mammoth } = await import('mammoth'); // at first use: docs/architecture.md "Memory"
  let root: MammothElement | null = null;
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (doc: MammothElement) => {
        root = doc;
        return doc;
      },
    },
  );
  const body = (root as MammothElement | null)?.children ?? [];
  const warnings: Issue[] = [];

  const tables = body.filter((e) => e.type === 'table');
  let partial: ReturnType<typeof findHeader> | null = null;
  for (const [i, table] of tables.entries()) {
    const grid = tableGrid(table, tables.length > 1 ? `Bảng ${i + 1}, dòng` : 'Dòng');
    const header = findHeader(grid);
    if ('missing' in header) {
      if (header.found) partial = header;
      continue;
    }
    return { format: 'docx', items: tableItems(grid, header), warnings, document: readHeader(paragraphBlocks(body)) };
  }

  const { items, document } = documentItems(paragraphBlocks(body), 'Đoạn');
  if (items.length === 0 && partial && 'missing' in partial)
    throw missingColumnsError(partial.missing, 'tài liệu', true);
  return { format: 'docx', items, warnings, document };
}

function textOf(e: MammothElement): string {
  if (e.type === 'text') return e.value ?? '';
  if (e.type === 'tab' || e.type === 'break') return ' ';
  if (e.type === 'paragraph') return (e.children ?? []).map(textOf).join('');
  return (e.children ?? []).map(textOf).join('');
}

/** Paragraphs in order (also those inside tables without a program header), Word numbering turned into markers. */
function paragraphBlocks(body: MammothElement[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  const counters = new Map<object, number>();
  const levelOf = new Map<object, number>();
  let topCount = 0;
  let position = 0;
  const visit = (e: MammothElement) => {
    if (e.type !== 'paragraph') {
      (e.children ?? []).forEach(visit);
      return;
    }
    position++;
    const text = textOf(e);
    let marker: Marker | undefined;
    const numbering = e.numbering;
    if (numbering && text.trim()) {
      const level = Number(numbering.level) || 0;
      for (const [key, lv] of levelOf) if (lv > level) counters.set(key, 0);
      levelOf.set(numbering, level);
      if (numbering.isOrdered) {
        const n = (counters.get(numbering) ?? 0) + 1;
        counters.set(numbering, n);
        if (level === 0) topCount = n;
        marker =
          level === 0
            ? { kind: 'number', parts: [String(n)] }
            : level === 1
              ? { kind: 'number', parts: [String(topCount || 1), String(n)] }
              : { kind: 'alpha', label: String.fromCharCode(96 + Math.min(n, 26)) };
      } else {
        marker = level === 0 ? { kind: 'dash' } : { kind: 'plus' };
      }
    }
    const heading = /^(heading|title|tiêu đề)/i.test(e.styleName ?? '') && !marker;
    blocks.push({ text, position, marker, heading });
  };
  body.forEach(visit);
  return blocks;
}

/** A Word table as a grid: a cell spanning rows repeats its value downwards; one spanning columns fills only its first. */
function tableGrid(table: MammothElement, refPrefix: string): Grid {
  const rows: (GridCell | null)[][] = [];
  const pending = new Map<number, { value: GridCell; left: number }>();
  for (const row of (table.children ?? []).filter((r) => r.type === 'tableRow')) {
    const out: (GridCell | null)[] = [];
    let col = 0;
    const take = () => {
      while (pending.has(col)) {
        const p = pending.get(col)!;
        out[col] = p.value;
        if (--p.left <= 0) pending.delete(col);
        col++;
      }
    };
    for (const cell of (row.children ?? []).filter((c) => c.type === 'tableCell')) {
      take();
      const text = (cell.children ?? []).map(textOf).join('\n');
      const value: GridCell = { value: text.trim() ? text : null };
      out[col] = value;
      if ((cell.rowSpan ?? 1) > 1) pending.set(col, { value, left: (cell.rowSpan ?? 1) - 1 });
      for (let k = 1; k < (cell.colSpan ?? 1); k++) out[col + k] = null;
      col += cell.colSpan ?? 1;
    }
    take();
    rows.push(out);
  }
  return { name: null, rows, rowNumbers: rows.map((_, i) => i + 1), refPrefix };
}
