import { HttpStatus } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { DomainError } from 'src/core/http/domain-error';
import { toPdf, toScan } from 'test/fixtures/documents/render';
import { DEFAULT_READ_OPTIONS, parsePdf, readPdfText } from './pdf.parser';

function blankPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.rect(100, 100, 200, 100).stroke();
    doc.end();
  });
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe(parsePdf.name, () => {
  const text =
    'Số: 12/UBND-TH\nBình Phước, ngày 02 tháng 3 năm 2026\nGiao Sở Y tế chủ trì rà soát, hoàn thành trước ngày 30/6/2026.';

  it('should read a text PDF without OCR (no confidence)', async () => {
    const parsed = await parsePdf(await toPdf(text), 'a.pdf', DEFAULT_READ_OPTIONS);
    expect(parsed.ocr).toBeNull();
    expect(parsed.document).toMatchObject({ number: '12/UBND-TH', date: '2026-03-02' });
    expect(parsed.items.map((i) => [i.title, i.confidence])).toEqual([
      ['Giao Sở Y tế chủ trì rà soát, hoàn thành trước ngày 30/6/2026.', null],
    ]);
  });

  it('should say a PDF without a text layer needs OCR', async () => {
    expect((await readPdfText(await blankPdf(), 'a.pdf', 10)).scanned).toBe(true);
    expect((await readPdfText(await toPdf(text), 'a.pdf', 10)).scanned).toBe(false);
  });

  it('should name the Debian packages when Tesseract is missing (503), and when pdftoppm is', async () => {
    const scan = await toScan(await toPdf(text));
    const noTesseract = await refusal(
      parsePdf(scan, 'scan.pdf', {
        ...DEFAULT_READ_OPTIONS,
        ocr: { ...DEFAULT_READ_OPTIONS.ocr, tesseractBin: '/khong/co/tesseract' },
      }),
    );
    expect(noTesseract.status).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect(noTesseract.message).toBe(
      'Văn bản là bản scan (không có lớp chữ) nên cần nhận dạng chữ (OCR), nhưng máy chủ chưa có chương trình “/khong/co/tesseract”: quản trị viên cần cài gói tesseract-ocr và tesseract-ocr-vie (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie, hoặc chạy scripts/ensure-deps.sh)',
    );
    const noPdftoppm = await refusal(
      parsePdf(scan, 'scan.pdf', {
        ...DEFAULT_READ_OPTIONS,
        ocr: { ...DEFAULT_READ_OPTIONS.ocr, pdftoppmBin: '/khong/co/pdftoppm' },
      }),
    );
    expect(noPdftoppm.message).toMatch(/cần cài gói poppler-utils/);
  });

  it('should read a scan with the confidence of each item', async () => {
    const pages: number[] = [];
    const parsed = await parsePdf(await toScan(await toPdf(text)), 'scan.pdf', {
      ...DEFAULT_READ_OPTIONS,
      ocr: {
        ...DEFAULT_READ_OPTIONS.ocr,
        onPage: (done) => {
          pages.push(done);
          return Promise.resolve();
        },
      },
    });
    expect(pages).toEqual([1]);
    expect(parsed.ocr?.pages).toBe(1);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0].confidence).toBeGreaterThan(60);
    expect(parsed.items[0].title).toContain('30/6/2026');
  }, 60_000);
});
