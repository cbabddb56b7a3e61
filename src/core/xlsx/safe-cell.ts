/**
 * Text that a spreadsheet could read as a formula starts with = + - @ (or a tab / carriage return
 * that hides one). OWASP's CSV-injection advice: prefix such text with a single quote so it stays
 * text however the file is opened, edited or re-saved as CSV. Every XLSX writer passes the text it
 * writes through here (reports, exports, digest attachments).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as written: strings made safe, numbers, dates and empty values as they are. */
export function spreadsheetValue<T>(value: T): T | string {
  return typeof value === 'string' ? spreadsheetText(value) : value;
}
