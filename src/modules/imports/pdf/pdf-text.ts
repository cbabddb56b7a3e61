import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * The text layer of a PDF, read by pdfjs-dist (5.x: the newest major that runs on Node 20; 6.x needs
 * Node 22) in a child process: a damaged or hostile file can neither crash nor stall the server (a
 * time and memory limit), and pdfjs, an ES module, stays out of the CommonJS app.
 */
export interface LayoutItem {
  str: string;
  /** Left and top edge from the page's top-left corner, in points (PDF) or pixels (OCR). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** OCR confidence of the word, 0–100; absent for a text layer. */
  conf?: number;
}

export interface LayoutPage {
  width: number;
  height: number;
  items: LayoutItem[];
}

export type PdfTextResult =
  | { ok: true; numPages: number; pages: LayoutPage[] }
  | { ok: false; reason: 'encrypted' | 'damaged' | 'too-many-pages' | 'timeout'; numPages?: number; detail?: string };

// Runs as an ES module in the child: reads the PDF from stdin, writes JSON to stdout.
const SCRIPT = `
const [pdfjsUrl, maxPages] = process.argv.slice(1);
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const data = new Uint8Array(Buffer.concat(chunks));
const out = (o) => process.stdout.write(JSON.stringify(o));
try {
  const pdfjs = await import(pdfjsUrl);
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true }).promise;
  if (doc.numPages > +maxPages) { out({ ok: false, reason: 'too-many-pages', numPages: doc.numPages }); process.exit(0); }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, b, , d, e, f] = it.transform;
      const h = it.height || Math.hypot(b, d) || Math.abs(a);
      items.push({ str: it.str, x: e, y: vp.height - f - h, w: it.width, h });
    }
    pages.push({ width: vp.width, height: vp.height, items });
    page.cleanup();
  }
  out({ ok: true, numPages: doc.numPages, pages });
} catch (err) {
  const name = err && err.name;
  out({ ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'damaged', detail: String(err && err.message).slice(0, 200) });
}
`;

export async function extractPdfText(
  buffer: Buffer,
  opts: { maxPages: number; timeoutMs?: number; maxMemoryMb?: number },
): Promise<PdfTextResult> {
  const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${opts.maxMemoryMb ?? 512}`,
      '--input-type=module',
      '-e',
      SCRIPT,
      pdfjsUrl,
      String(opts.maxPages),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.resume();
  child.stdin.on('error', () => undefined);
  child.stdin.end(buffer);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (timedOut) return { ok: false, reason: 'timeout' };
  try {
    return JSON.parse(Buffer.concat(out).toString('utf8')) as PdfTextResult;
  } catch {
    return { ok: false, reason: 'damaged', detail: `exit ${code}` };
  }
}
