import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { likeContains } from 'src/core/database/like';
import { SqliteReadPool } from 'src/core/database/sqlite-read-pool';
import { DomainError } from 'src/core/http/domain-error';
import { DEFAULT_PAGE_LIMIT } from 'src/core/http/pagination';
import { formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ListTasksQuery, TaskSort, TimelinessFilter } from './dto/list-tasks.query.dto';
import { TaskSummaryDto } from './dto/task-summary.dto';
import { TaskView } from './dto/task-response.dto';
import { findCoordinatingAgencies } from './task-agencies.lookup';
import {
  assignedByCondition,
  coordinatingCondition,
  involvingCondition,
  leaderCondition,
  notDoneBeforeCondition,
  OPEN_ONLY,
  submittedCondition,
  textSearchCondition,
  timelinessCondition,
} from './task-query';
import { TaskTransactions } from './task-transactions';
import { Task } from './task.entity';
import { TaskInvolvement } from './task-involvement.entity';
import { doneOnADay, openOnEveryDay } from './task-involvements';
import { TaskProgramCount } from './task-program-count.entity';
import { OPEN_STATUSES, TaskStatus } from './task.enums';

export interface TaskPage {
  items: TaskView[];
  total: number;
  page: number;
  limit: number;
  asOf: LocalDate;
}

/** The columns a listed task carries (what toTaskResponse reads); the search text and creator stay in the table. */
const VIEW_COLUMNS = [
  'id',
  'programId',
  'code',
  'title',
  'description',
  'kind',
  'sourceDocument',
  'outputForm',
  'submitTo',
  'leaderInCharge',
  'leadAgencyId',
  'assignedAt',
  'dueDate',
  'effectiveDueDate',
  'dueText',
  'extendedFromDate',
  'extendedFromText',
  'origin',
  'status',
  'progress',
  'completedAt',
  'submittedAt',
  'resultDocument',
  'resultNumber',
  'resultIssuedAt',
  'resultSummary',
  'resultIssuer',
  'note',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Task)[];

/**
 * The task list and what is read like it: GET /api/tasks (a page), /api/tasks/summary (the tab
 * counts), /api/tasks/export (every page) and the leaders named on tasks. Read-only; the filters
 * are one function (applyFilters) so that a list, its export and its summary always agree.
 */
