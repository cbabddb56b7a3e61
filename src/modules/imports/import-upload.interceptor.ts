import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AppConfig } from 'src/core/config/configuration';
import { DomainError } from 'src/core/http/domain-error';

/**
 * Reads the multipart upload of POST /api/imports into memory (one part `file`, at most
 * UPLOAD_LIMIT_MB) and turns multer's errors into Vietnamese ones: 413 past the limit, 400 for
 * a wrong or second file part or a broken form. File names are read as UTF-8.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;
  private readonly limitBytes: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.limitBytes = config.get('app.uploadLimitBytes', { infer: true });
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: this.limitBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) => {
      this.upload(req, res, (err?: unknown) => (err ? reject(this.toError(err)) : resolve()));
    });
    return next.handle();
  }

  private toError(err: unknown): DomainError {
    const code = (err as { code?: string }).code;
    const mb = Math.round(this.limitBytes / 1024 / 1024);
    const fail = (message: string, status = HttpStatus.BAD_REQUEST) =>
      new DomainError(message, status, [{ field: 'file', message: `file: ${message}` }]);
    switch (code) {
      case 'LIMIT_FILE_SIZE':
        return fail(`Tệp vượt quá dung lượng cho phép ${mb} MB`, HttpStatus.PAYLOAD_TOO_LARGE);
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
}
