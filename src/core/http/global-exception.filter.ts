import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { DomainError } from './domain-error';
import { fieldLabel } from './field-labels';

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Default Vietnamese messages where the thrower gave none (Nest's built-ins speak English). */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn',
  403: 'Bạn không có quyền thực hiện thao tác này',
  404: 'Không tìm thấy',
  409: 'Dữ liệu đã bị thay đổi bởi người khác; vui lòng tải lại',
  413: 'Dữ liệu gửi lên vượt quá dung lượng cho phép',
  415: 'Định dạng dữ liệu không được hỗ trợ',
  429: 'Quá nhiều yêu cầu; vui lòng thử lại sau',
  500: 'Lỗi hệ thống; vui lòng thử lại sau',
  503: 'Dịch vụ tạm thời không khả dụng',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: { field: string; message: string }[];
}

function healthBody(exception: unknown): object | null {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return null;
  const r = exception.getResponse() as { status?: string; details?: unknown };
  return r && typeof r === 'object' && r.status === 'error' && r.details ? r : null;
}

/** Nest turns body-parser's SyntaxError into a BadRequestException; the cause tells it apart. */
function isJsonParseError(exception: HttpException): boolean {
  const cause = (exception as { cause?: { type?: string } }).cause;
  return cause?.type === 'entity.parse.failed' || (exception.message ?? '').includes('JSON');
}

function isVietnamese(s: string): boolean {
  return /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(s);
}

/**
 * A detail's message as people read it: a leading API field name (`dueDate: …`, `items.2.title: …`,
 * written by validators and services alike) becomes the field's Vietnamese label.
 */
export function vietnameseDetail(d: { field: string; message: string }): { field: string; message: string } {
  const m = /^([A-Za-z_][\w.[\]]*): (.*)$/s.exec(d.message);
  return { field: d.field, message: m ? `${fieldLabel(m[1])}: ${m[2]}` : d.message };
}

/** Every error leaves as `{statusCode, error, message, details}`; unknown ones are logged with their stack. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const health = healthBody(exception);
    if (health) {
      // /health keeps terminus's own shape (status, info, error, details) so probes can read what is down.
      res.status(503).json(health);
      return;
    }
    const body = this.toBody(exception);
    body.details = body.details.map(vietnameseDetail);
    if (body.statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error((exception as Error)?.stack ?? String(exception));
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, error: ERROR_NAMES[exception.status] ?? 'Error', message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message: string | undefined;
      let details: ErrorBody['details'] = [];
      if (typeof response === 'string') message = response;
      else if (response && typeof response === 'object') {
        const r = response as { message?: unknown; details?: ErrorBody['details'] };
        if (typeof r.message === 'string') message = r.message;
        if (Array.isArray(r.details)) details = r.details;
      }
      if (isJsonParseError(exception)) message = 'Nội dung JSON không hợp lệ';
      if (!message || !isVietnamese(message)) message = DEFAULT_MESSAGES[status] ?? message ?? 'Lỗi';
      return { statusCode: status, error: ERROR_NAMES[status] ?? 'Error', message, details };
    }
    // body-parser errors (too large, malformed JSON) carry their own status.
    const e = exception as { status?: number; statusCode?: number; type?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = e.type === 'entity.parse.failed' ? 'Nội dung JSON không hợp lệ' : (DEFAULT_MESSAGES[status] ?? 'Yêu cầu không hợp lệ');
      return { statusCode: status, error: ERROR_NAMES[status] ?? 'Error', message, details: [] };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: ERROR_NAMES[500], message: DEFAULT_MESSAGES[500], details: [] };
  }
}
