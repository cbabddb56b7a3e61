import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_LIMIT = 50;
/** The one maximum of every list route's `limit`. */
export const MAX_PAGE_LIMIT = 500;
const MAX_PAGE = 1_000_000;

/** `?page=&limit=` of every list route; ListXQuery classes extend it. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, example: 1, description: 'Page number, from 1' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT, example: DEFAULT_PAGE_LIMIT, description: 'Rows per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;
}

export interface PageWindow {
  page: number;
  limit: number;
  skip: number;
  take: number;
}

export function pageWindow(q: PageQuery): PageWindow {
  const page = q.page ?? 1;
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  return { page, limit, skip: (page - 1) * limit, take: limit };
}

/** The envelope of every list response: `{items, total, page, limit}`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** Swagger base of the XPageDto classes (each adds its own typed `items`). */
export abstract class PageMetaDto {
  @ApiProperty({ example: 1, description: 'Rows matching the filters, over all pages' }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: DEFAULT_PAGE_LIMIT }) limit!: number;
}

/**
 * One page of a short list the service reads whole (document templates, leaders, agency groups,
 * saved views, a task's files and history): the same query and envelope as every other list.
 */
export function pageOfList<T>(all: readonly T[], q: PageQuery): Page<T> {
  const w = pageWindow(q);
  return { items: all.slice(w.skip, w.skip + w.take), total: all.length, page: w.page, limit: w.limit };
}
