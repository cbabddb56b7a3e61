import type ExcelJS from 'exceljs';
import { spreadsheetText, spreadsheetValue } from 'src/core/xlsx/safe-cell';
import { AppendixReport, ReportDocumentInfo } from '../appendix.types';
import { AppendixLayout, AppendixSheet, AppendixTable, buildAppendixLayout, CellValue, isRate } from './appendix-layout';

/** Rows 1–5: committee, "PHỤ LỤC …", title, "(Kèm theo …)", scope; row 6 blank; the table header starts on row 7. */
export const XLSX_HEADER_BLOCK_ROWS = 6;
export const RATE_FORMAT = '0.0%';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * Writes the appendix workbook from a snapshot: sheets "Phụ lục I", "Phụ lục II", "Phụ lục III",
 * "Theo cơ quan". Streams to `file` (the overdue list can be long): numbers as numbers, rates as
 * percentage cells, borders, widths, frozen header rows, A4 landscape fitted to the page width.
 */
export async function renderAppendixXlsx(report: AppendixReport, info: ReportDocumentInfo, file: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs'); // at first use: docs/architecture.md "Memory"
  const layout = buildAppendixLayout(report, info);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'nhiemvu';
  wb.created = new Date();
  for (const sheet of [layout.programItems, layout.tasks, layout.overdue, layout.byAgency]) {
    writeSheet(wb, layout, sheet);
  }
  await wb.commit();
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, layout: AppendixLayout, sheet: AppendixSheet): void {
  const table = sheet.table;
  const cols = table.widths.length;
  const headerFirst = XLSX_HEADER_BLOCK_ROWS + 1;
  const headerLast = XLSX_HEADER_BLOCK_ROWS + table.header.length;
  const ws = wb.addWorksheet(sheet.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerLast }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerFirst}:${headerLast}`,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = table.widths.map((width) => ({ width }));

  // Header block.
  const committee = ws.getRow(1);
  committee.getCell(1).value = spreadsheetText(layout.committee);
  committee.getCell(1).font = { name: FONT, size: 12, bold: true };
  committee.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, Math.min(cols, 4));
  const block: [number, string, Partial<ExcelJS.Font>, number?][] = [
    [2, sheet.appendixLabel, { bold: true, size: 13 }],
    [3, sheet.title, { bold: true, size: 13 }, 36],
    [4, layout.attachedTo, { italic: true, size: 12 }],
    [5, layout.scopeLine, { italic: true, size: 11 }],
  ];
  for (const [rowNo, text, font, height] of block) {
    const row = ws.getRow(rowNo);
    row.getCell(1).value = spreadsheetText(text);
    row.getCell(1).font = { name: FONT, ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (height) row.height = height;
    ws.mergeCells(rowNo, 1, rowNo, cols);
  }
  for (let r = 1; r <= 5; r++) ws.getRow(r).commit();

  writeTable(ws, table, headerFirst);
  ws.commit();
}

function writeTable(ws: ExcelJS.Worksheet, table: AppendixTable, firstRow: number): void {
  const cols = table.widths.length;
  // Header rows with their spans; every cell of the grid gets a border so merged areas are framed.
  table.header.forEach((cells, i) => {
    const rowNo = firstRow + i;
    const row = ws.getRow(rowNo);
    const numbersRow = i === table.header.length - 1 && table.header.length > 1;
    for (let c = 0; c < cols; c++) {
      const cell = row.getCell(c + 1);
      const h = cells[c];
      if (h) cell.value = spreadsheetText(h.text);
      cell.font = { name: FONT, size: numbersRow ? 11 : 12, bold: !numbersRow, italic: numbersRow };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
    if (!numbersRow) row.height = table.header.length > 1 && i === 0 ? 36 : 48;
    cells.forEach((h, c) => {
      if (h && ((h.colSpan ?? 1) > 1 || (h.rowSpan ?? 1) > 1)) {
        ws.mergeCells(rowNo, c + 1, rowNo + (h.rowSpan ?? 1) - 1, c + 1 + (h.colSpan ?? 1) - 1);
      }
    });
  });
  table.header.forEach((_, i) => ws.getRow(firstRow + i).commit());

  let rowNo = firstRow + table.header.length;
  if (!table.rows.length && table.emptyText) {
    const row = ws.getRow(rowNo);
    for (let c = 1; c <= cols; c++) row.getCell(c).border = THIN;
    row.getCell(1).value = table.emptyText;
    row.getCell(1).font = { name: FONT, size: 12, italic: true };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    ws.mergeCells(rowNo, 1, rowNo, cols);
    row.commit();
    return;
  }
  table.rows.forEach((values, i) => {
    const row = ws.getRow(rowNo++);
    const bold = table.boldRows.includes(i);
    values.forEach((v, c) => writeCell(row.getCell(c + 1), v, table.align[c], bold));
    row.height = rowHeight(values, table.widths);
    row.commit();
  });
}

/**
 * Points for a body row whose long texts wrap. Spreadsheet programs do not grow a row to its
 * wrapped text on opening, so the height is estimated: Times New Roman 12 fits about 1.2
 * characters per unit of column width, on lines of 16 pt (too high is harmless, too low clips).
 */
export function rowHeight(values: CellValue[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, c) => {
    if (typeof v !== 'string' || !v) return;
    const perLine = Math.max(1, Math.floor(widths[c] * 1.2));
    const needed = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.max(20, lines * 16 + 4);
}

/**
 * The style of a body cell, one object per distinct look: exceljs recognises a style object it has
 * seen (a WeakMap) instead of rendering every cell's style to XML to find its index, which was most of
 * the time of a long Phụ lục III. Assigned whole (`cell.style = …`), never changed after.
 */
const BODY_STYLES = new Map<string, Partial<ExcelJS.Style>>();

function bodyStyle(horizontal: 'left' | 'center' | 'right', wrapText: boolean, bold: boolean, numFmt?: string): Partial<ExcelJS.Style> {
  const key = `${horizontal}|${wrapText}|${bold}|${numFmt ?? ''}`;
  let style = BODY_STYLES.get(key);
  if (!style) {
    style = {
      border: THIN,
      font: { name: FONT, size: 12, bold },
      alignment: { horizontal, vertical: 'middle', ...(wrapText ? { wrapText } : {}) },
      ...(numFmt ? { numFmt } : {}),
    };
    BODY_STYLES.set(key, style);
  }
  return style;
}

function writeCell(cell: ExcelJS.Cell, v: CellValue, align: 'left' | 'center' | 'right', bold: boolean): void {
  if (isRate(v)) {
    cell.value = v.rate === null ? '-' : v.rate;
    cell.style = bodyStyle('center', false, bold, v.rate === null ? undefined : RATE_FORMAT);
    return;
  }
  cell.value = v === '' ? null : spreadsheetValue(v);
  cell.style = bodyStyle(typeof v === 'number' ? 'center' : align, typeof v === 'string', bold);
}
