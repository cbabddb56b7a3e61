// docxtemplater's own escaping, which its package ships without type declarations (docx-stream.ts writes
// values exactly as docxtemplater does).
declare module 'docxtemplater/js/doc-utils.js' {
  /** XML-escapes &, <, >, " and ' as docxtemplater writes a value. */
  export function utf8ToWord(value: string | number): string;
  /** True when the text holds a character XML 1.0 cannot carry (docxtemplater refuses such a value). */
  export function hasCorruptCharacters(value: string): boolean;
}
