import { HttpStatus } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { foldVietnamese } from 'src/core/text/vietnamese';
import { IMPORT_LIMITS } from '../import-limits';
import { DocumentHeader, Issue, ParsedFile, RawItem } from '../import.types';
import { cleanLine } from '../text-clean';
import { directiveItems, looksLikeDirective, readHeader } from './directive.parser';
import { isHeadingMarker, Marker, Outline, OutlineEntry, readLineMarker } from './outline';
import { tooManyItemsError } from './table';

/**
 * Document text (.txt, and the paragraphs of a .docx) → items. Numbered paragraphs ("1.", "2.1.",
 * "(3)", "a)") and bullets ("-", "+") start items, coded as outline.ts describes; a paragraph
 * without a marker continues the current item (also after a blank line); headings ("B. …", "II. …",
 * "Phần thứ hai", a line in capitals) start a section. Text before the first item is the preamble and
 * is skipped; the closing sentence ending in "./.", "Nơi nhận:" and the signature block end the items.
 */
export interface TextBlock {
  text: string;
  /** Line (.txt) or paragraph (.docx) number, from 1. */
  position: number;
  /** A marker the document's own list numbering gives (Word lists); otherwise read from the text. */
  marker?: Marker;
  /** A heading style in Word. */
  heading?: boolean;
}

const END = /^(noi nhan\b|(tm|kt|tl|tuq)\. ?\S)/;
const CLOSING = /\.\/\.\s*$/;

function isCapitalsLine(s: string): boolean {
  return /\p{L}{2}/u.test(s) && s === s.toLocaleUpperCase('vi') && s.length <= 200;
}

export function textItems(blocks: TextBlock[], refWord: string): { items: RawItem[]; warnings: Issue[] } {
  const outline = new Outline();
  const items: { item: RawItem; entry: OutlineEntry; texts: string[] }[] = [];
  let current: (typeof items)[number] | null = null;
  for (const block of blocks) {
    const clean = cleanLine(block.text);
    if (!clean.text) continue;
    if (END.test(foldVietnamese(clean.text.slice(0, 20)))) break;
    const closing = CLOSING.test(clean.text);
    const found = block.marker
      ? { marker: block.marker, rest: clean.text }
      : readLineMarker(clean.text, outline.previousLetter);
    if (found && isHeadingMarker(found.marker)) {
      current = null;
      outline.heading(found.marker, clean.text);
      continue;
    }
    if (!found && (block.heading || isCapitalsLine(clean.text)) && !closing) {
      current = null;
      outline.label(clean.text);
      continue;
    }
    if (found) {
      if (items.length >= IMPORT_LIMITS.maxItems) throw tooManyItemsError(items.length + 1);
      const entry = outline.item(found.marker);
      current = {
        entry,
        texts: [closing ? found.rest.replace(CLOSING, '.') : found.rest],
        item: {
          ref: `${refWord} ${block.position}`,
          position: block.position,
          source: 'text',
          code: null,
          group: null,
          parentCode: null,
          title: '',
          cells: {},
          columns: [],
          stripped: clean.stripped,
          warnings: [],
          errors: [],
        },
      };
      items.push(current);
      if (closing) break;
      continue;
    }
    if (closing) break;
    if (current) {
      current.texts.push(clean.text);
      current.item.stripped ||= clean.stripped;
    }
  }
  outline.finish();
  return {
    items: items.map(({ item, entry, texts }) => ({
      ...item,
      code: entry.code,
      group: entry.group,
      parentCode: entry.parentCode,
      title: texts.join(' ').replace(/\s+/g, ' ').trim(),
    })),
    warnings: [],
  };
}

/**
 * A document's items: a văn bản giao nhiệm vụ (a header with its number, and sentences that assign
 * work) is read as prose (directive.parser.ts); otherwise numbered items, falling back to prose
 * when there are none.
 */
export function documentItems(
  blocks: TextBlock[],
  refWord: string,
): { items: RawItem[]; warnings: Issue[]; document: DocumentHeader | null } {
  const document = readHeader(blocks);
  if (looksLikeDirective(blocks, document))
    return { items: directiveItems(blocks, document, refWord), warnings: [], document };
  const numbered = textItems(blocks, refWord);
  if (numbered.items.length > 0) return { ...numbered, document };
  return { items: directiveItems(blocks, document, refWord), warnings: [], document };
}

/** .txt: one paragraph per line (numbered from 1). */
export function parseTxt(text: string): ParsedFile {
  const blocks = text.split(/\r\n|\n|\r/).map((line, i) => ({ text: line, position: i + 1 }));
  if (blocks.length > IMPORT_LIMITS.maxItems * 20) throw tooManyItemsError(blocks.length);
  const { items, warnings, document } = documentItems(blocks, 'Dòng');
  return { format: 'txt', items, warnings, document };
}

export function noItemsError(format: 'txt' | 'docx' | 'pdf' | 'image' | 'table'): DomainError {
  const message =
    format === 'table'
      ? 'Bảng không có dòng nhiệm vụ nào dưới dòng tiêu đề'
      : 'Không tìm thấy nhiệm vụ nào: văn bản không có câu giao việc (“Giao Sở … chủ trì”, “Đề nghị …”, “… có trách nhiệm …”), mục đánh số (1., 2.1., a)) hay gạch đầu dòng (-, +)';
  return new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: ${message}` }]);
}
