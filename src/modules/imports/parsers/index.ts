import { DomainError } from 'src/core/http/domain-error';
import { fileError, imageKind, InspectedFile } from '../import-file';
import { ParsedFile } from '../import.types';
import { parseCsv } from './csv.parser';
import { parseDocx } from './docx.parser';
import { DEFAULT_READ_OPTIONS, DocumentReadOptions, parseImage, parsePdf } from './pdf.parser';
import { parseTxt } from './text.parser';
import { parseXlsx } from './xlsx.parser';

/** The parser of the file's format; a file the library cannot read is a 400, not a 500. */
export async function parseFile(
  file: InspectedFile,
  opts: DocumentReadOptions = DEFAULT_READ_OPTIONS,
): Promise<ParsedFile> {
  try {
    switch (file.format) {
      case 'xlsx':
        return await parseXlsx(file.buffer);
      case 'docx':
        return await parseDocx(file.buffer);
      case 'csv':
        return parseCsv(file.text ?? '');
      case 'txt':
        return parseTxt(file.text ?? '');
      case 'pdf':
        return await parsePdf(file.buffer, file.fileName, opts);
      case 'image':
        return await parseImage(file.buffer, imageKind(file.buffer) ?? 'png', opts);
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw fileError(`Không đọc được tệp “${file.fileName}”: tệp bị hỏng hoặc không đúng định dạng ${file.format}`);
  }
}
