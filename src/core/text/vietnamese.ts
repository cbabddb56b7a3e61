/** Zero-width characters that Word and web forms leave inside text; they carry no meaning. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const IS_ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff]$/;
const COMBINING_MARKS = /\p{M}/gu;
// 'Đ' has no decomposition; legacy fonts also type it as the Icelandic eth 'Ð'.
const D_STROKE = /[đĐðÐ]/g;

/** Collapses every run of whitespace (including non-breaking spaces) to one space and trims. */
export function normalizeWhitespace(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/**
 * Folds Vietnamese text for diacritics-insensitive comparison: lowercase, no tone or vowel marks,
 * 'đ' → 'd', whitespace collapsed and trimmed. "Sở Tài nguyên  và Môi trường" → "so tai nguyen va moi truong".
 */
export function foldVietnamese(s: string): string {
  return normalizeWhitespace(s.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_STROKE, 'd').toLowerCase());
}

/** A folded string together with where each of its characters came from. */
export interface FoldedText {
  /** The input, NFC-normalised: offsets below point into this string. */
  source: string;
  /** Same as `foldVietnamese(source)`. */
  folded: string;
  /** `start[i]` / `end[i]`: the span of `source` that produced `folded[i]`. */
  start: number[];
  end: number[];
}

function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_STROKE, 'd').toLowerCase();
}

/**
 * Like `foldVietnamese`, but keeps a map back to the input so that a match found in the folded
 * text can be quoted as the user wrote it (`sourceSpan`).
 */
export function foldVietnameseWithOffsets(input: string): FoldedText {
  const source = input.normalize('NFC');
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let spaceFrom = -1;
  let spaceTo = -1;
  for (let i = 0; i < source.length;) {
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    const next = i + ch.length;
    if (IS_ZERO_WIDTH.test(ch)) {
      i = next;
      continue;
    }
    if (/\s/.test(ch)) {
      if (spaceFrom < 0) spaceFrom = i;
      spaceTo = next;
      i = next;
      continue;
    }
    const f = foldChar(ch);
    if (f === '') {
      // A stray combining mark: it belongs to the previous character.
      if (end.length > 0) end[end.length - 1] = next;
      i = next;
      continue;
    }
    if (spaceFrom >= 0 && folded.length > 0) {
      folded += ' ';
      start.push(spaceFrom);
      end.push(spaceTo);
    }
    spaceFrom = -1;
    for (const c of f) {
      folded += c;
      start.push(i);
      end.push(next);
    }
    i = next;
  }
  return { source, folded, start, end };
}

/** The part of `text.source` that produced `text.folded.slice(from, to)`. */
export function sourceSpan(text: FoldedText, from: number, to: number): string {
  if (to <= from) return '';
  return text.source.slice(text.start[from], text.end[to - 1]);
}