@Injectable()
export class TaskListingService {
  private readonly columns: ColumnMetadata[];

  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    @InjectRepository(TaskInvolvement) private readonly involvements: Repository<TaskInvolvement>,
    @InjectRepository(TaskProgramCount) private readonly programCounts: Repository<TaskProgramCount>,
    private readonly calendar: CalendarService,
    private readonly tx: TaskTransactions,
    /** Runs the statements below: on SQLite in reader threads, off the main thread (core/database/sqlite-read-pool.ts). */
    private readonly reads: SqliteReadPool,
  ) {
    this.columns = VIEW_COLUMNS.map((p) => {
      const c = this.tasks.metadata.findColumnWithPropertyName(p);
      if (!c) throw new Error(`tasks has no column ${p}`);
      return c;
    });
  }

  async list(q: ListTasksQuery, user: AuthUser): Promise<TaskPage> {
    const asOf = q.asOf ?? this.calendar.today();
    const page = q.page ?? 1;
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    this.checkDueRange(q);
    const offset = (page - 1) * limit;
    const sort = q.sort ?? 'dueDate';
    const involved = involvementScope(q, user);
    if (involved !== null && (sort === 'dueDate' || sort === '-dueDate')) {
      // An agency's own tasks by due date: one index range of task_involvements, in order.
      const qb = this.involving(involved, q, asOf);
      const pageQuery = byDueDate(qb.clone().select('ti.taskId', 'id'), 'ti', 'taskId', sort === 'dueDate' ? 'ASC' : 'DESC')
        .offset(offset)
        .limit(limit);
      const rows = await this.reads.rawMany<{ id: number | string }>(pageQuery);
      const total = await this.pageTotal(rows.length, page, offset, limit, () => this.involvementCount(involved, q, asOf));
      return { items: await this.loadInOrder(rows.map((r) => Number(r.id))), total, page, limit, asOf };
    }
    const qb = this.filtered(q, user, asOf);
    // The page's ids first, from the filters alone (the planner then walks the filters' indexes; with
    // the agency join in the same statement SQLite chose to scan every past-due task of the
    // province), then those rows with their agencies.
    const ordered = this.applySort(qb.clone().select('t.id', 'id'), sort);
    // An agency's tasks (lead OR coordinating) sorted otherwise than by due date come from two index
    // searches that SQLite sorts anyway: the page query counts them too (COUNT(*) OVER ()), one pass
    // instead of two. Not on PostgreSQL: at a million tasks the windowed page took ~6 s against ~2 s
    // for page + count (npm run bench -- --db postgres --tasks 1000000, 2026-12-06; BENCHMARKS.md).
    const agencyScoped =
      this.tx.engine === 'sqlite' && (user.role === UserRole.Agency || !!q.involvingAgencyId || !!q.coordinatingAgencyId);
    if (agencyScoped) ordered.addSelect('COUNT(*) OVER ()', 'total');
    const rows = await this.reads.rawMany<{ id: number | string; total?: number | string }>(ordered.offset(offset).limit(limit));
    const total =
      rows.length > 0 && agencyScoped
        ? Number(rows[0].total)
        : await this.pageTotal(rows.length, page, offset, limit, () => this.listCount(q, user, qb));
    return { items: await this.loadInOrder(rows.map((r) => Number(r.id))), total, page, limit, asOf };
  }

  /** A short page is its own total (with the offset before it); only a full page asks for the count. */
  private async pageTotal(n: number, page: number, offset: number, limit: number, count: () => Promise<number>): Promise<number> {
    if (n > 0 && n < limit) return offset + n;
    if (n === 0 && page === 1) return 0;
    return count();
  }

  /**
   * How many tasks the list `qb` (q's filters) holds: for a program's list, or the whole list, filtered
   * by nothing else, the count task_program_counts keeps (task-program-counts.ts) instead of counting
   * the program's 200,000 tasks on every page; otherwise counted.
   */
  private async listCount(q: ListTasksQuery, user: AuthUser, qb: SelectQueryBuilder<Task>): Promise<number> {
    const scope = programScope(q, user);
    if (scope === null) return this.reads.count(qb);
    const counts = this.programCounts.createQueryBuilder('pc').select('COALESCE(SUM(pc.tasks), 0)', 'n');
    if (scope !== 'all') counts.where('pc.programId = :countedProgram', { countedProgram: scope });
    const [row] = await this.reads.rawMany<{ n: number | string | null }>(counts);
    return Number(row?.n ?? 0);
  }

  /**
   * How many of agency `agencyId`'s tasks match q's state filters. A filter that only open work meets
   * (overdue, due soon, in time, not done, not overdue: OPEN_ONLY) counts the two parts that open work
   * as of asOf is made of, each one range of its partial index (task-involvements.ts): the rows open
   * on every day, and the done ones completed after asOf, in one statement. At a million tasks an
   * agency's overdue count read 25,000 index entries for 4,000 open ones (7.7 ms); now 4,000 (0.5 ms).
   * Any other filter is one count (PostgreSQL takes the done rows' index by itself for the completed
   * ones: their condition contains its predicate).
   */
  private async involvementCount(agencyId: number, q: ListTasksQuery, asOf: LocalDate): Promise<number> {
    if (!q.timeliness || !OPEN_ONLY[q.timeliness]) return this.reads.count(this.involving(agencyId, q, asOf));
    const doneAfter = this.involving(agencyId, q, asOf, 'td')
      .andWhere(doneOnADay('td'))
      .andWhere('td.completedAt > :doneAfter', { doneAfter: asOf })
      .select('COUNT(1)');
    const counts = this.involving(agencyId, q, asOf)
      .andWhere(openOnEveryDay('ti'))
      .select('COUNT(1)', 'everyDay')
      .addSelect(`(${doneAfter.getQuery()})`, 'doneAfter')
      .setParameters(doneAfter.getParameters());
    const [row] = await this.reads.rawMany<{ everyDay: number | string; doneAfter: number | string }>(counts);
    return Number(row.everyDay) + Number(row.doneAfter);
  }

  /**
   * The list's counts in one answer (the tabs of the task pages and the dashboard's live figures):
   * one pass over the matching rows for total, overdue, due soon, open and done, and, with an
   * agencyId, a second one for the tasks that agency coordinates without leading (the same other
   * filters, the coordinating agency instead of the lead one).
   */
  async summary(q: ListTasksQuery, user: AuthUser): Promise<TaskSummaryDto> {
    const asOf = q.asOf ?? this.calendar.today();
    this.checkDueRange(q);
    const involved = involvementScope(q, user);
    const [qb, a] =
      involved !== null ? ([this.involving(involved, q, asOf), 'ti'] as const) : ([this.filtered(q, user, asOf), 't'] as const);
    const overdue = timelinessCondition(a, TimelinessFilter.Overdue, asOf);
    const dueSoon = timelinessCondition(a, TimelinessFilter.DueSoon, asOf);
    const counts = (qb as SelectQueryBuilder<Task | TaskInvolvement>)
      .select('COUNT(*)', 'total')
      .addSelect(`SUM(CASE WHEN ${overdue.sql} THEN 1 ELSE 0 END)`, 'overdue')
      .addSelect(`SUM(CASE WHEN ${dueSoon.sql} THEN 1 ELSE 0 END)`, 'dueSoon')
      .addSelect(`SUM(CASE WHEN ${a}.status IN (:...sumOpen) THEN 1 ELSE 0 END)`, 'open')
      .addSelect(`SUM(CASE WHEN ${a}.status = :sumDone THEN 1 ELSE 0 END)`, 'done')
      .setParameters({ ...overdue.params, ...dueSoon.params, sumOpen: [...OPEN_STATUSES], sumDone: TaskStatus.Done });
    const [row] = await this.reads.rawMany<Record<'total' | 'overdue' | 'dueSoon' | 'open' | 'done', number | string | null>>(counts);
    let coordinating: number | null = null;
    if (q.agencyId) {
      const coordinated = this.filtered({ ...q, agencyId: undefined, coordinatingAgencyId: q.agencyId }, user, asOf)
        .andWhere('t.leadAgencyId <> :notLead', { notLead: q.agencyId });
      coordinating = await this.reads.count(coordinated);
    }
    const n = (v: number | string | null | undefined) => Number(v ?? 0);
    return {
      total: n(row?.total),
      overdue: n(row?.overdue),
      dueSoon: n(row?.dueSoon),
      open: n(row?.open),
      done: n(row?.done),
      coordinating,
    };
  }

  /** Every "lãnh đạo phụ trách" written on a task (the dashboard's view per leader), alphabetical. */
  async leaders(): Promise<string[]> {
    const leaders = this.tasks
      .createQueryBuilder('t')
      .select('DISTINCT t.leaderInCharge', 'leader')
      .where('t.leaderInCharge IS NOT NULL');
    const rows = await this.reads.rawMany<{ leader: string }>(leaders);
    return rows
      .map((r) => r.leader.trim())
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /**
   * Exactly the filtered, sorted list (without paging), for the XLSX export: counted first so that a
   * list over `maxRows` is refused before anything is written, then read in batches.
   */
  async exportList(
    q: ListTasksQuery,
    user: AuthUser,
    maxRows: number,
  ): Promise<{ total: number; asOf: LocalDate; batches: () => AsyncGenerator<TaskView[]> }> {
    const asOf = q.asOf ?? this.calendar.today();
    this.checkDueRange(q);
    const qb = this.filtered(q, user, asOf);
    const total = await this.listCount(q, user, qb);
    if (total > maxRows) {
      const n = new Intl.NumberFormat('vi-VN');
      throw new DomainError(
        `Danh sách có ${n.format(total)} nhiệm vụ, vượt quá giới hạn ${n.format(maxRows)} dòng của một tệp xuất; hãy lọc bớt (theo cơ quan, chương trình, trạng thái hoặc thời hạn) rồi xuất lại`,
        HttpStatus.BAD_REQUEST,
        [{ field: 'limit', message: `limit: tối đa ${n.format(maxRows)} dòng mỗi tệp xuất` }],
      );
    }
    const ordered = this.applySort(qb.clone().select('t.id', 'id'), q.sort ?? 'dueDate');
    const loadInOrder = (ids: number[]) => this.loadInOrder(ids);
    const reads = this.reads;
    async function* batches(): AsyncGenerator<TaskView[]> {
      const size = 1000;
      for (let offset = 0; offset < total; offset += size) {
        const ids = (await reads.rawMany<{ id: number | string }>(ordered.clone().offset(offset).limit(size))).map((r) => Number(r.id));
        if (!ids.length) return;
        yield await loadInOrder(ids);
      }
    }
    return { total, asOf, batches };
  }

  /**
   * The tasks of `ids` in that order, with their lead and coordinating agencies, as plain rows: the
   * columns are read raw and converted by the driver (dates, instants) instead of hydrating
   * entities, which was a quarter of a list request's CPU (issue #15).
   */
  private async loadInOrder(ids: number[]): Promise<TaskView[]> {
    if (!ids.length) return [];
    const raw = await this.reads.rawManyByParams('tasks.listing.rows', ids, (ids) => {
      const qb = this.tasks.createQueryBuilder('t').select([]);
      for (const c of this.columns) qb.addSelect(`t.${c.propertyName}`, c.propertyName);
      return qb
        .addSelect('la.code', 'la_code')
        .addSelect('la.name', 'la_name')
        .leftJoin('t.leadAgency', 'la')
        .where('t.id IN (:...ids)', { ids });
    });
    const driver = this.tasks.manager.connection.driver;
    const byId = new Map<number, TaskView>();
    for (const r of raw) {
      const view: Record<string, unknown> = {};
      for (const c of this.columns) view[c.propertyName] = driver.prepareHydratedValue(r[c.propertyName], c);
      const t = view as unknown as TaskView;
      t.leadAgency = { id: t.leadAgencyId, code: (r.la_code as string | null) ?? '', name: (r.la_name as string | null) ?? '' };
      t.coordinatingAgencies = [];
      byId.set(t.id, t);
    }
    const items = ids.map((id) => byId.get(id)).filter((t): t is TaskView => t !== undefined);
    const coordinating = await findCoordinatingAgencies(
      this.tasks.manager,
      items.map((t) => t.id),
      this.reads,
    );
    for (const t of items) t.coordinatingAgencies = coordinating.get(t.id) ?? [];
    return items;
  }

  private checkDueRange(q: ListTasksQuery): void {
    if (q.dueFrom && q.dueTo && q.dueFrom > q.dueTo) {
      const message = `dueTo: không được trước ngày bắt đầu của khoảng thời hạn (${formatVietnameseDate(q.dueFrom)})`;
      throw new DomainError(message.replace(/^dueTo: /, '').replace(/^./, (c) => c.toUpperCase()), HttpStatus.BAD_REQUEST, [
        { field: 'dueTo', message },
      ]);
    }
  }

  private filtered(q: ListTasksQuery, user: AuthUser, asOf: LocalDate): SelectQueryBuilder<Task> {
    const qb = this.tasks.createQueryBuilder('t');
    this.applyFilters(qb, q, user, asOf);
    return qb;
  }

  /** The tasks agency `agencyId` leads or coordinates, with q's state filters (see involvementScope). */
  private involving(agencyId: number, q: ListTasksQuery, asOf: LocalDate, alias = 'ti'): SelectQueryBuilder<TaskInvolvement> {
    const qb = this.involvements.createQueryBuilder(alias).where(`${alias}.agencyId = :involved`, { involved: agencyId });
    applyStateFilters(qb, alias, q, asOf);
    return qb;
  }

  private applyFilters(qb: SelectQueryBuilder<Task>, q: ListTasksQuery, user: AuthUser, asOf: LocalDate): void {
    if (user.role === UserRole.Agency) {
      const c = involvingCondition('t', 'visibleTo', user.agencyId ?? 0, this.tx.engine);
      qb.andWhere(c.sql, c.params);
    }
    if (q.programId) qb.andWhere('t.programId = :programId', { programId: q.programId });
    if (q.agencyId) qb.andWhere('t.leadAgencyId = :agencyId', { agencyId: q.agencyId });
    if (q.involvingAgencyId) {
      const c = involvingCondition('t', 'involving', q.involvingAgencyId, this.tx.engine);
      qb.andWhere(c.sql, c.params);
    }
    if (q.coordinatingAgencyId) {
      const c = coordinatingCondition('t', 'coordinating', q.coordinatingAgencyId);
      qb.andWhere(c.sql, c.params);
    }
    applyStateFilters(qb, 't', q, asOf);
    const search = q.q ? textSearchCondition('t', q.q, this.tx.engine) : null;
    if (search) qb.andWhere(search.sql, search.params);
    if (q.kind) qb.andWhere('t.kind = :kind', { kind: q.kind });
    if (q.origin) qb.andWhere('t.origin = :origin', { origin: q.origin });
    if (q.assignedFrom) qb.andWhere('t.assignedAt >= :assignedFrom', { assignedFrom: q.assignedFrom });
    if (q.assignedTo) {
      const c = assignedByCondition('t', q.assignedTo);
      qb.andWhere(c.sql, c.params);
    }
    if (q.notDoneBefore) {
      const c = notDoneBeforeCondition('t', q.notDoneBefore);
      qb.andWhere(c.sql, c.params);
    }
    if (q.submitted !== undefined) {
      const c = submittedCondition('t', asOf);
      // NOT of a NULL comparison would drop a row from both lists: not submitted is "not true".
      qb.andWhere(q.submitted ? c.sql : `(CASE WHEN ${c.sql} THEN 1 ELSE 0 END) = 0`, c.params);
    }
    if (q.leaderInCharge?.trim()) {
      const c = leaderCondition('t', q.leaderInCharge);
      qb.andWhere(c.sql, c.params);
    }
    if (q.sourceDocument?.trim()) qb.andWhere("t.sourceDocument LIKE :source ESCAPE '\\'", { source: likeContains(q.sourceDocument.trim()) });
  }

  /** Tasks without a due date (or code) come last in either direction; id keeps pages stable. */
  private applySort(qb: SelectQueryBuilder<Task>, sort: TaskSort): SelectQueryBuilder<Task> {
    const desc = sort.startsWith('-');
    const dir = desc ? 'DESC' : 'ASC';
    switch (sort.replace(/^-/, '')) {
      case 'dueDate':
        return byDueDate(qb, 't', 'id', dir);
      case 'updatedAt':
        qb.orderBy('t.updatedAt', dir);
        break;
      case 'code':
        qb.orderBy('t.code', dir, 'NULLS LAST');
        break;
      case 'title':
        qb.orderBy('t.title', dir);
        break;
      case 'status':
        qb.orderBy('t.status', dir);
        break;
      case 'assignedAt':
        qb.orderBy('t.assignedAt', dir);
        break;
      case 'leaderInCharge':
        qb.orderBy('t.leaderInCharge', dir, 'NULLS LAST');
        break;
      case 'leadAgency':
        // The agency's name, through a scalar subquery: the page query stays on the tasks table.
        qb.addSelect('(SELECT "sa"."name" FROM "agencies" "sa" WHERE "sa"."id" = t.leadAgencyId)', 'lead_name').orderBy('lead_name', dir);
        break;
    }
    return qb.addOrderBy('t.id', dir);
  }
}

