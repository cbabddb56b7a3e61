import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AppConfig } from 'src/core/config/configuration';
import { uploadError } from 'src/core/http/upload-errors';

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
      this.upload(req, res, (err?: unknown) => (err ? reject(uploadError(err, this.limitBytes)) : resolve()));
    });
    return next.handle();
  }
}
