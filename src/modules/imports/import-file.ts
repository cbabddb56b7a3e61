import { HttpStatus } from '@nestjs/common';
import type JSZip from 'jszip';
import { extname } from 'node:path';
import { DomainError } from 'src/core/http/domain-error';
import { formatCount, IMPORT_LIMITS, ZipLimits } from './import-limits';
import { ImportFormat } from './import.types';
import { tooManyItemsError } from './parsers/table';

/**
 * What an upload is, checked before any parser sees it: the extension is one we read, the declared
 * content type fits it, the bytes are what the extension says (a zip with the Office parts for
 * .xlsx/.docx, UTF-8 or UTF-16 text for .csv/.txt), and a zip unpacks to a reasonable size — every
 * entry is inflated here with jszip, counting bytes, and refused past IMPORT_LIMITS before exceljs
 * or mammoth would unpack it (zip bombs). Rows of the sheets are counted on the way.
 */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface InspectedFile {
  format: ImportFormat;
  fileName: string;
  buffer: Buffer;
  /** Decoded text of a .csv / .txt. */
  text: string | null;
  /** Rows seen without parsing (the largest sheet of an .xlsx, the lines of a .csv); null for documents. */
  roughRows: number | null;
}

const CONTENT_TYPES: Record<ImportFormat, string[]> = {
  xlsx: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/zip',
    'application/x-zip-compressed',
  ],
  docx: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/zip',
    'application/x-zip-compressed',
  ],
  csv: [
    'text/csv',
    'text/plain',
    'application/csv',
    'text/comma-separated-values',
    'application/vnd.ms-excel',
    'text/x-csv',
  ],
  txt: ['text/plain'],
  pdf: ['application/pdf', 'application/x-pdf'],
  image: ['image/png', 'image/jpeg', 'image/jpg', 'image/tiff', 'image/tif'],
};
/** What clients send when they do not know. */
const GENERIC_TYPES = ['', 'application/octet-stream', 'binary/octet-stream'];

const KIND_NAMES: Record<ImportFormat, string> = {
  xlsx: 'bảng tính Excel (.xlsx)',
  docx: 'tài liệu Word (.docx)',
  csv: 'tệp CSV',
  txt: 'tệp văn bản (.txt)',
  pdf: 'tệp PDF',
  image: 'ảnh (PNG, JPEG, TIFF)',
};

export function fileError(message: string, status: HttpStatus = HttpStatus.BAD_REQUEST): DomainError {
  return new DomainError(message, status, [{ field: 'file', message: `file: ${message}` }]);
}

/** The format an extension names, or a 415 that says what to do instead. */
export function formatOf(fileName: string): ImportFormat {
  const ext = extname(fileName).toLowerCase().replace('.', '');
  if (ext === 'xlsx' || ext === 'csv' || ext === 'docx' || ext === 'txt' || ext === 'pdf') return ext;
  if (['png', 'jpg', 'jpeg', 'tif', 'tiff'].includes(ext)) return 'image';
  const hint: Record<string, string> = {
    xls: 'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu dưới dạng .xlsx',
    doc: 'Tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu dưới dạng .docx',
  };
  throw fileError(
    hint[ext] ??
      `Định dạng tệp ${ext ? `.${ext}` : '(không có phần mở rộng)'} không được hỗ trợ; chỉ nhận .xlsx, .csv, .docx, .txt, .pdf và ảnh .png, .jpg, .tif`,
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );
}

/** What the first bytes say a file is (for a renamed binary), or null when they look like text. */
export function describeBinary(buf: Buffer): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06))
    return 'một tệp nén ZIP (Excel .xlsx hoặc Word .docx?)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'một tệp Office đời cũ (.xls hoặc .doc)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'một tệp PDF';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'một ảnh PNG';
  if (starts(0xff, 0xd8, 0xff)) return 'một ảnh JPEG';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'một ảnh GIF';
  if (starts(0x4d, 0x5a)) return 'một tệp chương trình (.exe)';
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'một tệp chương trình';
  if (starts(0x52, 0x61, 0x72, 0x21)) return 'một tệp nén RAR';
  if (starts(0x1f, 0x8b)) return 'một tệp nén gzip';
  if (starts(0x37, 0x7a, 0xbc, 0xaf)) return 'một tệp nén 7z';
  return null;
}

