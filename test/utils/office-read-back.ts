import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Reads generated Office files back for the tests: an XLSX through exceljs, a DOCX by unzipping
 * word/document.xml (jszip, a dependency of docx and exceljs) and collecting its texts.
 */

export async function readXlsx(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

/** The values of a sheet's row, from column 1 (exceljs rows are 1-based, with a hole at 0). */
export function rowValues(ws: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  const r = ws.getRow(row);
  return Array.from({ length: columns }, (_, i) => {
    const v = r.getCell(i + 1).value;
    return v === null || v === undefined ? null : v;
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m]);

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

export interface DocxContent {
  xml: string;
  /** Every paragraph's text, in order (table cells included). */
  paragraphs: string[];
  /** Every table as rows of cell texts; a cell merged from above reads ''. */
  tables: string[][][];
  /** The XML of every page header (word/header*.xml): page numbers are fields there. */
  headers: string[];
}

export async function readDocx(file: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(file);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('word/document.xml missing');
  const xml = await entry.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  const headers = await Promise.all(zip.file(/^word\/header\d*\.xml$/).map((f) => f.async('string')));
  return { xml, paragraphs, tables, headers };
}
