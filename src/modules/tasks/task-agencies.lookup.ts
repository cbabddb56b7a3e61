import { EntityManager, In } from 'typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { Program } from 'src/modules/programs/program.entity';

/**
 * Read-only lookups of rows other modules own (agencies, programs): the tasks module checks that
 * what a task points at exists, and shows agencies as {id, code, name}. It never writes them.
 */
export type AgencyRef = Pick<Agency, 'id' | 'code' | 'name'>;
export type AgencyState = AgencyRef & Pick<Agency, 'active' | 'validFrom' | 'validTo' | 'successorId'>;

/** The agencies, and their successors (to name one when an agency was merged). */
export async function findAgencies(m: EntityManager, ids: Iterable<number>): Promise<Map<number, AgencyState>> {
  const out = new Map<number, AgencyState>();
  let list = [...new Set(ids)];
  for (let depth = 0; depth < 5 && list.length > 0; depth++) {
    for (let i = 0; i < list.length; i += 500) {
      const rows = await m.find(Agency, {
        select: { id: true, code: true, name: true, active: true, validFrom: true, validTo: true, successorId: true },
        where: { id: In(list.slice(i, i + 500)) },
      });
      for (const a of rows) out.set(a.id, a);
    }
    list = [...new Set([...out.values()].map((a) => a.successorId).filter((id): id is number => !!id && !out.has(id)))];
  }
  return out;
}

export async function findProgramIds(m: EntityManager, ids: Iterable<number>): Promise<Set<number>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Set();
  const rows = await m.find(Program, { select: { id: true }, where: { id: In(list) } });
  return new Set(rows.map((p) => p.id));
}

/** Coordinating agencies of the given tasks, in one query: taskId → agencies. */
export async function findCoordinatingAgencies(m: EntityManager, taskIds: number[]): Promise<Map<number, AgencyRef[]>> {
  const out = new Map<number, AgencyRef[]>();
  if (taskIds.length === 0) return out;
  const rows = await m
    .createQueryBuilder()
    .select('"tca"."taskId"', 'taskId')
    .addSelect('"a"."id"', 'id')
    .addSelect('"a"."code"', 'code')
    .addSelect('"a"."name"', 'name')
    .from('task_coordinating_agencies', 'tca')
    .innerJoin(Agency, 'a', '"a"."id" = "tca"."agencyId"')
    .where('"tca"."taskId" IN (:...taskIds)', { taskIds })
    .getRawMany<{ taskId: number | string; id: number | string; code: string; name: string }>();
  for (const r of rows) {
    const taskId = Number(r.taskId);
    const list = out.get(taskId) ?? [];
    list.push({ id: Number(r.id), code: r.code, name: r.name });
    out.set(taskId, list);
  }
  return out;
}