/** Refuses what is not a .xlsx/.csv/.docx/.txt we can read; returns the format and, for text, the decoded text. */
export async function inspectUpload(file: UploadedFile): Promise<InspectedFile> {
  const fileName = file.originalname || 'tệp';
  const format = formatOf(fileName);
  const type = (file.mimetype ?? '').split(';')[0].trim().toLowerCase();
  if (!GENERIC_TYPES.includes(type) && !CONTENT_TYPES[format].includes(type)) {
    throw fileError(
      `Kiểu nội dung “${type}” không khớp với ${KIND_NAMES[format]} “${fileName}”`,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
  if (!file.buffer || file.buffer.length === 0) throw fileError(`Tệp “${fileName}” rỗng`);
  if (format === 'xlsx' || format === 'docx') {
    const zip = await checkOfficeZip(file.buffer, format, fileName);
    return { format, fileName, buffer: file.buffer, text: null, roughRows: format === 'xlsx' ? zip.sheetRows : null };
  }
  if (format === 'pdf' || format === 'image') {
    const kind = imageKind(file.buffer);
    const ok = format === 'pdf' ? file.buffer.subarray(0, 1024).includes('%PDF-') : kind !== null;
    if (!ok) {
      const binary = describeBinary(file.buffer);
      throw fileError(
        `Tệp “${fileName}” không phải ${KIND_NAMES[format]}${binary ? ` mà là ${binary} bị đổi tên` : ''}`,
      );
    }
    return { format, fileName, buffer: file.buffer, text: null, roughRows: null };
  }
  const text = decodeText(file.buffer, format, fileName);
  // Refused here, before the upload could be queued: the limit is a clear 400, not a failed run.
  const lines = text.split(/\r\n|\n|\r/).length;
  if (format === 'csv' && lines > IMPORT_LIMITS.maxItems + 100) throw tooManyItemsError(lines);
  return { format, fileName, buffer: file.buffer, text, roughRows: format === 'csv' ? lines : null };
}

/** The image format by its first bytes (what Tesseract is given), or null. */
export function imageKind(buf: Buffer): 'png' | 'jpg' | 'tif' | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tif';
  return null;
}

/** Text in UTF-16 without its byte order mark: one byte of most pairs (the high byte of Latin letters) is NUL. */
function utf16WithoutBom(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return Math.max(even, odd) > pairs * 0.3 && Math.min(even, odd) < pairs * 0.05;
}

/** UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused with what to do. */
export function decodeText(buf: Buffer, format: 'csv' | 'txt', fileName: string): string {
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    const binary = describeBinary(buf);
    if (binary) throw fileError(`Tệp “${fileName}” không phải ${KIND_NAMES[format]} mà là ${binary} bị đổi tên`);
    if (utf16WithoutBom(buf))
      throw fileError(
        `Tệp “${fileName}” mã hóa UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không đọc chắc chắn được; hãy lưu lại với bảng mã UTF-8`,
      );
    const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw fileError(
        `Tệp “${fileName}” không phải văn bản mã hóa UTF-8 (có thể là tệp nhị phân bị đổi tên, hoặc bảng mã cũ như TCVN3/VNI/Windows-1258)` +
          (format === 'csv'
            ? '; trong Excel hãy chọn Lưu dưới dạng “CSV UTF-8 (Comma delimited)”'
            : '; hãy lưu lại với bảng mã UTF-8'),
      );
    }
  }
  const nul = text.split('\u0000').length - 1;
  if (nul > 16 && nul > text.length / 1000)
    throw fileError(`Tệp “${fileName}” chứa dữ liệu nhị phân, không phải ${KIND_NAMES[format]}`);
  // eslint-disable-next-line no-control-regex -- NUL is what is being removed
  if (!text.replace(/[\s\u0000\ufeff]/g, '')) throw fileError(`Tệp “${fileName}” rỗng`);
  return text;
}

function bombError(fileName: string, detail: string): DomainError {
  return fileError(
    `Tệp “${fileName}” bị từ chối: ${detail}. Tệp Office bình thường không như vậy (có thể là tệp nén độc hại – “zip bomb”)`,
  );
}

