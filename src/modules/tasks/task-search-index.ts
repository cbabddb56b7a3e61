import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FILL_INVOLVEMENTS, SQLITE_INVOLVEMENT_TRIGGERS } from './task-involvements';
import { FILL_PROGRAM_COUNTS, SQLITE_PROGRAM_COUNT_TRIGGERS } from './task-program-counts';
import { fillReminderDaysSql, SQLITE_REMINDER_DAY_TRIGGERS } from './task-reminder-days';

/*
 * The index behind `q` (the rule: task-search.ts), created by migration TaskSearchIndex.
 *
 * SQLite: task_search, a contentless FTS5 table of each task's searchText under the task's id,
 * kept in step by triggers on tasks, so every writer (the app, the importer, the bench loader, the
 * test fixtures, a hand-written UPDATE) is indexed. Prefix indexes of 2 and 3 characters keep a
 * short unfinished word ("so", "cai") from merging hundreds of terms.
 *
 * PostgreSQL: a GIN expression index over task_search_vector(searchText) — the words and the pairs of
 * neighbouring words as lexemes — which PostgreSQL keeps in step by itself. A query of pairs needs
 * no recheck: the index gives exactly the matching rows (the table is still read for visibility).
 */

export const TASK_SEARCH_TABLE = 'task_search';
export const TASK_SEARCH_PG_INDEX = 'IDX_tasks_search';

/** The FTS5 table: words as unicode61 cuts them, nothing folded again (searchText is folded already). */
export const SQLITE_CREATE_SEARCH_TABLE =
  `CREATE VIRTUAL TABLE "${TASK_SEARCH_TABLE}" USING fts5(words, content='', contentless_delete=1, ` +
  `tokenize='unicode61 remove_diacritics 0', prefix='2 3')`;

/** The triggers that keep task_search in step with tasks.searchText, by name. */
export const SQLITE_SEARCH_TRIGGERS: Record<string, string> = {
  task_search_insert: `CREATE TRIGGER IF NOT EXISTS "task_search_insert" AFTER INSERT ON "tasks" BEGIN
    INSERT INTO "${TASK_SEARCH_TABLE}"(rowid, words) VALUES (new."id", new."searchText"); END`,
  task_search_update: `CREATE TRIGGER IF NOT EXISTS "task_search_update" AFTER UPDATE OF "searchText", "id" ON "tasks" BEGIN
    DELETE FROM "${TASK_SEARCH_TABLE}" WHERE rowid = old."id";
    INSERT INTO "${TASK_SEARCH_TABLE}"(rowid, words) VALUES (new."id", new."searchText"); END`,
  task_search_delete: `CREATE TRIGGER IF NOT EXISTS "task_search_delete" AFTER DELETE ON "tasks" BEGIN
    DELETE FROM "${TASK_SEARCH_TABLE}" WHERE rowid = old."id"; END`,
};

/** Every task's text into a task_search emptied first (the migration's backfill, and a repair). */
export const SQLITE_FILL_SEARCH_TABLE = [
  `DELETE FROM "${TASK_SEARCH_TABLE}"`,
  `INSERT INTO "${TASK_SEARCH_TABLE}"(rowid, words) SELECT "id", "searchText" FROM "tasks"`,
];

/**
 * A task's lexemes: its words (runs of letters and digits, cut at 200 characters: a lexeme has a
 * size limit) and every two neighbouring words joined by "_" ("chuyen doi so" → chuyen, doi, so,
 * chuyen_doi, doi_so), without positions. PL/pgSQL, not SQL: the loop is 5× quicker than the same
 * built from regular expressions or set functions (~40 µs for a task). It runs when a task's text is
 * written; a query never needs it, the index answers pairs exactly, and the high COST tells the
 * planner so (never a plan that computes it row by row).
 */
