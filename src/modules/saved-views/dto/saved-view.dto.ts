import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageMetaDto, PageQuery } from 'src/core/http/pagination';
import { SavedView } from '../saved-view.entity';

export const SAVED_VIEW_PAGES = ['tasks'] as const;

export class CreateSavedViewDto {
  @ApiProperty({ example: 'Quá hạn của Sở Tài chính', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { context: { vi: 'không được để trống' } })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: SAVED_VIEW_PAGES, example: 'tasks' })
  @IsIn(SAVED_VIEW_PAGES)
  page!: (typeof SAVED_VIEW_PAGES)[number];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { agencyId: 3, timeliness: 'overdue', sort: 'dueDate' },
    description: 'The list\'s query parameters (those of GET /api/tasks but page and limit); an unknown one → 400',
  })
  @IsObject()
  query!: Record<string, unknown>;
}

export class SavedViewResponseDto {
  @ApiProperty({ example: 4 }) id!: number;
  @ApiProperty({ example: 'tasks' }) page!: string;
  @ApiProperty({ example: 'Quá hạn của Sở Tài chính' }) name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { agencyId: 3, timeliness: 'overdue', sort: 'dueDate' } })
  query!: Record<string, unknown>;
  @ApiProperty({ example: '2026-12-05T08:00:00.000Z' }) createdAt!: string;
}

/** `GET /api/saved-views?screen=tasks&page=&limit=` (`page` is the paging of every list, so the list the views belong to is `screen`). */
export class ListSavedViewsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SAVED_VIEW_PAGES, default: 'tasks', description: 'The list the views were saved on' })
  @IsOptional()
  @IsIn(SAVED_VIEW_PAGES)
  screen?: (typeof SAVED_VIEW_PAGES)[number];
}

export class SavedViewPageDto extends PageMetaDto {
  @ApiProperty({ type: [SavedViewResponseDto] }) items!: SavedViewResponseDto[];
}

export function toSavedViewResponse(v: SavedView): SavedViewResponseDto {
  return { id: v.id, page: v.page, name: v.name, query: v.query, createdAt: new Date(v.createdAt).toISOString() };
}