/** By effective due date (none last in either direction), then the task id: the list's default order. */
function byDueDate<Q extends SelectQueryBuilder<Task | TaskInvolvement>>(qb: Q, alias: string, id: string, dir: 'ASC' | 'DESC'): Q {
  qb.orderBy(`${alias}.effectiveDueDate`, dir, 'NULLS LAST').addOrderBy(`${alias}.${id}`, dir);
  return qb;
}

/**
 * The filters on a task's own state (status, timeliness, due-date range), written over `alias` —
 * tasks, or task_involvements, which carries the same columns.
 */
function applyStateFilters(qb: SelectQueryBuilder<Task | TaskInvolvement>, alias: string, q: ListTasksQuery, asOf: LocalDate): void {
  if (q.status?.length) qb.andWhere(`${alias}.status IN (:...statuses)`, { statuses: [...new Set(q.status)] });
  if (q.timeliness) {
    const c = timelinessCondition(alias, q.timeliness, asOf);
    qb.andWhere(c.sql, c.params);
  }
  if (q.dueFrom) qb.andWhere(`${alias}.effectiveDueDate >= :dueFrom`, { dueFrom: q.dueFrom });
  if (q.dueTo) qb.andWhere(`${alias}.effectiveDueDate <= :dueTo`, { dueTo: q.dueTo });
}

