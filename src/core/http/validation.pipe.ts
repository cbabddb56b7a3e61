import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldErrors } from './vietnamese-messages';

/**
 * Route parameters reach their own pipes as the text of the URL. Nest's ValidationPipe would
 * otherwise turn `/agencies/1e3` or `/agencies/0x10` into the number 1000 or 16 before ParseIdPipe
 * sees it, and those ids would be accepted.
 */
class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') return value;
    return super.transformPrimitive(value, metadata);
  }
}

/** The one ValidationPipe (APP_PIPE): unknown fields rejected, 400 with field-level Vietnamese messages. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Dữ liệu không hợp lệ', details: toFieldErrors(errors) }),
  });
}
