import type JSZip from 'jszip';
import { open, readFile } from 'node:fs/promises';

/** The kinds of file a task or request may carry, with their content type and accepted extensions. */
export const FILE_KINDS = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/**
 * What the bytes are, whatever the name says: magic numbers for PDF and images; for a ZIP, the
 * Office Open XML part that makes it a Word or Excel file. Null for anything else.
 */
export async function sniffFile(path: string): Promise<FileKind | null> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(16);
    const { bytesRead } = await fh.read(head, 0, 16, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return sniffOffice(path);
  return null;
}

async function sniffOffice(path: string): Promise<FileKind | null> {
  const { default: JSZip } = await import('jszip'); // at first use: docs/architecture.md "Memory"
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(path));
  } catch {
    return null;
  }
  if (!zip.file('[Content_Types].xml')) return null;
  if (zip.file('word/document.xml')) return 'docx';
  if (zip.file('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** The extension of a name, lowercased, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/**
 * A file name as people gave it, checked: no control characters, no path (/, \, ..), at most 200
 * characters, NFC. Returns the problem in Vietnamese, or null when it is fine.
 */
export function fileNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'Tên tệp chứa ký tự điều khiển';
  if (/[/\\]/.test(name) || name.split('.').every((p) => p === '') || name.includes('..')) return 'Tên tệp không được chứa đường dẫn (/, \\ hoặc ..)';
  if (!name.trim()) return 'Tên tệp trống';
  if (name.length > 200) return 'Tên tệp dài quá 200 ký tự';
  return null;
}
