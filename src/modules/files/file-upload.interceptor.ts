import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Observable } from 'rxjs';
import { AppConfig } from 'src/core/config/configuration';
import { uploadError, uploadTooLarge } from 'src/core/http/upload-errors';

/** Room for the multipart envelope and the small fields beside the file. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * Streams one multipart file (part `file`) to a temporary file under DATA_DIR/files/tmp, never into
 * memory, and stops at UPLOAD_LIMIT_MB: a declared Content-Length above the limit is refused before
 * a byte is read; a body that runs past it is cut off and its partial file removed (multer). 413 with
 * a Vietnamese message, 400 for a broken form. The service moves the file into place or removes it.
 */
@Injectable()
export class FileUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;
  private readonly limitBytes: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.limitBytes = config.get('app.uploadLimitBytes', { infer: true });
    const tmp = join(config.get('files.dir', { infer: true }), 'tmp');
    this.upload = multer({
      storage: multer.diskStorage({
        destination: (_req, _file, cb) => {
          try {
            mkdirSync(tmp, { recursive: true });
            cb(null, tmp);
          } catch (err) {
            cb(err as Error, tmp);
          }
        },
        filename: (_req, _file, cb) => cb(null, `${randomUUID()}.upload`),
      }),
      limits: { fileSize: this.limitBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
      defParamCharset: 'utf8',
      // Keep the name as sent (busboy would cut a path off silently): a name with a path is refused.
      preservePath: true,
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.limitBytes + FORM_OVERHEAD) {
      // Refused before reading: the connection is closed after the answer, so the body is not taken in.
      res.setHeader('Connection', 'close');
      throw uploadTooLarge(this.limitBytes);
    }
    await new Promise<void>((resolve, reject) => {
      this.upload(req, res, (err?: unknown) => (err ? reject(uploadError(err, this.limitBytes)) : resolve()));
    });
    return next.handle();
  }
}
