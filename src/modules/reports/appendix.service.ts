import { Injectable } from '@nestjs/common';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { TaskFiguresQuery, TaskFiguresScope } from 'src/modules/tasks/queries/task-figures.query';
import { compareVietnamese, numberOverdue, overdueList, ProgramItemCounts, programItemFigures, sortOverdue, sumCounts, taskCounts } from './appendix.figures';
import { AgencyProgramItemFigures, AgencyTaskFigures, AppendixReport, OverdueTask, TaskFigures } from './appendix.types';

/** The window of the appendix tables: the tasks module's figures scope. */
export type AppendixScope = TaskFiguresScope;

/** Which rows of Phụ lục III to read: all of them (the documents), or a page (the screens); limit 0 reads none. */
export type OverdueRows = 'all' | { page: number; limit: number };

const AGENCY_KIND_ORDER: AgencyKind[] = [AgencyKind.Department, AgencyKind.District, AgencyKind.Central, AgencyKind.Other];

/**
 * The appendix tables: the counts come from the tasks module's read model (TaskFiguresQuery, one
 * aggregate query per table), agency names from the agencies module; this adds the figures, the
 * order and the total rows. Never writes.
 */
@Injectable()
export class AppendixService {
  constructor(
    private readonly figures: TaskFiguresQuery,
    private readonly agencies: AgenciesService,
  ) {}

  async compute(scope: AppendixScope, rows: OverdueRows = 'all'): Promise<AppendixReport> {
    const itemCounts = await this.figures.programItemCountsByAgency(scope);
    const counts = await this.figures.taskCountsByAgency(scope);
    const overdueRows = rows === 'all' ? await this.figures.overdueRows(scope) : [];
    const totals = sumCounts(
      counts.map(({ agencyId: _id, ...c }) => c),
      { total: 0, carriedOver: 0, done: 0, doneOnTime: 0, openOverdue: 0 },
    );
    const overdueKeys = rows !== 'all' && rows.limit > 0 ? await this.pageKeys(scope, rows, totals.openOverdue) : [];
    const ids = [
      ...new Set([...itemCounts.map((c) => c.agencyId), ...counts.map((c) => c.agencyId), ...overdueRows.map((o) => o.agencyId), ...overdueKeys.map((o) => o.agencyId)]),
    ];
    const agencies = new Map((await this.agencies.findByIds(ids)).map((a) => [a.id, a]));
    const agencyOf = (id: number) => agencies.get(id) ?? { id, code: '', name: '', kind: AgencyKind.Other };

    const agencyOrder = (x: { agencyId: number }, y: { agencyId: number }) => {
      const a = agencyOf(x.agencyId);
      const b = agencyOf(y.agencyId);
      return rank(a.kind) - rank(b.kind) || compareVietnamese(a.name, b.name) || a.id - b.id;
    };
    const named = (id: number) => ({ agencyId: id, agencyCode: agencyOf(id).code, agencyName: agencyOf(id).name });
    const byAgency: AgencyTaskFigures[] = [...counts].sort(agencyOrder).map((c) => ({ ...named(c.agencyId), ...taskCounts(c) }));
    const programItemsByAgency: AgencyProgramItemFigures[] = [...itemCounts]
      .sort(agencyOrder)
      .map(({ agencyId, ...c }) => ({ ...named(agencyId), ...programItemFigures(c) }));
    const programItems = programItemFigures(
      sumCounts<ProgramItemCounts>(
        itemCounts.map(({ agencyId: _id, ...c }) => c),
        { initial: 0, added: 0, withdrawnOrDeferred: 0, submitted: 0, issued: 0 },
      ),
    );

    const { total, ...rest } = taskCounts(totals);
    const tasks: TaskFigures = { total, carriedOver: totals.carriedOver, assignedInPeriod: total - totals.carriedOver, ...rest };

    const withName = <T extends { agencyId: number }>({ agencyId, ...o }: T) => ({ ...o, agencyName: agencyOf(agencyId).name });
    let overdue: OverdueTask[];
    let overduePage;
    if (rows === 'all') {
      overdue = overdueList(overdueRows.map(withName), scope.asOf);
      overduePage = { page: 1, limit: overdue.length, total: overdue.length };
    } else {
      // The page is picked from the narrow keys in Phụ lục III's order; only its rows are read whole.
      const first = (rows.page - 1) * rows.limit;
      const pageKeys = sortOverdue(overdueKeys.map(withName)).slice(first, first + rows.limit);
      const byId = new Map((await this.figures.overdueRowsOf(pageKeys.map((k) => k.taskId))).map((r) => [r.taskId, r]));
      overdue = numberOverdue(
        pageKeys.flatMap((k) => {
          const r = byId.get(k.taskId);
          return r ? [withName(r)] : [];
        }),
        scope.asOf,
        first + 1,
      );
      overduePage = { page: rows.page, limit: rows.limit, total: tasks.openOverdue };
    }
    return {
      period: { from: scope.from, to: scope.to, asOf: scope.asOf },
      programItems,
      programItemsByAgency,
      tasks,
      byAgency,
      overdue,
      overduePage,
    };
  }

  /**
   * The keys a page of Phụ lục III is picked from. The order is due date first, so a page needs only
   * the overdue tasks due by the date of its last row: for the first tenth of the list, found by
   * walking the due-date index (PostgreSQL 1M, page 1: 580 → 5 ms). Deeper, that walk costs more
   * than reading every key once, which is done instead.
   */
  private async pageKeys(scope: AppendixScope, rows: { page: number; limit: number }, total: number) {
    const last = rows.page * rows.limit;
    if (last * 10 > total) return this.figures.overdueKeys(scope);
    return this.figures.overdueKeys(scope, await this.figures.overdueDueAt(scope, last));
  }
}

function rank(kind: AgencyKind): number {
  const i = AGENCY_KIND_ORDER.indexOf(kind);
  return i < 0 ? AGENCY_KIND_ORDER.length : i;
}
