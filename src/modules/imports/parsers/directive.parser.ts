import { foldVietnamese } from 'src/core/text/vietnamese';
import { tryMakeLocalDate } from 'src/core/time/local-date';
import { IMPORT_LIMITS } from '../import-limits';
import { DocumentHeader, RawItem } from '../import.types';
import { cleanLine } from '../text-clean';
import { isHeadingMarker, readLineMarker } from './outline';
import { tooManyItemsError } from './table';
import type { TextBlock } from './text.parser';

/**
 * Văn bản giao nhiệm vụ (công văn, thông báo kết luận, kế hoạch, quyết định) whose assignments are
 * prose: "Giao Sở Tài chính chủ trì, phối hợp với …, báo cáo UBND tỉnh trước ngày 15/6/2026." The
 * header gives the document (number, place, date, issuer); in the body every sentence or clause
 * that assigns work is an item, numbered or not, and a paragraph may hold several ("…; Sở Y tế …").
 * Preamble and narrative ("Theo đó", "Thời gian qua, Sở X đã chủ trì …") assign nothing and are
 * skipped. Who leads is decided later, against the directory (import-normaliser.ts).
 */

const DOC_TYPES: [RegExp, string][] = [
  [/^cong van$/, 'Công văn'],
  [/^thong bao$/, 'Thông báo'],
  [/^ke hoach$/, 'Kế hoạch'],
  [/^quyet dinh$/, 'Quyết định'],
  [/^chi thi$/, 'Chỉ thị'],
  [/^chuong trinh$/, 'Chương trình'],
  [/^bao cao$/, 'Báo cáo'],
];
const SYMBOL_TYPES: Record<string, string> = {
  TB: 'Thông báo',
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  CT: 'Chỉ thị',
  CTr: 'Chương trình',
  BC: 'Báo cáo',
};

