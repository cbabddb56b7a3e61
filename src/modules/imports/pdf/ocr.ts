import { HttpStatus } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from 'src/core/http/domain-error';
import { LayoutItem, LayoutPage } from './pdf-text';

/**
 * OCR of scans (PDF pages without a text layer, PNG/JPEG/TIFF images) with Tesseract and its
 * Vietnamese data (Debian: tesseract-ocr, tesseract-ocr-vie); PDF pages are rasterised by pdftoppm
 * (poppler-utils). Both binaries are configurable (OCR_TESSERACT_BIN, OCR_PDFTOPPM_BIN), which is
 * also how the tests make them missing. Words come back with their position and confidence.
 */
export interface OcrOptions {
  tesseractBin: string;
  pdftoppmBin: string;
  /** Pages read at most (a longer scan is refused before any work). */
  maxPages: number;
  /** Rasterising resolution of PDF pages (default OCR_DPI). */
  dpi?: number;
  /** After each page: pages done, pages in all. */
  onPage?: (done: number, total: number) => Promise<void>;
}

const PACKAGES = {
  tesseract: 'tesseract-ocr và tesseract-ocr-vie',
  pdftoppm: 'poppler-utils',
};

/**
 * 300 dpi: the corpus scans (200 dpi JPEG) read at their own 200 dpi lose Roman numerals ("Quý III" read
 * as "II") in three more documents than at 300 dpi, and at 400 dpi misread more and cost half as much again.
 */
export const OCR_DPI = 300;

/**
 * Pages recognised at once in this process, over every import running in it. Each Tesseract runs
 * single-threaded (OMP_THREAD_LIMIT=1): its OpenMP threads spin-wait and, on a loaded machine, cost more
 * CPU than they save; whole pages in parallel scale instead.
 */
export const OCR_PARALLEL_PAGES = Math.max(1, Math.min(2, availableParallelism()));

/** A counting semaphore: at most `size` holders at once, the others wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
const pageSlots = new Slots(OCR_PARALLEL_PAGES);

function missing(what: 'tesseract' | 'pdftoppm', bin: string): DomainError {
  const message =
    `Văn bản là bản scan (không có lớp chữ) nên cần nhận dạng chữ (OCR), nhưng máy chủ chưa có chương trình “${bin}”: ` +
    `quản trị viên cần cài gói ${PACKAGES[what]} (Debian/Ubuntu: apt-get install ${what === 'tesseract' ? 'tesseract-ocr tesseract-ocr-vie' : 'poppler-utils'}, hoặc chạy scripts/ensure-deps.sh)`;
  return new DomainError(message, HttpStatus.SERVICE_UNAVAILABLE, [{ field: 'file', message: `file: ${message}` }]);
}

export function ocrError(message: string, status = HttpStatus.BAD_REQUEST): DomainError {
  return new DomainError(message, status, [{ field: 'file', message: `file: ${message}` }]);
}

function run(
  bin: string,
  args: string[],
  timeoutMs: number,
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string; enoent: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: env ? { ...process.env, ...env } : process.env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let enoent = false;
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'EACCES') enoent = true;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        enoent,
      });
    });
  });
}

/** Tesseract is there and has the Vietnamese data; otherwise a 503 naming the package to install. */
export async function checkOcr(opts: Pick<OcrOptions, 'tesseractBin'>): Promise<void> {
  const r = await run(opts.tesseractBin, ['--list-langs'], 30_000);
  if (r.enoent) throw missing('tesseract', opts.tesseractBin);
  if (!/^vie$/m.test(r.stdout + r.stderr)) {
    const message =
      'Máy chủ có Tesseract nhưng thiếu dữ liệu tiếng Việt để nhận dạng chữ: quản trị viên cần cài gói tesseract-ocr-vie';
    throw new DomainError(message, HttpStatus.SERVICE_UNAVAILABLE, [{ field: 'file', message: `file: ${message}` }]);
  }
}

/** Is the next word a quarter's numeral: after "Quý"/"Quí", or after one and a comma ("Quý II, III/2025")? */
const namesQuarter = (previous: string | null): boolean =>
  previous !== null && (/^qu[ýí]$/.test(previous.normalize('NFC').toLowerCase()) || /^[IV]{1,3},$/.test(previous));

/**
 * Tesseract reads the Roman numerals of quarters as digits or letters ("Quý 11/2021" for "Quý
 * II/2021", "Quý 1V"): after "Quý"/"Quí" (or after such a numeral and a comma, "Quý II, 111/2025"),
 * a run of 1, l, I, | (and H, two strokes) of two or three strokes is the numeral, and one of them
 * before V is IV.
 */
