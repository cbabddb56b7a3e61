/** C0 and C1 control characters except tab, line feed and carriage return; DEL; zero-width marks; soft hyphen. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex -- and what this detects
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Removes control and invisible characters; `stripped` says whether a control character was among them. */
export function stripControl(s: string): { text: string; stripped: boolean } {
  const stripped = HAS_CONTROL.test(s);
  return { text: s.replace(CONTROL, ''), stripped };
}

/** A cell or a paragraph as one line: NFC, no control characters, whitespace collapsed, trimmed. */
export function cleanLine(s: string): { text: string; stripped: boolean } {
  const { text, stripped } = stripControl(s.normalize('NFC'));
  return { text: text.replace(/\s+/g, ' ').trim(), stripped };
}
