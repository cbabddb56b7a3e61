import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { docxLibraries, open, renderTemplate, templateLoops } from './docx-template';

/**
 * A template whose one long loop (Phụ lục III: tens of thousands of rows at national scale) is
 * written without the whole document in memory. docxtemplater builds the whole XML string, and its
 * parts, of every repeated row (4.4 GB for 84,000 rows); here it renders the document once with two
 * marker items in the loop, the repeated XML is cut out of that rendering, and the zip entry is
 * written as: the XML before the loop, the unit once per item (values escaped as docxtemplater
 * escapes them, line breaks as it writes them in that run), the XML after. Every other part of the
 * package is copied from the marker rendering. The result is the same document the whole render
 * writes (docx-stream.spec.ts compares them byte for byte).
 *
 * A template the cut cannot be made in (the loop used twice, a condition on an item's field inside
 * it, the markers outside one part …) is rendered whole instead; `renderTemplateToFile` says which.
 */

/** Private-use characters: valid XML that docxtemplater copies as they are and no real value holds. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const BREAK_END = '\uE002';
const MARKER = /\uE000(\d)\.([^\uE001]+)\uE001([\s\S]*?)\uE002/g;

export type LoopItem = Record<string, string | number | null | undefined>;

export interface StreamedLoop {
  /** The loop's name in the template ({#overdue} … {/overdue}). */
  name: string;
  /** The item fields the loop's placeholders may use. */
  fields: string[];
  /** How many items `items` yields. */
  count: number;
  items: () => Iterable<LoopItem>;
}

/** A piece of the repeated unit: literal XML, or an item's field (with the XML a line break becomes in its run). */
type UnitPart = string | { field: string; lineBreak: string };

interface Cut {
  part: string;
  before: string;
  unit: UnitPart[];
  after: string;
}

/** `{field}` of item `i` in the marker rendering: its name, then a line break and an end mark. */
function markerItem(i: 1 | 2, fields: string[]): LoopItem {
  return Object.fromEntries(fields.map((f) => [f, `${OPEN}${i}.${f}${CLOSE}\n${BREAK_END}`]));
}

const WT_PRESERVE = '<w:t xml:space="preserve">';
const WT_END = '</w:t>';

/**
 * The pieces of the loop's part in order, joined as docxtemplater's postrender joins its parts: an
 * empty value leaves `<w:t xml:space="preserve"></w:t>`, which it writes `<w:t/>` (space-preserve module).
 */
class PartWriter {
  private last = '';
  private out: string[] = [];
  private readonly escape = docxLibraries().docUtils.utf8ToWord;

  push(piece: string): void {
    if (!piece) return;
    if (this.last.endsWith(WT_PRESERVE) && piece.startsWith(WT_END)) {
      this.last = `${this.last.slice(0, -WT_PRESERVE.length)}<w:t/>`;
      piece = piece.slice(WT_END.length);
    }
    this.out.push(this.last);
    this.last = piece;
  }

  /** The value as docxtemplater writes it: XML-escaped, `\n` as a line break in the same run. */
  value(value: string | number | null | undefined, lineBreak: string): void {
    if (value === null || value === undefined) return;
    if (typeof value !== 'string' || !value.includes('\n')) return this.push(this.escape(value));
    value.split('\n').forEach((line, i) => {
      if (i) this.push(lineBreak);
      this.push(this.escape(line));
    });
  }

  /** What is written so far, but the last piece (which the next may still change). */
  take(): string {
    const s = this.out.join('');
    this.out = [];
    return s;
  }

  end(): string {
    this.out.push(this.last);
    this.last = '';
    return this.take();
  }
}

