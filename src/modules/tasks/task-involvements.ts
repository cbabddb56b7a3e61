/*
 * task_involvements (task-involvement.entity.ts), created by migration TaskInvolvements: each task's
 * lead agency and coordinating agencies as rows, with the task's status, effective due date and
 * completion date beside them. Triggers keep it in step, so every writer of tasks and
 * task_coordinating_agencies (the app, the importer, the bench loader, the test fixtures, a
 * hand-written UPDATE) is reflected, in the same transaction.
 *
 * It mirrors the two sources exactly: a task's lead agency is never also among its coordinating ones
 * (task-rules.ts refuses it), so an agency meets a task once.
 *
 * A coordinating row copies the state from the task's lead row here, not from tasks: on SQLite a
 * trigger of another table that names "tasks" makes TypeORM's rebuild of tasks (addColumn: a new
 * table renamed to "tasks") fail, and every later migration that adds a column would break. The
 * triggers on tasks go with such a rebuild; TaskSearchIndex puts them back at start-up.
 */

import { OPEN_STATUSES, TaskStatus } from './task.enums';

const COLUMNS = '"agencyId", "taskId", "lead", "status", "effectiveDueDate", "completedAt"';
const STATE_CHANGED = (o: string, n: string) =>
  `${o}."leadAgencyId" IS DISTINCT FROM ${n}."leadAgencyId" OR ${o}."status" IS DISTINCT FROM ${n}."status" OR ` +
  `${o}."effectiveDueDate" IS DISTINCT FROM ${n}."effectiveDueDate" OR ${o}."completedAt" IS DISTINCT FROM ${n}."completedAt"`;

/** SQLite: the triggers, by name. (SQLite spells IS DISTINCT FROM as IS NOT.) */
export const SQLITE_INVOLVEMENT_TRIGGERS: Record<string, string> = {
  task_involvements_task_insert: `CREATE TRIGGER IF NOT EXISTS "task_involvements_task_insert" AFTER INSERT ON "tasks" BEGIN
    INSERT INTO "task_involvements" (${COLUMNS}) VALUES (new."leadAgencyId", new."id", 1, new."status", new."effectiveDueDate", new."completedAt"); END`,
  task_involvements_task_update: `CREATE TRIGGER IF NOT EXISTS "task_involvements_task_update"
    AFTER UPDATE OF "leadAgencyId", "status", "effectiveDueDate", "completedAt" ON "tasks"
    WHEN ${STATE_CHANGED('old', 'new').replace(/IS DISTINCT FROM/g, 'IS NOT')} BEGIN
    UPDATE "task_involvements" SET "status" = new."status", "effectiveDueDate" = new."effectiveDueDate", "completedAt" = new."completedAt"
      WHERE "taskId" = new."id";
    UPDATE "task_involvements" SET "agencyId" = new."leadAgencyId" WHERE "taskId" = new."id" AND "lead" = 1 AND "agencyId" <> new."leadAgencyId"; END`,
  task_involvements_task_delete: `CREATE TRIGGER IF NOT EXISTS "task_involvements_task_delete" AFTER DELETE ON "tasks" BEGIN
    DELETE FROM "task_involvements" WHERE "taskId" = old."id"; END`,
  task_involvements_coordination_insert: `CREATE TRIGGER IF NOT EXISTS "task_involvements_coordination_insert"
    AFTER INSERT ON "task_coordinating_agencies" BEGIN
    INSERT OR IGNORE INTO "task_involvements" (${COLUMNS})
      SELECT new."agencyId", l."taskId", 0, l."status", l."effectiveDueDate", l."completedAt" FROM "task_involvements" l
      WHERE l."taskId" = new."taskId" AND l."lead" = 1; END`,
  task_involvements_coordination_delete: `CREATE TRIGGER IF NOT EXISTS "task_involvements_coordination_delete"
    AFTER DELETE ON "task_coordinating_agencies" BEGIN
    DELETE FROM "task_involvements" WHERE "agencyId" = old."agencyId" AND "taskId" = old."taskId" AND "lead" = 0; END`,
  task_involvements_coordination_update: `CREATE TRIGGER IF NOT EXISTS "task_involvements_coordination_update"
    AFTER UPDATE ON "task_coordinating_agencies" BEGIN
    DELETE FROM "task_involvements" WHERE "agencyId" = old."agencyId" AND "taskId" = old."taskId" AND "lead" = 0;
    INSERT OR IGNORE INTO "task_involvements" (${COLUMNS})
      SELECT new."agencyId", l."taskId", 0, l."status", l."effectiveDueDate", l."completedAt" FROM "task_involvements" l
      WHERE l."taskId" = new."taskId" AND l."lead" = 1; END`,
};