const NUMBER = /^(?:s[ốo]|so)\s*[:.]?\s*(\d{1,6}\s*\/\s*[\p{L}\d\-–/.]+)/iu;
const PLACE_DATE = /^([\p{L} .'-]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const ISSUER = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|văn phòng|sở|hội đồng nhân dân|tỉnh ủy)\b/iu;
/** Words of an issuer's first header line that belong to the national motto, not the issuer. */
const MOTTO = /cộng hòa|cộng hoà|độc lập|^-+$/iu;

/** The header of a document: its number and symbol, place and date, issuer and type. */
export function readHeader(blocks: TextBlock[]): DocumentHeader | null {
  let number: string | null = null;
  let place: string | null = null;
  let date: string | null = null;
  let issuer: string | null = null;
  let type: string | null = null;
  let headerEnd = 0;
  let dateError: string | null = null;
  const head = blocks.slice(0, 30);
  for (const [at, block] of head.entries()) {
    const { text } = cleanLine(block.text);
    if (!text) continue;
    // Both columns of the header may share a line ("ỦY BAN NHÂN DÂN   CỘNG HÒA …"): read each part.
    for (const part of text.split(/\s{3,}|\t|\s\|\s/)) {
      const t = part.trim();
      const n = NUMBER.exec(t);
      if (n && !number) {
        number = n[1].replace(/\s+/g, '');
        headerEnd = Math.max(headerEnd, block.position);
      }
      const d = PLACE_DATE.exec(t);
      if (d && !date) {
        const day = tryMakeLocalDate(+d[4], +d[3], +d[2]);
        if (day) date = day;
        else dateError = `Ngày ban hành “${d[2]}/${d[3]}/${d[4]}” không có thật`;
        place = d[1].trim();
        headerEnd = Math.max(headerEnd, block.position);
      }
      if (!issuer && ISSUER.test(t) && !MOTTO.test(t) && t.length < 120) {
        // "ỦY BAN NHÂN DÂN" / "TỈNH BÌNH PHƯỚC" on two lines (or two cells of the header's left column).
        const next = cleanLine(head[at + 1]?.text ?? '').text.split(/\t|\s{3,}/)[0] ?? '';
        const place = /^(TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ)\s/u.test(next) && !/\s(TỈNH|THÀNH PHỐ|HUYỆN)\s/u.test(` ${t} `);
        issuer = issuerName(place ? `${t} ${next}` : t);
      }
      const f = foldVietnamese(t);
      if (!type) for (const [re, name] of DOC_TYPES) if (re.test(f) && t === t.toLocaleUpperCase('vi')) type = name;
    }
  }
  if (!number && !date) return null;
  if (!type && number) {
    const sym = /\/([\p{L}]+)/u.exec(number)?.[1] ?? '';
    type = SYMBOL_TYPES[sym] ?? 'Công văn';
  }
  const parts = [type ?? 'Văn bản', number ? `số ${number}` : null, date ? `ngày ${vnDate(date)}` : null];
  if (issuer) parts.push(`của ${issuer}`);
  return {
    number,
    type,
    place,
    date,
    issuer,
    dateError,
    headerEnd,
    sourceDocument: parts.filter(Boolean).join(' '),
  };
}

function vnDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

/** "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" → "UBND tỉnh Bắc Kạn". */
function issuerName(line: string): string {
  const lower = line.toLocaleLowerCase('vi');
  const words = lower.split(/\s+/);
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  let out = words
    .map((w, i) =>
      i > 0 && !['tỉnh', 'thành', 'phố', 'huyện', 'và', 'nhân', 'dân', 'ban', 'ủy'].includes(w) ? cap(w) : w,
    )
    .join(' ');
  out = out
    .replace(/^(ủy|uỷ) ban nhân dân/u, 'UBND')
    .replace(/^ubnd/u, 'UBND')
    .replace(/^văn phòng/u, 'Văn phòng')
    .replace(/^sở/u, 'Sở')
    .replace(/^hội đồng nhân dân/u, 'HĐND')
    .replace(/^tỉnh ủy/u, 'Tỉnh ủy');
  return out;
}

/** The header and the body of a document look like a văn bản giao nhiệm vụ rather than a program list. */
export function looksLikeDirective(blocks: TextBlock[], header: DocumentHeader | null): boolean {
  if (!header?.number) return false;
  let assigning = 0;
  for (const b of blocks) if (assignmentStart(cleanLine(b.text).text) >= 0) assigning++;
  return assigning > 0;
}

const END = /^(noi nhan\b|(tm|kt|tl|tuq)\. ?\S)/;
const CLOSING = /\.\/\.\s*$/;

/**
 * Where a clause assigns work: a cue that gives a role ("giao", "đề nghị", "yêu cầu", "chủ trì",
 * "tham mưu", "có trách nhiệm") near an agency word. Not a cue: one reported as done ("đã chủ trì"),
 * quoted from a source ("theo đề nghị của", "xét đề nghị"), or the closing "chịu trách nhiệm thi
 * hành Quyết định này".
 */
const CUE =
  /(?<![a-z])(giao(?! thong| dich| luu| tiep| nhan| ban| duc)|de nghi|yeu cau|chu tri|tham muu|co trach nhiem|chiu trach nhiem|khan truong|chu dong)(?![a-z])/g;
const NOT_A_CUE_BEFORE = /(?:(?<![a-z])da|(?<![a-z])duoc|theo|xet|tai|cua|ve viec|nhu|tren co so|voi)\s*$/;
const AGENCY_WORD =
  /(?<![a-z])(so|ubnd|uy ban|bo|cong an|bo chi huy|van phong|thanh tra|co quan|dai|cuc|chi cuc|ban|kho bac|ngan hang|truong|trung tam|bao|tinh doan|hoi|lien minh|thu truong|giam doc|chu tich)(?![a-z])/;
const NEVER =
  /thi hanh (?:quyet dinh|van ban|chi thi) nay|chiu trach nhiem thi hanh|co hieu luc|thong bao de|biet,? (?:va )?thuc hien|nghiem tuc trien khai|nhan duoc van ban/;
/** A clause that starts with the agency doing the work: "Sở Tài chính bố trí kinh phí …". */
const AGENCY_FIRST =
  /^(?:cac |giam doc |thu truong |chu tich )?(?:so|ubnd|uy ban nhan dan|ban(?! hanh)|cong an|bo chi huy|thanh tra|dai|kho bac|van phong|cuc|trung tam|ngan hang|bao hiem)(?![a-z])/;
const ISSUER_FIRST = /^(?:chu tich |pho chu tich )?(?:ubnd|uy ban nhan dan) tinh(?![a-z])/;
const NARRATIVE = /(?<![\p{L}])(?:đã|đang|được|sẽ|từng|chưa)(?![\p{L}])/u;
/** "UBND tỉnh chỉ đạo / yêu cầu như sau:", "… giao nhiệm vụ như sau": introduces the assignments. */
const INTRODUCTION =
  /nhu sau\s*:?\s*$|sau day\s*:?\s*$|(?:ubnd|uy ban nhan dan) tinh (?:yeu cau|giao|de nghi|chi dao|ket luan)[^.;]{0,30}:?\s*$/;
/** "Ngày 08/5/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp …": the meeting, not a task. */
const MEETING = /chu tri (?:cuoc hop|buoi|hop|hoi nghi|phien hop)|^ngay \d/;
const PARTNER_ONLY = /^[^,;]{0,90}?(?<![a-z])phoi hop(?! voi)(?: thuc hien| trien khai)?(?:[,.;]|$)/;

/** Index of the first assignment cue of a folded clause, or -1. */
export function assignmentStart(text: string): number {
  const folded = foldVietnamese(text);
  if (NEVER.test(folded) || INTRODUCTION.test(folded) || MEETING.test(folded)) return -1;
  const head = text.slice(0, 80).toLocaleLowerCase('vi');
  if (AGENCY_FIRST.test(folded) && !ISSUER_FIRST.test(folded) && !NARRATIVE.test(head) && !/:$/.test(folded)) {
    // "Sở Công Thương phối hợp thực hiện": a partner of the assignment before, not one of its own.
    return PARTNER_ONLY.test(folded) ? -1 : 0;
  }
  for (const m of folded.matchAll(CUE)) {
    const before = folded.slice(Math.max(0, m.index - 20), m.index);
    if (NOT_A_CUE_BEFORE.test(before)) continue;
    if (!AGENCY_WORD.test(folded)) return -1;
    return m.index;
  }
  return -1;
}

/** Splits a paragraph into clauses at "; " and at sentence ends (a full stop before a capital). */
export function clauses(text: string): string[] {
  return text
    .split(/;\s+|(?<=[^\s./][.!?])\s+(?=[\p{Lu}\d“"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A clause that only adds to the assignment before it: a deadline, a report-back, a product. */
const CONTINUATION =
  /^(thoi han|thoi gian|hoan thanh|bao cao|gui|trinh|truoc ngay|cham nhat|xong truoc|dong thoi|trong do|ket qua|san pham|tong hop)/;

export function directiveItems(blocks: TextBlock[], header: DocumentHeader | null, refWord: string): RawItem[] {
  const items: RawItem[] = [];
  let section: string | null = null;
  let group: string | null = null;
  const counters = new Map<string, number>();
  let current: RawItem | null = null;
  /** An assignment ending in ":" whose bullets are its parts: they inherit its agencies. */
  let parent: RawItem | null = null;
  const nextCode = (base: string | null): string => {
    const key = base ?? '';
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return base ? `${base}.${n}` : String(n);
  };
  const start = header?.headerEnd ?? 0;
  let addressees = false;
  for (const block of blocks) {
    if (block.position <= start) continue;
    const clean = cleanLine(block.text);
    if (!clean.text) continue;
    const lead20 = foldVietnamese(clean.text.slice(0, 20));
    if (END.test(lead20)) break;
    // "Kính gửi: - Sở Tài chính; - Các sở, ban, ngành": the addressees, not assignments.
    if (/^kinh gui/.test(lead20)) {
      addressees = true;
      continue;
    }
    if (addressees && /^[-–+•]/.test(clean.text)) continue;
    addressees = false;
    let text = clean.text.replace(CLOSING, '.');
    const found = block.marker ? { marker: block.marker, rest: text } : readLineMarker(text, null);
    let base = section;
    let bullet = false;
    if (found) {
      text = found.rest;
      const m = found.marker;
      if (isHeadingMarker(m)) {
        section = m.kind === 'part' ? null : 'label' in m ? m.label : null;
        group = text;
        current = parent = null;
        if (assignmentStart(text) < 0) continue;
        base = section;
      } else if (m.kind === 'number') {
        base = m.parts.join('.');
        current = parent = null;
      } else if (m.kind === 'alpha') {
        base = `${(section ?? '') && section}${section ? '.' : ''}${m.label}`;
        current = null;
      } else bullet = m.kind === 'dash' || m.kind === 'plus';
    }
    const pieces = clauses(text);
    const assigning = pieces.map((p) => assignmentStart(p) >= 0);
    const numbered = found?.marker.kind === 'number';
    if (!assigning.some(Boolean)) {
      const f = foldVietnamese(text);
      if (bullet && parent) {
        // A part of the assignment above ("Giao Sở X chủ trì thực hiện các nội dung sau:").
        items.push(makeItem(block, refWord, text, nextCode(parent.code), group, clean.stripped, parent));
        continue;
      }
      if (current && CONTINUATION.test(f)) {
        current.title = `${current.title} ${text}`;
        continue;
      }
      if (numbered && text.length < 200) {
        // "2. Về công tác cải cách hành chính:": a section heading.
        section = base;
        group = text.replace(/:$/, '');
      }
      current = null;
      continue;
    }
    let emitted = 0;
    const single = assigning.filter(Boolean).length === 1;
    let leading: string[] = [];
    if (single) {
      // One assignment: the whole paragraph is its text (the product may come before "Sở X chủ trì").
      if (items.length >= IMPORT_LIMITS.maxItems) throw tooManyItemsError(items.length + 1);
      current = makeItem(
        block,
        refWord,
        text,
        numbered ? base! : nextCode(base),
        group,
        clean.stripped,
        bullet ? parent : null,
      );
      items.push(current);
      parent = !bullet && /:\s*$/.test(text) ? current : bullet ? parent : null;
      if (numbered) section = base;
      continue;
    }
    for (const [i, clause] of pieces.entries()) {
      let piece = clause;
      if (!assigning[i] && emitted === 0) {
        leading.push(piece);
        continue;
      }
      if (assigning[i]) {
        if (leading.length) {
          piece = `${leading.join('; ')}; ${piece}`;
          leading = [];
        }
        if (items.length >= IMPORT_LIMITS.maxItems) throw tooManyItemsError(items.length + 1);
        const code = numbered && single ? base! : nextCode(base);
        current = makeItem(block, refWord, piece, code, group, clean.stripped, bullet ? parent : null);
        items.push(current);
        emitted++;
      } else if (current && emitted > 0) {
        current.title = `${current.title}; ${piece}`.replace(/\.; /, '. ');
      }
    }
    parent = !bullet && current && /:\s*$/.test(text) ? current : bullet ? parent : null;
    if (numbered) section = base;
  }
  // An assignment split into parts is not a task of its own: its parts are.
  const split = new Set(items.filter((i) => i.context !== null).map((i) => i.parentCode));
  const out = items.filter((i) => !split.has(i.code));
  for (const item of out) {
    item.title = item.title
      .replace(/\s+/g, ' ')
      .replace(/[;:,]\s*$/, '')
      .trim();
    if (item.context !== null) item.parentCode = null;
  }
  return out;
}

function makeItem(
  block: TextBlock,
  refWord: string,
  text: string,
  code: string,
  group: string | null,
  stripped: boolean,
  parent: RawItem | null,
): RawItem {
  return {
    ref: `${refWord} ${block.position}`,
    position: block.position,
    source: 'text',
    code,
    group,
    parentCode: parent?.code ?? null,
    title: text,
    cells: {},
    columns: [],
    stripped,
    warnings: [],
    errors: [],
    context: parent?.title ?? null,
  };
}