/** The query's fields that task_involvements answers alone (with the agency, and the page and sort). */
const STATE_ONLY_FIELDS = new Set<string>(['status', 'timeliness', 'dueFrom', 'dueTo', 'asOf', 'involvingAgencyId', 'page', 'limit', 'sort']);

/**
 * The one agency whose tasks (lead or coordinating) the query asks for when nothing but their state
 * filters it — an agency user's own lists, or the office's view of one agency's involvement — so
 * that task_involvements can answer it; null otherwise (any other filter, or two different agencies).
 * A filter added to ListTasksQuery later is not in STATE_ONLY_FIELDS, so it takes the general path.
 */
export function involvementScope(q: ListTasksQuery, user: AuthUser): number | null {
  if (givenFields(q).some((field) => !STATE_ONLY_FIELDS.has(field))) return null;
  const own = user.role === UserRole.Agency ? (user.agencyId ?? 0) : null;
  const asked = q.involvingAgencyId ?? null;
  if (own !== null && asked !== null) return own === asked ? own : null;
  return own ?? asked;
}

/** The query's fields that do not filter a program's list (with the program). */
const PROGRAM_ONLY_FIELDS = new Set<string>(['programId', 'asOf', 'page', 'limit', 'sort']);

/**
 * The program whose tasks the query asks for, or 'all', when nothing else filters them and the user
 * sees every task (not an agency user), so that task_program_counts answers the count; null
 * otherwise. A filter added to ListTasksQuery later is not in PROGRAM_ONLY_FIELDS: it is counted.
 */
export function programScope(q: ListTasksQuery, user: AuthUser): number | 'all' | null {
  if (user.role === UserRole.Agency) return null;
  if (givenFields(q).some((field) => !PROGRAM_ONLY_FIELDS.has(field))) return null;
  // As applyFilters reads it: no program (or 0) is no filter.
  return q.programId ? q.programId : 'all';
}

/** The query's fields given a value (an empty list or text is not one). */
function givenFields(q: ListTasksQuery): string[] {
  return Object.entries(q)
    .filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== '')
    .map(([field]) => field);
}
