import { applyDecorators, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isAcceptedLocalDate } from 'src/core/time/local-date';

/** A calendar day 'YYYY-MM-DD' that exists (2024-02-30 is refused), between 2000 and 2100. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a valid date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isAcceptedLocalDate(value) },
    });
}

/** A boolean query/form value: 'true'/'false'/'1'/'0' become booleans, anything else stays and fails. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1' || value === true) return true;
    if (value === 'false' || value === '0' || value === false) return false;
    return value;
  });
}

/** A query value that may repeat (?status=a&status=b) or be comma-separated, as an array. */
export function ToArray(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (value === undefined || value === null || value === '') return undefined;
    const list: unknown[] = Array.isArray(value) ? value : [value];
    return list.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));
  });
}

export const ApiDate = (description: string, required = true) =>
  applyDecorators(
    required
      ? ApiProperty({ type: String, format: 'date', example: '2024-06-30', description })
      : ApiPropertyOptional({ type: String, format: 'date', example: '2024-06-30', description }),
  );

export const MAX_ID = 2_147_483_647;

/** Route ids: positive 32-bit integers; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    // Ids are 32-bit integers on both engines: a larger one cannot exist and would fail in PostgreSQL.
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ID) {
      throw new BadRequestException({ message: 'Mã định danh không hợp lệ', details: [{ field: 'id', message: 'id: phải là số nguyên dương' }] });
    }
    return n;
  }
}

/**
 * Trims a string, or every string of an array (optionally upper- or lower-casing it); any other
 * value is left for the type validators to refuse.
 */
export function Trim(opts: { case?: 'upper' | 'lower' } = {}): PropertyDecorator {
  const one = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    const s = v.trim();
    return opts.case === 'upper' ? s.toUpperCase() : opts.case === 'lower' ? s.toLowerCase() : s;
  };
  return Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(one) : one(value)));
}

/**
 * An optional field. Unlike `@IsOptional()`, `null` is refused (the type validators run on it)
 * unless `nullable: true`, so `{"name": null}` is a 400, not a NOT NULL failure in the database.
 */
export function Optional(opts: { nullable?: boolean } = {}): PropertyDecorator {
  return opts.nullable ? IsOptional() : ValidateIf((_o: object, v: unknown) => v !== undefined);
}
