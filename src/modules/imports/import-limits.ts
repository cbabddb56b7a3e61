/**
 * Limits of an import (stated in the API docs and the errors). A file over UPLOAD_LIMIT_MB is refused
 * by the upload itself (413).
 */
export const IMPORT_LIMITS = {
  /** Data rows of a table / items of a document, per file. */
  maxItems: 20_000,
  /** Above this many items, or this many bytes, the import runs on the imports queue (202 + progress). */
  queueAboveItems: 2_000,
  queueAboveBytes: 1024 * 1024,
  /** tasks.title, and the other columns' lengths. */
  maxTitleLength: 2000,
  maxCodeLength: 64,
  maxDueTextLength: 255,
  maxSourceDocumentLength: 500,
  maxOutputFormLength: 100,
  maxSubmitToLength: 100,
  maxLeaderLength: 255,
  maxCoordinatingAgencies: 200,
  /** Zip containers (.xlsx, .docx): refused before they reach exceljs / mammoth when they unpack to more. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** Unpacked / packed, over the whole archive, once it unpacks to more than `ratioAboveBytes`. Office files are 5–20. */
  maxCompressionRatio: 100,
  ratioAboveBytes: 10 * 1024 * 1024,
  maxZipEntries: 5000,
  /** Rows of a sheet counted in its XML before parsing (as for a CSV's lines: room for title and section rows). */
  maxSheetRows: 20_100,
} as const;

/** "20.000": numbers in messages, Vietnamese style. */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** The limits a zip container is checked against (IMPORT_LIMITS; a test passes smaller ones to stay small). */
export interface ZipLimits {
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  ratioAboveBytes: number;
  maxZipEntries: number;
  maxSheetRows: number;
}