/** Where the loop repeats in the marker rendering, or null when it cannot be cut out exactly. */
function cutLoop(parts: Map<string, string>, loop: StreamedLoop): Cut | null {
  const holding = [...parts].filter(([, xml]) => xml.includes(OPEN));
  if (holding.length !== 1) return null;
  const [part, xml] = holding[0];
  const first1 = xml.indexOf(`${OPEN}1.`);
  const first2 = xml.indexOf(`${OPEN}2.`);
  const last1 = xml.lastIndexOf(`${OPEN}1.`);
  if (first1 < 0 || first2 < 0 || last1 > first2) return null;
  const length = first2 - first1;
  // Walk back from the first item's first marker while the text before it equals the text before
  // the second's: the loop starts there, or at a point where what precedes it repeats its own end.
  let head = 0;
  while (head < first1 && xml[first1 - 1 - head] === xml[first2 - 1 - head]) head++;
  const start = first1 - head;
  const unit1 = xml.slice(start, start + length);
  const unit2 = xml.slice(start + length, start + 2 * length);
  if (unit1.replace(/\uE0001\./g, `${OPEN}2.`) !== unit2) return null;
  const before = xml.slice(0, start);
  const after = xml.slice(start + 2 * length);
  if (before.includes(OPEN) || after.includes(OPEN)) return null;
  const unit: UnitPart[] = [];
  let at = 0;
  for (const m of unit1.matchAll(MARKER)) {
    if (!loop.fields.includes(m[2])) return null;
    unit.push(unit1.slice(at, m.index), { field: m[2], lineBreak: m[3] });
    at = m.index + m[0].length;
  }
  unit.push(unit1.slice(at));
  if (unit.some((u) => typeof u === 'string' && /[\uE000-\uE002]/.test(u))) return null;
  return { part, before, unit, after };
}

/** The loop's part: before, the unit per item (in chunks of a few hundred rows), after. */
function* partXml(cut: Cut, loop: StreamedLoop): Generator<string> {
  const w = new PartWriter();
  w.push(cut.before);
  let n = 0;
  for (const item of loop.items()) {
    for (const u of cut.unit) {
      if (typeof u === 'string') w.push(u);
      else w.value(item[u.field], u.lineBreak);
    }
    if (++n % 256 === 0) yield w.take();
  }
  w.push(cut.after);
  yield w.end();
}

/**
 * Renders `file` with `data` and the items of `loop` into `path`. Returns 'streamed' when the loop was
 * written item by item, 'whole' when the template was rendered whole (few items, or a template the
 * loop cannot be cut out of).
 */
export async function renderTemplateToFile(file: Buffer, data: Record<string, unknown>, loop: StreamedLoop, path: string): Promise<'streamed' | 'whole'> {
  const whole = async () => {
    await writeFile(path, renderTemplate(file, { ...data, [loop.name]: [...loop.items()] }));
    return 'whole' as const;
  };
  // One loop of plain placeholders, used once; a condition or loop on an item's field inside it could render differently per item.
  const loops = templateLoops(file);
  const own = loops.filter((l) => l.name === loop.name && !l.inverted);
  if (loop.count < 2 || own.length !== 1 || own[0].inner.some((n) => !loop.fields.includes(n) || loops.some((l) => l.name === n))) return whole();

  // docxtemplater refuses control characters in a value; so does this, before anything is written.
  const { hasCorruptCharacters } = docxLibraries().docUtils;
  for (const item of loop.items()) {
    for (const f of loop.fields) {
      const v = item[f];
      if (typeof v === 'string' && hasCorruptCharacters(v)) throw new Error(`{${f}} của {#${loop.name}} có ký tự điều khiển không ghi được vào văn bản Word: ${JSON.stringify(v.slice(0, 80))}`);
    }
  }
  const doc = open(file, [], () => '');
  doc.render({ ...data, [loop.name]: [markerItem(1, loop.fields), markerItem(2, loop.fields)] });
  const zip = doc.getZip();
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const xmlParts = new Map(entries.filter((f) => f.name.endsWith('.xml')).map((f) => [f.name, f.asText()]));
  const cut = cutLoop(xmlParts, loop);
  if (!cut) return whole();

  const { ZipFile } = await import('yazl');
  const out = new ZipFile();
  const mtime = new Date();
  for (const f of entries) {
    if (f.name === cut.part) {
      const encoded = (function* () {
        for (const s of partXml(cut, loop)) yield Buffer.from(s, 'utf8');
      })();
      out.addReadStream(Readable.from(encoded, { objectMode: false }), f.name, { mtime });
    } else {
      out.addBuffer(f.asNodeBuffer(), f.name, { mtime });
    }
  }
  out.end();
  await pipeline(out.outputStream, createWriteStream(path));
  return 'streamed';
}
