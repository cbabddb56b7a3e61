import { HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-error';

/** 413 for an upload past `limitBytes`, with a Vietnamese message on the field `file`. */
export function uploadTooLarge(limitBytes: number): DomainError {
  const message = `Tệp vượt quá dung lượng cho phép ${Math.round(limitBytes / 1024 / 1024)} MB`;
  return new DomainError(message, HttpStatus.PAYLOAD_TOO_LARGE, [{ field: 'file', message: `file: ${message}` }]);
}

/** A multer error as the Vietnamese error people see: 413 past the limit, 400 for a wrong, second or broken part. */
export function uploadError(err: unknown, limitBytes: number): DomainError {
  const code = (err as { code?: string }).code;
  const fail = (message: string) => new DomainError(message, HttpStatus.BAD_REQUEST, [{ field: 'file', message: `file: ${message}` }]);
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return uploadTooLarge(limitBytes);
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
      return fail('Chỉ gửi một tệp, trong trường “file”');
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
      return fail('Biểu mẫu gửi lên có quá nhiều trường hoặc trường quá dài');
    default:
      return fail('Dữ liệu multipart/form-data không hợp lệ');
  }
}
