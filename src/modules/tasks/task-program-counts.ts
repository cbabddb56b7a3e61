/*
 * task_program_counts (task-program-count.entity.ts), created by migration TaskProgramCounts: the
 * number of tasks of each program (0: of no program), kept by triggers on tasks so that every writer
 * (the app, the importer, the bench loader, the test fixtures, a hand-written statement) is counted in
 * the same transaction. A program's list reads its `total` here instead of counting the program's
 * index range on every page (TaskListingService, programScope).
 *
 * Only a task's insertion, deletion or move to another program changes a count; a PATCH of anything
 * else does not touch this table, so concurrent updates never wait on a count's row. On PostgreSQL the
 * insertion and deletion triggers run once per statement over its transition table: a bulk insert of
 * 2,000 rows is one upsert per program, not 2,000. A move locks the two programs' rows in id order,
 * so that two opposite moves wait for each other instead of deadlocking.
 */

const KEY = (row: string) => `COALESCE(${row}."programId", 0)`;
const ADD_ONE = (row: string) =>
  `INSERT INTO "task_program_counts" ("programId", "tasks") VALUES (${KEY(row)}, 1)
      ON CONFLICT ("programId") DO UPDATE SET "tasks" = "task_program_counts"."tasks" + 1`;
const REMOVE_ONE = (row: string) => `UPDATE "task_program_counts" SET "tasks" = "tasks" - 1 WHERE "programId" = ${KEY(row)}`;

/** SQLite: the triggers, by name (SQLite has only row triggers, and one writer at a time). */
export const SQLITE_PROGRAM_COUNT_TRIGGERS: Record<string, string> = {
  task_program_counts_insert: `CREATE TRIGGER IF NOT EXISTS "task_program_counts_insert" AFTER INSERT ON "tasks" BEGIN
    ${ADD_ONE('new')}; END`,
  task_program_counts_delete: `CREATE TRIGGER IF NOT EXISTS "task_program_counts_delete" AFTER DELETE ON "tasks" BEGIN
    ${REMOVE_ONE('old')}; END`,
  task_program_counts_move: `CREATE TRIGGER IF NOT EXISTS "task_program_counts_move" AFTER UPDATE OF "programId" ON "tasks"
    WHEN old."programId" IS NOT new."programId" BEGIN
    ${REMOVE_ONE('old')};
    ${ADD_ONE('new')}; END`,
};

/** PostgreSQL: three trigger functions and their triggers. */
export const PG_PROGRAM_COUNT_DDL = [
  `CREATE OR REPLACE FUNCTION task_program_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "task_program_counts" ("programId", "tasks")
    SELECT COALESCE("programId", 0), COUNT(*) FROM added GROUP BY 1 ORDER BY 1
    ON CONFLICT ("programId") DO UPDATE SET "tasks" = "task_program_counts"."tasks" + EXCLUDED."tasks";
  RETURN NULL;
END $$`,
  `CREATE OR REPLACE FUNCTION task_program_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "task_program_counts" c SET "tasks" = c."tasks" - r.n
    FROM (SELECT COALESCE("programId", 0) AS p, COUNT(*) AS n FROM removed GROUP BY 1) r
    WHERE c."programId" = r.p;
  RETURN NULL;
END $$`,
  `CREATE OR REPLACE FUNCTION task_program_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ${KEY('OLD')} < ${KEY('NEW')} THEN
    ${REMOVE_ONE('OLD')};
    ${ADD_ONE('NEW')};
  ELSE
    ${ADD_ONE('NEW')};
    ${REMOVE_ONE('OLD')};
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER "task_program_counts_insert" AFTER INSERT ON "tasks"
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION task_program_counts_added()`,
  `CREATE TRIGGER "task_program_counts_delete" AFTER DELETE ON "tasks"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION task_program_counts_removed()`,
  `CREATE TRIGGER "task_program_counts_move" AFTER UPDATE OF "programId" ON "tasks"
    FOR EACH ROW WHEN (OLD."programId" IS DISTINCT FROM NEW."programId") EXECUTE FUNCTION task_program_counts_moved()`,
];

export const PG_DROP_PROGRAM_COUNT_DDL = [
  'DROP TRIGGER IF EXISTS "task_program_counts_insert" ON "tasks"',
  'DROP TRIGGER IF EXISTS "task_program_counts_delete" ON "tasks"',
  'DROP TRIGGER IF EXISTS "task_program_counts_move" ON "tasks"',
  'DROP FUNCTION IF EXISTS task_program_counts_added()',
  'DROP FUNCTION IF EXISTS task_program_counts_removed()',
  'DROP FUNCTION IF EXISTS task_program_counts_moved()',
];

/** Every program's count from the tasks themselves, into a table emptied first (the migration's fill, and a repair). */
export const FILL_PROGRAM_COUNTS = [
  'DELETE FROM "task_program_counts"',
  `INSERT INTO "task_program_counts" ("programId", "tasks") SELECT COALESCE("programId", 0), COUNT(*) FROM "tasks" GROUP BY COALESCE("programId", 0)`,
];
