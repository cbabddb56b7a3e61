import { OCR_PARALLEL_PAGES } from './pdf/ocr';
import { parseTxt } from './parsers/text.parser';
import {
  corpusNames,
  corpusText,
  expectedOf,
  Format,
  FormatScore,
  formatScore,
  normalise,
  scoreFormat,
  THRESHOLD,
} from 'test/fixtures/documents/score';

/**
 * Scores the importer on the corpus of test/fixtures/documents (issue #12; the scoring is in
 * test/fixtures/documents/score.ts): every document in each of its formats — .txt, .docx, text PDF and
 * its scan — and fails under 95 % on items (precision, recall), lead, coordinators, deadline date and
 * phrase, kind or submitTo.
 */
function check(r: FormatScore): void {
  // The figures are the point of this test: print them.
  process.stdout.write(formatScore(r));
  for (const h of r.headers)
    expect({ name: h.name, number: h.number, date: h.date }).toEqual({ name: h.name, ...h.expected });
  for (const s of r.scores) expect({ label: s.label, ok: s.rate >= THRESHOLD }).toEqual({ label: s.label, ok: true });
}

describe('document corpus (issue #12)', () => {
  const names = corpusNames();

  it('should hold at least 30 documents, every one of them scored as a scan too', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(names.filter((n) => !expectedOf(n).formats.includes('scan'))).toEqual([]);
  });

  it('should give every task the document as its source', () => {
    for (const name of names.filter((n) => expectedOf(n).formats.includes('txt'))) {
      for (const item of normalise(parseTxt(corpusText(name))))
        expect(item.task.sourceDocument).toContain(expectedOf(name).document.number);
    }
  });

  it.each<Format>(['txt', 'docx', 'pdf'])(
    'should score at least 95 %% on items, lead, coordinators, deadline date and phrase, kind and submitTo (%s)',
    async (format) => {
      check(await scoreFormat(format, names));
    },
    120_000,
  );

  // Every scan (31 pages, about a second of CPU each for pdftoppm and Tesseract): two documents at a
  // time, so that one-page documents keep both of the OCR's page slots busy (pdf/ocr.ts).
  it('should score at least 95 % on the scans of every document (OCR)', async () => {
    check(await scoreFormat('scan', names, { parallel: OCR_PARALLEL_PAGES }));
  }, 900_000);
});