export function correctQuarter(previous: string | null, word: string): string {
  if (!namesQuarter(previous)) return word;
  return word
    .replace(/^[1Il|H]{1,3}(?=[/,.-]|$)/, (m) => {
      // "H" is two strokes joined: "IH" is III.
      const strokes = [...m].reduce((n, c) => n + (c === 'H' ? 2 : 1), 0);
      return strokes >= 2 && strokes <= 3 && m !== 'II' && m !== 'III' ? 'I'.repeat(strokes) : m;
    })
    .replace(/^[1Il|]V(?=[/,.-]|$)/, 'IV');
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
// The names of years (can chi: "Ất Tỵ", "Giáp Thìn"), which deadlines name ("dịp Tết Nguyên đán Ất Tỵ năm 2025").
const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão|Mẹo', 'Thìn', 'Tỵ|Tị', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];
const YEAR_NAMES = new Map<string, [string, string]>();
for (let i = 0; i < 60; i++)
  for (const chi of CHI[i % 12].split('|')) YEAR_NAMES.set(`${fold(CAN[i % 10])} ${fold(chi)}`, [CAN[i % 10], chi]);

/**
 * Tesseract drops the marks under and over letters it is sure of ("Ất Ty" for "Ất Tỵ", at 96 %
 * confidence): two capitalised words that are the name of a year but for their marks get the name's
 * spelling back. Punctuation around the words is kept.
 */
export function correctYearName(previous: string, word: string): [string, string] | null {
  const a = /^(\p{Lu}\p{L}*)$/u.exec(previous.normalize('NFC'));
  const b = /^(\p{Lu}\p{L}*)(\P{L}*)$/u.exec(word.normalize('NFC'));
  if (!a || !b) return null;
  const name = YEAR_NAMES.get(`${fold(a[1])} ${fold(b[1])}`);
  if (!name || (name[0] === a[1] && name[1] === b[1])) return null;
  return [name[0], name[1] + b[2]];
}

/** Tesseract's TSV → words with position and confidence. */
export function wordsOfTsv(tsv: string): LayoutPage {
  let width = 0;
  let height = 0;
  const items: LayoutItem[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const [level, , , , , , left, top, w, h, conf] = c.slice(0, 11).map(Number);
    const text = c.slice(11).join('\t');
    if (level === 1) {
      width = w;
      height = h;
    } else if (level === 5 && text.trim()) {
      const last = items.length ? items[items.length - 1] : null;
      let str = correctQuarter(last?.str ?? null, text);
      const yearName = last ? correctYearName(last.str, str) : null;
      if (last && yearName) [last.str, str] = yearName;
      items.push({ str, x: left, y: top, w, h, conf });
    }
  }
  return { width, height, items };
}

/** `dpi`: the resolution of a page rasterised to PGM, which carries none (an image file says its own). */
async function ocrImageFile(path: string, opts: OcrOptions, dpi?: number): Promise<LayoutPage> {
  const args = [path, 'stdout', '-l', 'vie', '--oem', '1', '--psm', '3', ...(dpi ? ['--dpi', String(dpi)] : []), 'tsv'];
  const r = await run(opts.tesseractBin, args, 180_000, { OMP_THREAD_LIMIT: '1' });
  if (r.enoent) throw missing('tesseract', opts.tesseractBin);
  if (r.code !== 0) throw ocrError('Không nhận dạng được chữ trong ảnh: tệp ảnh bị hỏng hoặc không đúng định dạng');
  return wordsOfTsv(r.stdout);
}

/**
 * OCR of the first `numPages` pages of a scanned PDF, OCR_PARALLEL_PAGES pages at a time (with other imports
 * of this process: progress after each page; pages come back in order). The first failure stops the other workers before their next page.
 */
export async function ocrPdf(buffer: Buffer, numPages: number, opts: OcrOptions): Promise<LayoutPage[]> {
  if (numPages > opts.maxPages) {
    throw ocrError(
      `Bản scan có ${numPages} trang, vượt quá giới hạn ${opts.maxPages} trang nhận dạng chữ (OCR) mỗi lần nhập; hãy tách văn bản thành các tệp nhỏ hơn`,
    );
  }
  await checkOcr(opts);
  const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    writeFileSync(pdf, buffer);
    const pages: LayoutPage[] = new Array<LayoutPage>(numPages);
    let next = 1;
    let done = 0;
    let failed = false;
    // Progress reports one after another, so a slower write of page n cannot land after page n + 1.
    let progress: Promise<void> = Promise.resolve();
    const dpi = opts.dpi ?? OCR_DPI;
    // Uncompressed greyscale (PGM): compressing a 300 dpi page to PNG cost pdftoppm as much CPU as Tesseract's reading.
    const readPage = (n: number): Promise<LayoutPage> =>
      pageSlots.run(async () => {
        const prefix = join(dir, `p${n}`);
        const r = await run(
          opts.pdftoppmBin,
          ['-f', String(n), '-l', String(n), '-r', String(dpi), '-gray', '-singlefile', pdf, prefix],
          120_000,
        );
        if (r.enoent) throw missing('pdftoppm', opts.pdftoppmBin);
        if (r.code !== 0)
          throw ocrError(`Không chuyển được trang ${n} của tệp PDF thành ảnh để nhận dạng chữ: tệp bị hỏng`);
        try {
          return await ocrImageFile(`${prefix}.pgm`, opts, dpi);
        } finally {
          rmSync(`${prefix}.pgm`, { force: true });
        }
      });
    const worker = async (): Promise<void> => {
      while (!failed && next <= numPages) {
        const n = next++;
        try {
          pages[n - 1] = await readPage(n);
          const d = ++done;
          progress = progress.then(() => opts.onPage?.(d, numPages));
          await progress;
        } catch (err) {
          failed = true;
          throw err;
        }
      }
    };
    const workers = Array.from({ length: Math.min(OCR_PARALLEL_PAGES, numPages) }, worker);
    // Wait for every worker (none may still write into `dir` when it is removed), then report the first error.
    const settled = await Promise.allSettled(workers);
    const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OCR of an image (PNG, JPEG, TIFF). */
export async function ocrImage(buffer: Buffer, ext: string, opts: OcrOptions): Promise<LayoutPage[]> {
  await checkOcr(opts);
  const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-ocr-'));
  try {
    const path = join(dir, `in.${ext}`);
    writeFileSync(path, buffer);
    const page = await pageSlots.run(() => ocrImageFile(path, opts));
    await opts.onPage?.(1, 1);
    return [page];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
