import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { OCR_PARALLEL_PAGES, ocrPdf } from './ocr';

/** A PDF of `pages` blank pages. */
function blankPdf(pages: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let i = 0; i < pages; i++) doc.addPage({ size: 'A6' });
    doc.end();
  });
}

describe(ocrPdf.name, () => {
  let dir: string;
  let tesseract: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocr-slots-'));
    // Stands in for Tesseract: notes how many copies of itself are running, holds the page a moment, answers one word.
    tesseract = join(dir, 'tesseract');
    writeFileSync(
      tesseract,
      [
        '#!/bin/sh',
        'if [ "$1" = "--list-langs" ]; then printf "List of available languages (2):\\neng\\nvie\\n"; exit 0; fi',
        `mkdir "${dir}/running.$$"`,
        `ls -d "${dir}"/running.* | wc -l >> "${dir}/seen"`,
        'sleep 0.3',
        `rmdir "${dir}/running.$$"`,
        'printf "level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n"',
        'printf "1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t100\\t100\\t-1\\t\\n5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t50\\t20\\t95\\tGiao\\n"',
      ].join('\n'),
    );
    chmodSync(tesseract, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should read at most OCR_PARALLEL_PAGES pages at once in the process, over every import running in it', async () => {
    const pdf = await blankPdf(3);
    const opts = { tesseractBin: tesseract, pdftoppmBin: 'pdftoppm', maxPages: 10 };
    // Three imports of three pages each, at the same time.
    const read = await Promise.all([ocrPdf(pdf, 3, opts), ocrPdf(pdf, 3, opts), ocrPdf(pdf, 3, opts)]);
    expect(read.flat().map((p) => p.items.map((i) => i.str).join())).toEqual(Array<string>(9).fill('Giao'));
    const seen = readFileSync(join(dir, 'seen'), 'utf8').trim().split('\n').map(Number);
    expect(seen).toHaveLength(9);
    expect(Math.max(...seen)).toBeLessThanOrEqual(OCR_PARALLEL_PAGES);
  });
});
