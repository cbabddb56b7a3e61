import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { doneOnADay, IDX_INVOLVEMENTS_DONE, IDX_INVOLVEMENTS_OPEN, openOnEveryDay } from '../src/modules/tasks/task-involvements';

/**
 * Two partial indexes of task_involvements (src/modules/tasks/task-involvements.ts): an agency's rows
 * open on every day, in due-date order, and its rows done on a known day, by that day. An agency's
 * overdue count read 25,000 index entries of which 21,000 were done tasks; now it reads the 4,000 it
 * counts (`npm run bench -- --db postgres --tasks 1000000`, scenario 1; issue #15). Each row is in at
 * most one of them.
 */
export class InvolvementStateIndexes1770051000100 implements MigrationInterface {
  name = 'InvolvementStateIndexes1770051000100';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'task_involvements',
      new TableIndex({
        name: IDX_INVOLVEMENTS_OPEN,
        columnNames: ['agencyId', 'effectiveDueDate', 'taskId', 'status', 'completedAt'],
        where: openOnEveryDay(),
      }),
    );
    await q.createIndex(
      'task_involvements',
      new TableIndex({
        name: IDX_INVOLVEMENTS_DONE,
        columnNames: ['agencyId', 'completedAt', 'effectiveDueDate', 'taskId', 'status'],
        where: doneOnADay(),
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('task_involvements', IDX_INVOLVEMENTS_DONE);
    await q.dropIndex('task_involvements', IDX_INVOLVEMENTS_OPEN);
  }
}
