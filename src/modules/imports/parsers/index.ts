import { DomainError } from 'src/core/http/domain-error';
import { fileError, InspectedFile } from '../import-file';
import { ParsedFile } from '../import.types';
import { parseCsv } from './csv.parser';
import { parseDocx } from './docx.parser';
import { parseTxt } from './text.parser';
import { parseXlsx } from './xlsx.parser';

/** The parser of the file's format; a file the library cannot read is a 400, not a 500. */
export async function parseFile(file: InspectedFile): Promise<ParsedFile> {
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
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw fileError(`Không đọc được tệp “${file.fileName}”: tệp bị hỏng hoặc không đúng định dạng ${file.format}`);
  }
}
