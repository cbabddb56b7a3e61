import type ExcelJS from 'exceljs';
import { tryMakeLocalDate } from 'src/core/time/local-date';
import { IMPORT_LIMITS } from '../import-limits';
import { Issue, ParsedFile } from '../import.types';
import { findHeader, Grid, GridCell, missingColumnsError, tableItems, tooManyItemsError } from './table';

/**
 * .xlsx → items. Cells are read as stored: a formula gives its cached result (formulas are never
 * evaluated; one saved without a result is reported), a date cell gives its day, rich text its
 * text. A cell inside a vertically merged range takes the range's value; one inside a horizontal
 * merge (a section title spanning the row) is empty. The first visible sheet with the header row
 * is imported. The caller has already checked the archive (import-file.ts).
 */
export async function parseXlsx(buffer: Buffer): Promise<ParsedFile> {
  const { default: ExcelJS } = await import('exceljs'); // at first use: docs/architecture.md "Memory"
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer, {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
  });
  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  const warnings: Issue[] = [];
  let firstMissing: ReturnType<typeof findHeader> | null = null;
  let chosen: { grid: Grid; header: Exclude<ReturnType<typeof findHeader>, { missing: unknown }> } | null = null;
  for (const ws of sheets) {
    if (ws.actualRowCount > IMPORT_LIMITS.maxItems + 100) throw tooManyItemsError(ws.actualRowCount);
    const grid = toGrid(ws, sheets.length > 1);
    const header = findHeader(grid);
    if ('missing' in header) {
      if (!firstMissing || (header.found && !('found' in firstMissing && firstMissing.found))) firstMissing = header;
      continue;
    }
    if (chosen) {
      warnings.push({
        field: 'file',
        message: `Trang tính “${ws.name}” cũng có bảng nhưng không được nhập: mỗi lần chỉ nhập một trang tính (“${chosen.grid.name}”)`,
      });
      continue;
    }
    chosen = { grid, header };
  }
  if (!chosen) {
    const m = firstMissing && 'missing' in firstMissing ? firstMissing : { missing: [], found: false };
    throw missingColumnsError(m.missing.length ? m.missing : [], sheets.length === 1 ? null : 'tệp', m.found);
  }
  return { format: 'xlsx', items: tableItems(chosen.grid, chosen.header), warnings };
}

function toGrid(ws: ExcelJS.Worksheet, named: boolean): Grid {
  const rows: (GridCell | null)[][] = [];
  const rowNumbers: number[] = [];
  const width = Math.min(ws.columnCount, 50);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (GridCell | null)[] = [];
    for (let c = 1; c <= width; c++) cells.push(readCell(row.getCell(c)));
    rows.push(cells);
    rowNumbers.push(r);
  });
  return { name: ws.name, rows, rowNumbers, refPrefix: named ? `Trang tính “${ws.name}”, dòng` : 'Dòng' };
}

function readCell(cell: ExcelJS.Cell): GridCell | null {
  let source: ExcelJS.Cell = cell;
  // A cell inside a merged range, not its master (exceljs: an unmerged cell is its own master).
  if (cell.master !== cell) {
    const master = cell.master;
    // A horizontal merge (same row) is one cell: only the master holds it. A vertical one spreads down.
    if (master.row === cell.row || master.col !== cell.col) return null;
    source = master;
  }
  const out = convert(source.value);
  return out ? { ...out, address: cell.address } : null;
}

function convert(v: ExcelJS.CellValue | undefined): Omit<GridCell, 'address'> | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number') return { value: String(v) };
  if (typeof v === 'boolean') return { value: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { value: excelDay(v) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { value: null, formulaWithoutResult: true };
      return convert(result);
    }
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('hyperlink' in v) return convert(v.text);
    if ('error' in v) return { value: null, error: String(v.error) };
  }
  return { value: String(v) };
}

/** The day of a date cell (exceljs gives UTC midnight; rounding absorbs floating-point seconds). */
function excelDay(d: Date): GridCell['value'] {
  const t = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  const day = tryMakeLocalDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  if (!day || t.getUTCFullYear() < 1900) return d.toISOString();
  return { date: day };
}
