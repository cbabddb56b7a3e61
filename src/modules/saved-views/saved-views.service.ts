import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Repository } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { DomainError } from 'src/core/http/domain-error';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { ListTasksQuery, TASK_FILTER_KEYS } from 'src/modules/tasks/dto/list-tasks.query.dto';
import { CreateSavedViewDto } from './dto/saved-view.dto';
import { SavedView } from './saved-view.entity';

/** What a saved task-list view may hold: the list's filters and its sort (not the page). */
const TASK_VIEW_KEYS: readonly string[] = [...TASK_FILTER_KEYS, 'sort'];
export const MAX_SAVED_VIEWS = 50;

/**
 * A user's saved list views. The query is checked with the list's own DTO (the rules GET
 * /api/tasks applies), so a view that is saved can always be opened.
 */
@Injectable()
export class SavedViewsService {
  constructor(@InjectRepository(SavedView) private readonly views: Repository<SavedView>) {}

  list(user: AuthUser, page: string): Promise<SavedView[]> {
    return this.views.find({ where: { userId: user.id, page }, order: { name: 'ASC', id: 'ASC' } });
  }

  async create(dto: CreateSavedViewDto, user: AuthUser): Promise<SavedView> {
    const query = checkTaskViewQuery(dto.query);
    if ((await this.views.countBy({ userId: user.id, page: dto.page })) >= MAX_SAVED_VIEWS) {
      throw new DomainError(`Mỗi người lưu được tối đa ${MAX_SAVED_VIEWS} bộ lọc; hãy xóa bớt bộ lọc cũ`, HttpStatus.BAD_REQUEST, []);
    }
    try {
      return await this.views.save(this.views.create({ userId: user.id, page: dto.page, name: dto.name.trim(), query }));
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException(`Đã có bộ lọc tên "${dto.name.trim()}"`);
      throw e;
    }
  }

  async remove(id: number, user: AuthUser): Promise<void> {
    const result = await this.views.delete({ id, userId: user.id });
    if (!result.affected) throw new NotFoundException('Không tìm thấy bộ lọc đã lưu');
  }
}

/** The query of a task-list view, checked: known keys only, each valid as GET /api/tasks takes it. */
export function checkTaskViewQuery(query: Record<string, unknown>): Record<string, unknown> {
  const problems: { field: string; message: string }[] = [];
  for (const key of Object.keys(query)) {
    if (!TASK_VIEW_KEYS.includes(key)) problems.push({ field: `query.${key}`, message: `query.${key}: bộ lọc "${key}" không được hỗ trợ` });
  }
  if (!problems.length) {
    const instance = plainToInstance(ListTasksQuery, query);
    for (const e of validateSync(instance, { whitelist: true, forbidNonWhitelisted: true })) {
      problems.push({ field: `query.${e.property}`, message: `query.${e.property}: giá trị không hợp lệ` });
    }
  }
  if (problems.length) {
    throw new DomainError(problems.length === 1 ? `Bộ lọc không hợp lệ: ${problems[0].message.replace(/^[\w.]+: /, '')}` : 'Bộ lọc không hợp lệ', HttpStatus.BAD_REQUEST, problems);
  }
  // Stored as given (strings from the URL stay strings): the list parses them as it parses its URL.
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
