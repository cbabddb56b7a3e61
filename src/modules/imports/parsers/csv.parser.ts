import { parse } from 'csv-parse/sync';
import { HttpStatus } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { IMPORT_LIMITS } from '../import-limits';
import { ParsedFile } from '../import.types';
import { findHeader, Grid, matchHeader, missingColumnsError, tableItems, tooManyItemsError } from './table';

/**
 * .csv → items. The text is already decoded (import-file.ts: UTF-8 with or without BOM, or
 * UTF-16 with BOM). The delimiter — comma, semicolon (Excel in Vietnamese locales) or tab — is the
 * one that splits the first lines most consistently.
 */
export function parseCsv(text: string): ParsedFile {
  const lines = text.split(/\r\n|\n|\r/).length;
  if (lines > IMPORT_LIMITS.maxItems + 100) throw tooManyItemsError(lines);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    const parsed: unknown = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    });
    records = parsed as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const message = `Không đọc được tệp CSV${line ? ` (dòng ${line})` : ''}: dấu ngoặc kép không khớp hoặc dữ liệu không đúng định dạng CSV`;
    throw new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: ${message}` }]);
  }
  const grid: Grid = {
    name: null,
    rows: records.map((r) => r.map((v) => (v === '' ? null : { value: v }))),
    rowNumbers: records.map((_, i) => i + 1),
    refPrefix: 'Dòng',
  };
  const header = findHeader(grid);
  if ('missing' in header) throw missingColumnsError(header.missing, null, header.found);
  return { format: 'csv', items: tableItems(grid, header), warnings: [] };
}

/**
 * Of , ; and tab: the one that splits a line of the first 30 into the most recognised column
 * titles (the header row); on a tie, the one found on the most lines, outside quotes.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 30);
  let best = { d: ',', headers: -1, lines: -1 };
  for (const d of [',', ';', '\t']) {
    let headers = 0;
    let withIt = 0;
    for (const line of lines) {
      const cells = splitOutsideQuotes(line, d);
      if (cells.length > 1) withIt++;
      headers = Math.max(headers, new Set(cells.map((c) => matchHeader(c.replace(/^"|"$/g, ''))).filter(Boolean)).size);
    }
    if (headers > best.headers || (headers === best.headers && withIt > best.lines))
      best = { d, headers, lines: withIt };
  }
  return best.d;
}

function splitOutsideQuotes(line: string, d: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let cur = '';
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === d && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