const REQUIRED_PART: Record<'xlsx' | 'docx', string> = { xlsx: 'xl/workbook.xml', docx: 'word/document.xml' };

export async function checkOfficeZip(
  buf: Buffer,
  format: 'xlsx' | 'docx',
  fileName: string,
  limits: ZipLimits = IMPORT_LIMITS,
): Promise<{ uncompressed: number; sheetRows: number }> {
  if (!(buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04)) {
    const what = describeBinary(buf);
    throw fileError(
      `Tệp “${fileName}” không phải ${KIND_NAMES[format]} hợp lệ${what ? `: đây là ${what} bị đổi tên` : ' (có thể là tệp khác bị đổi tên)'}`,
    );
  }
  const { default: JSZip } = await import('jszip'); // at first use: docs/architecture.md "Memory"
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw fileError(`Tệp “${fileName}” bị hỏng hoặc không phải ${KIND_NAMES[format]} hợp lệ`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxZipEntries)
    throw bombError(fileName, `có ${formatCount(entries.length)} tệp con`);
  if (!zip.file(REQUIRED_PART[format])) {
    const other = format === 'xlsx' ? 'docx' : 'xlsx';
    if (zip.file(REQUIRED_PART[other]))
      throw fileError(`Tệp “${fileName}” thực chất là ${KIND_NAMES[other]}; hãy đổi lại phần mở rộng .${other}`);
    throw fileError(`Tệp “${fileName}” không phải ${KIND_NAMES[format]} hợp lệ (thiếu ${REQUIRED_PART[format]})`);
  }
  const max = limits.maxUncompressedBytes;
  const mb = (n: number) => `${formatCount(Math.round(n / 1024 / 1024))} MB`;
  // What the archive declares (jszip keeps it on the entry) — a quick refusal; the real count follows.
  const declared = entries.reduce(
    (s, f) => s + Number((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (declared > max) throw bombError(fileName, `giải nén ra ${mb(declared)}, vượt quá ${mb(max)}`);

  let total = 0;
  let sheetRows = 0;
  for (const entry of entries) {
    const isSheet = format === 'xlsx' && /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    let rows: { bytes: number; rows: number };
    try {
      rows = await inflateCounting(entry, max - total, isSheet, () =>
        bombError(fileName, `giải nén ra hơn ${mb(max)}`),
      );
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw fileError(`Tệp “${fileName}” bị hỏng (không giải nén được ${entry.name})`);
    }
    total += rows.bytes;
    sheetRows = Math.max(sheetRows, rows.rows);
    if (sheetRows > limits.maxSheetRows) throw tooManyItemsError(sheetRows);
  }
  const ratio = total / buf.length;
  if (total > limits.ratioAboveBytes && ratio > limits.maxCompressionRatio) {
    throw bombError(
      fileName,
      `tỉ lệ nén ${formatCount(Math.round(ratio))}:1 (giải nén ${mb(total)} từ ${formatCount(Math.round(buf.length / 1024))} KB)`,
    );
  }
  return { uncompressed: total, sheetRows };
}

interface InflateStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', cb: (err: Error) => void): InflateStream;
  on(event: 'end', cb: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

/** Inflates one entry, counting bytes (and `<row` elements of a sheet); stops as soon as `budget` is exceeded. */
function inflateCounting(
  entry: JSZip.JSZipObject,
  budget: number,
  countRows: boolean,
  tooBig: () => Error,
): Promise<{ bytes: number; rows: number }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let rows = 0;
    let carry = '';
    let done = false;
    // jszip's streaming reader (in its API, missing from its typings): chunks as they are inflated.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        bytes += chunk.length;
        if (bytes > budget) {
          done = true;
          stream.pause();
          reject(tooBig());
          return;
        }
        if (countRows) {
          const s = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
          for (const m of s.matchAll(/<(?:\w+:)?row[\s>/]/g)) if (m.index + m[0].length > carry.length) rows++;
          carry = s.slice(-16);
        }
      })
      .on('error', (err: Error) => {
        if (done) return;
        done = true;
        reject(err);
      })
      .on('end', () => {
        if (done) return;
        done = true;
        resolve({ bytes, rows });
      })
      .resume();
  });
}
