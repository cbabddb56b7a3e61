/**
 * Writes the generated dataset into a freshly migrated database, in multi-row INSERTs inside
 * transactions (the quickest portable path through TypeORM). Ids are given explicitly so that
 * task i is id i + 1 on both engines; PostgreSQL's sequences are moved past them afterwards.
 */
import { DataSource } from 'typeorm';
import { insertRows } from 'src/core/database/insert-rows';
import { agencySearchText } from 'src/modules/agencies/agency-search';
import { Agency } from 'src/modules/agencies/agency.entity';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { seedHolidays } from 'src/modules/calendar/calendar.service';
import { Program } from 'src/modules/programs/program.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { buildTaskRow } from 'src/modules/tasks/task-row';
import { hashPassword } from 'src/modules/users/password';
import { User } from 'src/modules/users/user.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { BenchAgency, BenchTask, TaskGenerator } from './dataset';

/** Every bench account's password: the dataset lives in a temporary directory and dies with the run. */
export const BENCH_PASSWORD = 'nhiemvu-bench-password';
export const OFFICE_EMAIL = 'bench.vanphong@nhiemvu.example';
export const LEADER_EMAIL = 'bench.chutich@nhiemvu.example';

export function agencyUserEmail(a: Pick<BenchAgency, 'code'>): string {
  return `bench.${a.code.toLowerCase()}@nhiemvu.example`;
}

export interface LoadedDataset {
  tasks: number;
  coordinating: number;
  seconds: number;
}

export async function loadDataset(
  ds: DataSource,
  gen: TaskGenerator,
  progress: (done: number) => void = () => undefined,
): Promise<LoadedDataset> {
  const started = Date.now();
  const postgres = ds.options.type === 'postgres';
  // Parameters per statement: SQLite allows 32,766, PostgreSQL 65,535; a task row has 27.
  const batch = postgres ? 2000 : 1000;

  await seedHolidays(ds.getRepository(Holiday));
  await ds.transaction(async (m) => {
    await m.insert(
      Agency,
      gen.agencies.map((a) => ({
        id: a.id,
        code: a.code,
        name: a.name,
        kind: a.kind,
        aliases: a.aliases,
        emails: a.emails,
        active: true,
        validFrom: null,
        validTo: null,
        successorId: null,
        searchText: agencySearchText(a),
        calendarToken: null,
      })),
    );
    await m.insert(
      Program,
      gen.programs.map((p) => ({ ...p, reminderPolicy: null })),
    );
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const users = [
      { email: OFFICE_EMAIL, fullName: 'Lê Thị Mỹ Duyên', role: UserRole.Office, agencyId: gen.agencies[0].id },
      { email: LEADER_EMAIL, fullName: 'Hoàng Minh Tâm', role: UserRole.Leader, agencyId: null },
      ...gen.agencies.map((a) => ({
        email: agencyUserEmail(a),
        fullName: `Chuyên viên ${a.name}`,
        role: UserRole.Agency,
        agencyId: a.id,
      })),
    ];
    await m.insert(
      User,
      users.map((u) => ({
        ...u,
        passwordHash,
        active: true,
        remindersOptOut: false,
        tokenVersion: 0,
        lastLoginAt: null,
      })),
    );
  });

  let coordinating = 0;
  for (let from = 0; from < gen.spec.tasks; from += batch * 10) {
    const to = Math.min(gen.spec.tasks, from + batch * 10);
    await ds.transaction(async (m) => {
      for (let start = from; start < to; start += batch) {
        const rows: BenchTask[] = [...gen.tasks(start, Math.min(to, start + batch))];
        await insertRows(m, Task, rows.map((t) => toTaskRow(t, gen.calendar)), batch);
        const pairs = rows.flatMap((t) => t.coordinatingAgencyIds.map((agencyId) => ({ taskId: t.id, agencyId })));
        coordinating += pairs.length;
        await insertRows(m, { table: 'task_coordinating_agencies', columns: ['taskId', 'agencyId'] }, pairs, 10_000);
      }
    });
    progress(to);
  }
  if (postgres) {
    for (const table of ['agencies', 'programs', 'users', 'tasks'])
      await ds.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX(id) FROM "${table}"))`);
    // What autovacuum does within minutes of a bulk load: statistics, and the visibility map that
    // lets index-only scans skip the table.
    await ds.query('VACUUM ANALYZE');
  }
  return { tasks: gen.spec.tasks, coordinating, seconds: (Date.now() - started) / 1000 };
}

/** The row of a generated task: built as the app builds one (buildTaskRow), with the bench's own ids and dates. */
function toTaskRow(t: BenchTask, calendar: WorkingCalendar) {
  const created = new Date(`${t.assignedAt}T02:00:00Z`);
  return { ...buildTaskRow(t, calendar), id: t.id, version: 1, createdAt: created, updatedAt: created };
}
