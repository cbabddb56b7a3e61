import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * IDX_tasks_program_due gains the id: a program's list is ordered by due date then id, and PostgreSQL
 * indexes do not carry the id as SQLite's do, so a deep page read every row before it from the table
 * (page 100 of a 200,000-task program: ~5,000 row reads, 190 ms at a million tasks; `npm run bench
 * -- --db postgres --tasks 1000000`, scenario 2, issue #15). Now the page is read from the index alone.
 */
export class ProgramDueIndexWithId1770035000100 implements MigrationInterface {
  name = 'ProgramDueIndexWithId1770035000100';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('tasks', 'IDX_tasks_program_due');
    await q.createIndex('tasks', new TableIndex({ name: 'IDX_tasks_program_due', columnNames: ['programId', 'effectiveDueDate', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('tasks', 'IDX_tasks_program_due');
    await q.createIndex('tasks', new TableIndex({ name: 'IDX_tasks_program_due', columnNames: ['programId', 'effectiveDueDate'] }));
  }
}