/** PostgreSQL: two trigger functions (one per source table) and their triggers. */
export const PG_INVOLVEMENT_DDL = [
  `CREATE OR REPLACE FUNCTION task_involvements_of_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "task_involvements" (${COLUMNS})
      VALUES (NEW."leadAgencyId", NEW."id", 1, NEW."status", NEW."effectiveDueDate", NEW."completedAt");
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "task_involvements" SET "status" = NEW."status", "effectiveDueDate" = NEW."effectiveDueDate", "completedAt" = NEW."completedAt"
      WHERE "taskId" = NEW."id";
    IF NEW."leadAgencyId" <> OLD."leadAgencyId" THEN
      UPDATE "task_involvements" SET "agencyId" = NEW."leadAgencyId" WHERE "taskId" = NEW."id" AND "lead" = 1;
    END IF;
  ELSE
    DELETE FROM "task_involvements" WHERE "taskId" = OLD."id";
  END IF;
  RETURN NULL;
END $$`,
  `CREATE OR REPLACE FUNCTION task_involvements_of_coordination() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM "task_involvements" WHERE "agencyId" = OLD."agencyId" AND "taskId" = OLD."taskId" AND "lead" = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "task_involvements" (${COLUMNS})
      SELECT NEW."agencyId", l."taskId", 0, l."status", l."effectiveDueDate", l."completedAt" FROM "task_involvements" l
      WHERE l."taskId" = NEW."taskId" AND l."lead" = 1
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER "task_involvements_task_insert_delete" AFTER INSERT OR DELETE ON "tasks"
    FOR EACH ROW EXECUTE FUNCTION task_involvements_of_task()`,
  `CREATE TRIGGER "task_involvements_task_update" AFTER UPDATE OF "leadAgencyId", "status", "effectiveDueDate", "completedAt" ON "tasks"
    FOR EACH ROW WHEN (${STATE_CHANGED('OLD', 'NEW')}) EXECUTE FUNCTION task_involvements_of_task()`,
  `CREATE TRIGGER "task_involvements_coordination" AFTER INSERT OR UPDATE OR DELETE ON "task_coordinating_agencies"
    FOR EACH ROW EXECUTE FUNCTION task_involvements_of_coordination()`,
];

export const PG_DROP_INVOLVEMENT_DDL = [
  'DROP TRIGGER IF EXISTS "task_involvements_task_insert_delete" ON "tasks"',
  'DROP TRIGGER IF EXISTS "task_involvements_task_update" ON "tasks"',
  'DROP TRIGGER IF EXISTS "task_involvements_coordination" ON "task_coordinating_agencies"',
  'DROP FUNCTION IF EXISTS task_involvements_of_task()',
  'DROP FUNCTION IF EXISTS task_involvements_of_coordination()',
];

/** Every task's involvements into a task_involvements emptied first (the migration's backfill, and a repair). */
export const FILL_INVOLVEMENTS = [
  'DELETE FROM "task_involvements"',
  `INSERT INTO "task_involvements" (${COLUMNS})
    SELECT "leadAgencyId", "id", 1, "status", "effectiveDueDate", "completedAt" FROM "tasks"`,
  `INSERT INTO "task_involvements" (${COLUMNS})
    SELECT c."agencyId", t."id", 0, t."status", t."effectiveDueDate", t."completedAt"
    FROM "task_coordinating_agencies" c JOIN "tasks" t ON t."id" = c."taskId"`,
];

/*
 * Two partial indexes split an agency's rows by when they can be open (migration
 * InvolvementStateIndexes). A count of open work — overdue, due soon, in time, not done — read one
 * index range holding the agency's done tasks too: at a million tasks 25,000 entries for 4,000
 * overdue (`npm run bench -- --db postgres --tasks 1000000`, scenario 1). Open as of a day D is
 * exactly "open on every day" OR "done after D" (timeliness.ts, isOpenAsOf), so such a count is the
 * sum of one range of each index (TaskListingService.involvementCount).
 *
 * The planner uses a partial index only when the query's WHERE contains its predicate: the query
 * adds these very texts (a condition the rows already meet, so the rows counted never depend on it).
 * Changing one needs a migration that rebuilds its index.
 */
const col = (alias: string | null, name: string) => (alias ? `"${alias}"."${name}"` : `"${name}"`);

/** Open whatever the day: in the agency's hands or submitted, or done without a completion date. */
export function openOnEveryDay(alias: string | null = null): string {
  const statuses = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  return `(${col(alias, 'status')} IN (${statuses}) OR (${col(alias, 'status')} = '${TaskStatus.Done}' AND ${col(alias, 'completedAt')} IS NULL))`;
}

/** Done on a known day: open only as of a day before it. */
export function doneOnADay(alias: string | null = null): string {
  return `(${col(alias, 'status')} = '${TaskStatus.Done}' AND ${col(alias, 'completedAt')} IS NOT NULL)`;
}

/** The open rows' index: the same columns as IDX_task_involvements_due, in due-date order. */
export const IDX_INVOLVEMENTS_OPEN = 'IDX_task_involvements_open';
/** The done rows' index, by completion date: "done after D" is one range of it. */
export const IDX_INVOLVEMENTS_DONE = 'IDX_task_involvements_done';
