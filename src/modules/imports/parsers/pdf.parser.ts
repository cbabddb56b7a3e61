import { HttpStatus } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { ImportFormat, ParsedFile } from '../import.types';
import { blocksOf, linesOf, tableOf } from '../pdf/layout';
import { ocrImage, OcrOptions, ocrPdf } from '../pdf/ocr';
import { extractPdfText, LayoutPage } from '../pdf/pdf-text';
import { readHeader } from './directive.parser';
import { findHeader, tableItems } from './table';
import { documentItems } from './text.parser';

/**
 * PDF and images: a text PDF through its text layer (pdfjs-dist), a scan or an image through OCR
 * (pdf/ocr.ts); then the same reading for both (pdf/layout.ts): a table by its columns, or the
 * paragraphs of a document (numbered or prose, as .txt and .docx).
 */
export interface DocumentReadOptions {
  ocr: OcrOptions;
  /** Pages of a text PDF read at most. */
  pdfMaxPages: number;
}

/** The settings' defaults (config/default.json): Tesseract and pdftoppm on the PATH. */
export const DEFAULT_READ_OPTIONS: DocumentReadOptions = {
  ocr: { tesseractBin: 'tesseract', pdftoppmBin: 'pdftoppm', maxPages: 30 },
  pdfMaxPages: 200,
};

/** A page with fewer characters than this in its text layer counts as scanned. */
const MIN_TEXT_PER_PAGE = 40;

function pdfError(message: string): DomainError {
  return new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: ${message}` }]);
}

/** Does the PDF need OCR (no text layer)? Also refuses encrypted, damaged and too long files. */
export async function readPdfText(
  buffer: Buffer,
  fileName: string,
  maxPages: number,
): Promise<{ numPages: number; pages: LayoutPage[]; scanned: boolean }> {
  const r = await extractPdfText(buffer, { maxPages });
  if (!r.ok) {
    switch (r.reason) {
      case 'encrypted':
        throw pdfError(`Tệp PDF “${fileName}” được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi gửi lại`);
      case 'too-many-pages':
        throw pdfError(
          `Tệp PDF “${fileName}” có ${r.numPages} trang, vượt quá giới hạn ${maxPages} trang mỗi lần nhập; hãy tách văn bản thành các tệp nhỏ hơn`,
        );
      case 'timeout':
        throw pdfError(`Đọc tệp PDF “${fileName}” quá lâu (tệp quá phức tạp hoặc bị hỏng)`);
      default:
        throw pdfError(`Tệp PDF “${fileName}” bị hỏng hoặc không đúng định dạng PDF, không đọc được`);
    }
  }
  const chars = r.pages.reduce((s, p) => s + p.items.reduce((t, i) => t + i.str.trim().length, 0), 0);
  return { numPages: r.numPages, pages: r.pages, scanned: chars < MIN_TEXT_PER_PAGE * Math.max(1, r.numPages) };
}

export async function parsePdf(buffer: Buffer, fileName: string, opts: DocumentReadOptions): Promise<ParsedFile> {
  const text = await readPdfText(buffer, fileName, opts.pdfMaxPages);
  if (!text.scanned) return fromPages(text.pages, 'pdf', false);
  return fromPages(await ocrPdf(buffer, text.numPages, opts.ocr), 'pdf', true);
}

export async function parseImage(buffer: Buffer, ext: string, opts: DocumentReadOptions): Promise<ParsedFile> {
  return fromPages(await ocrImage(buffer, ext, opts.ocr), 'image', true);
}

/** Pages of positioned words → items (a table if a line is a table header, else the document's paragraphs). */
export function fromPages(pages: LayoutPage[], format: ImportFormat, ocr: boolean): ParsedFile {
  const lines = pages.flatMap((p, i) => linesOf(p, i + 1));
  const letters = lines.reduce(
    (s, l) => s + l.cells.reduce((t, c) => t + (c.text.match(/\p{L}/gu)?.length ?? 0), 0),
    0,
  );
  const words = pages.flatMap((p) => p.items.filter((i) => i.conf !== undefined && i.conf >= 0));
  const confidence = words.length ? Math.round(words.reduce((s, w) => s + w.conf!, 0) / words.length) : 0;
  if (ocr && (letters < 30 || confidence < 30)) {
    throw pdfError(
      format === 'image'
        ? 'Không nhận dạng được chữ trong ảnh: ảnh không chứa văn bản, hoặc chất lượng quá kém (hãy chụp/scan lại rõ hơn, tối thiểu 200 dpi)'
        : 'Không nhận dạng được chữ trong bản scan: các trang không chứa văn bản, hoặc chất lượng quá kém (hãy scan lại rõ hơn, tối thiểu 200 dpi)',
    );
  }
  const blocks = blocksOf(lines);
  const document = readHeader(blocks);
  const ocrInfo = ocr ? { pages: pages.length, confidence } : null;
  const table = tableOf(lines);
  if (table) {
    const header = findHeader(table.grid);
    if (!('missing' in header)) {
      // The prose before the table may assign work too (a long văn bản ending with its Danh mục).
      const before = blocksOf(lines.slice(0, table.headerAt));
      const prose = documentItems(before, 'Đoạn').items;
      for (const item of prose) item.confidence = ocr ? (before[item.position - 1]?.confidence ?? null) : null;
      const rows = tableItems(table.grid, header).map((i) => ({
        ...i,
        // Numbered apart from the prose: "DM.1" (Danh mục), so that codes stay unique.
        code: prose.length && i.code ? `DM.${i.code}` : i.code,
        confidence: ocr ? (table.confidences[i.position - 1] ?? null) : null,
      }));
      return { format, items: [...prose, ...rows], warnings: [], document, ocr: ocrInfo };
    }
  }
  const { items, warnings } = documentItems(blocks, 'Đoạn');
  for (const item of items) item.confidence = ocr ? (blocks[item.position - 1]?.confidence ?? null) : null;
  return { format, items, warnings, document, ocr: ocrInfo };
}
