import { blocksOf, linesOf } from './layout';
import { LayoutItem, LayoutPage } from './pdf-text';

/** Words of a 300 dpi scan: one line of words at `y`, 22 px a character, `gap` between words. */
function ocrLine(y: number, words: string[], opts: { x?: number; h?: number; gap?: number } = {}): LayoutItem[] {
  let x = opts.x ?? 350;
  return words.map((str) => {
    const w = str.length * 22;
    const item = { str, x, y, w, h: opts.h ?? 50, conf: 95 };
    x += w + (opts.gap ?? 16);
    return item;
  });
}
const page = (...lines: LayoutItem[][]): LayoutPage => ({ width: 2480, height: 3508, items: lines.flat() });

describe(linesOf.name, () => {
  it('should keep Tesseract’s words apart however narrow the gap (“Sở Y tế”, not “SởY tế”)', () => {
    const [line] = linesOf(page(ocrLine(800, ['Giao', 'Sở', 'Y', 'tế'], { gap: 3 })), 1);
    expect(line.cells.map((c) => c.text)).toEqual(['Giao Sở Y tế']);
  });

  it('should join the pieces a text layer cut a word into', () => {
    const items = [
      { str: 'Sở Tài ch', x: 85, y: 100, w: 50, h: 12 },
      { str: 'ính', x: 135.5, y: 100, w: 15, h: 12 },
    ];
    expect(linesOf({ width: 595, height: 842, items }, 1)[0].cells[0].text).toBe('Sở Tài chính');
  });
});

describe(blocksOf.name, () => {
  // Text aligned left, 300 dpi: the right edge is ragged; the widest line ends at 2200.
  const word = (str: string, x: number, y: number, w: number, h = 50): LayoutItem => ({ str, x, y, w, h, conf: 95 });
  const full = (y: number) => [word('Thời', 350, y, 100), word('gian', 466, y, 1734)];

  it('should go on with a paragraph whose next word did not fit on the line (“… trước ngày” / “31/10/2026.”)', () => {
    const lines = linesOf(
      page(
        full(742),
        full(800),
        // 300 px short of the edge: a short line by itself …
        [word('kiểm', 350, 858, 1400), word('trước', 1766, 858, 110), word('ngày', 1892, 858, 8)],
        // … but "31/10/2026." is wider than the 300 px left. No marks above digits: its top sits lower.
        [word('31/10/2026.', 350, 930, 320, 42)],
      ),
      1,
    );
    expect(blocksOf(lines).map((b) => b.text)).toEqual(['Thời gian Thời gian kiểm trước ngày 31/10/2026.']);
  });

  it('should end a paragraph on a short line when the next word would have fitted on it', () => {
    const lines = linesOf(
      page(full(800), [word('kết', 350, 858, 66), word('quả.', 432, 858, 88)], [word('Giao', 350, 916, 88)]),
      1,
    );
    expect(blocksOf(lines).map((b) => b.text)).toEqual(['Thời gian kết quả.', 'Giao']);
  });
});
