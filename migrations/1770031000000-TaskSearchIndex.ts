import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  PG_CREATE_SEARCH_FUNCTION,
  PG_CREATE_SEARCH_INDEX,
  SQLITE_CREATE_SEARCH_TABLE,
  SQLITE_FILL_SEARCH_TABLE,
  SQLITE_SEARCH_TRIGGERS,
  TASK_SEARCH_PG_INDEX,
  TASK_SEARCH_TABLE,
} from '../src/modules/tasks/task-search-index';

/**
 * The text search index (`GET /api/tasks?q=…`, issue #15 row 3), replacing a `LIKE '%…%'` over
 * every task: on SQLite an FTS5 table kept in step by triggers, on PostgreSQL a GIN index of each
 * task's words and word pairs (src/modules/tasks/task-search-index.ts). Existing tasks are indexed here.
 */
export class TaskSearchIndex1770031000000 implements MigrationInterface {
  name = 'TaskSearchIndex1770031000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(PG_CREATE_SEARCH_FUNCTION);
      await q.query(PG_CREATE_SEARCH_INDEX);
      return;
    }
    await q.query(SQLITE_CREATE_SEARCH_TABLE);
    for (const sql of Object.values(SQLITE_SEARCH_TRIGGERS)) await q.query(sql);
    for (const sql of SQLITE_FILL_SEARCH_TABLE) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`DROP INDEX IF EXISTS "${TASK_SEARCH_PG_INDEX}"`);
      await q.query('DROP FUNCTION IF EXISTS task_search_vector(text)');
      return;
    }
    for (const name of Object.keys(SQLITE_SEARCH_TRIGGERS)) await q.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await q.query(`DROP TABLE IF EXISTS "${TASK_SEARCH_TABLE}"`);
  }
}
