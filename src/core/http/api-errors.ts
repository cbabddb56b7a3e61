import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'code' }) field!: string;
  @ApiProperty({ example: 'code: không được để trống' }) message!: string;
}

/** The body of every error (GlobalExceptionFilter). */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'Dữ liệu không hợp lệ' }) message!: string;
  @ApiProperty({ type: [FieldErrorDto] }) details!: FieldErrorDto[];
}

const EXAMPLES: Record<number, { error: string; message: string; details?: FieldErrorDto[] }> = {
  400: { error: 'Bad Request', message: 'Dữ liệu không hợp lệ', details: [{ field: 'name', message: 'name: không được để trống' }] },
  401: { error: 'Unauthorized', message: 'Chưa đăng nhập' },
  403: { error: 'Forbidden', message: 'Bạn không có quyền thực hiện thao tác này' },
  404: { error: 'Not Found', message: 'Không tìm thấy' },
  409: { error: 'Conflict', message: 'Mã đã được sử dụng' },
  429: { error: 'Too Many Requests', message: 'Quá nhiều yêu cầu; vui lòng thử lại sau' },
};

/**
 * Documents the error answers of a route, each with an example body. A status may carry its own
 * example message: `ApiErrors(400, 403, [404, 'Không tìm thấy cơ quan, đơn vị'])`.
 */
export function ApiErrors(...statuses: (number | [number, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((s) => {
      const [status, message] = Array.isArray(s) ? s : [s, undefined];
      const ex = EXAMPLES[status] ?? { error: 'Error', message: 'Lỗi' };
      return ApiResponse({
        status,
        type: ErrorResponseDto,
        description: message ?? ex.message,
        example: { statusCode: status, error: ex.error, message: message ?? ex.message, details: ex.details ?? [] },
      });
    }),
  );
}