export const PG_CREATE_SEARCH_FUNCTION = `CREATE OR REPLACE FUNCTION task_search_vector(t text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
DECLARE
  w text[] := array_remove(regexp_split_to_array(t, '[^[:alnum:]]+'), '');
  n int := cardinality(w);
  lexemes text[];
BEGIN
  FOR i IN 1 .. n LOOP w[i] := left(w[i], 200); END LOOP;
  lexemes := w;
  FOR i IN 1 .. n - 1 LOOP lexemes := lexemes || (w[i] || '_' || w[i + 1]); END LOOP;
  RETURN array_to_tsvector(lexemes);
END $$`;

export const PG_CREATE_SEARCH_INDEX = `CREATE INDEX "${TASK_SEARCH_PG_INDEX}" ON "tasks" USING gin (task_search_vector("searchText"))`;

/**
 * SQLite only: puts back triggers that a later migration dropped. TypeORM changes a SQLite table by
 * creating a new one and dropping the old (QueryRunner.addColumn, changeColumn …), and the old
 * table's triggers go with it; rows written since then are missing from the table the triggers keep,
 * so that table is rebuilt in the same transaction. Runs at the start of every process (API, worker,
 * CLI), for every table kept by triggers on tasks: the search index, task_involvements
 * (task-involvements.ts), task_program_counts (task-program-counts.ts) and task_reminder_days
 * (task-reminder-days.ts).
 */
@Injectable()
export class TaskSearchIndex implements OnModuleInit {
  private readonly logger = new Logger(TaskSearchIndex.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const repairs: [(ds: DataSource) => Promise<string[]>, string][] = [
      [restoreSqliteSearchIndex, 'task search index rebuilt'],
      [restoreSqliteInvolvements, 'task_involvements rebuilt'],
      [restoreSqliteProgramCounts, 'task_program_counts recounted'],
      [restoreSqliteReminderDays, 'task_reminder_days reset to the floor'],
    ];
    for (const [restore, what] of repairs) {
      const missing = await restore(this.dataSource);
      if (missing.length) this.logger.warn(`${what}: triggers ${missing.join(', ')} were missing`);
    }
  }
}

/** The names of the search triggers that were missing (and are back, with the index rebuilt); [] when all were there. */
export function restoreSqliteSearchIndex(ds: DataSource): Promise<string[]> {
  return restoreSqliteTriggers(ds, SQLITE_SEARCH_TRIGGERS, SQLITE_FILL_SEARCH_TABLE);
}

/** The same for task_involvements' triggers. */
export function restoreSqliteInvolvements(ds: DataSource): Promise<string[]> {
  return restoreSqliteTriggers(ds, SQLITE_INVOLVEMENT_TRIGGERS, FILL_INVOLVEMENTS);
}

/** The same for task_program_counts' triggers. */
export function restoreSqliteProgramCounts(ds: DataSource): Promise<string[]> {
  return restoreSqliteTriggers(ds, SQLITE_PROGRAM_COUNT_TRIGGERS, FILL_PROGRAM_COUNTS);
}

/** The same for task_reminder_days' triggers (task-reminder-days.ts): every task back at its floor. */
export function restoreSqliteReminderDays(ds: DataSource): Promise<string[]> {
  return restoreSqliteTriggers(ds, SQLITE_REMINDER_DAY_TRIGGERS, fillReminderDaysSql(false));
}

async function restoreSqliteTriggers(ds: DataSource, triggers: Record<string, string>, fill: string[]): Promise<string[]> {
  const present = async (m: { query: DataSource['query'] }) =>
    new Set((await m.query<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)).map((r) => r.name));
  const missing = (names: Set<string>) => Object.keys(triggers).filter((n) => !names.has(n));
  if (!missing(await present(ds)).length) return [];
  return ds.transaction(async (m) => {
    const absent = missing(await present(m)); // another process may have repaired it meanwhile
    if (!absent.length) return [];
    for (const sql of Object.values(triggers)) await m.query(sql);
    for (const sql of fill) await m.query(sql);
    return absent;
  });
}
