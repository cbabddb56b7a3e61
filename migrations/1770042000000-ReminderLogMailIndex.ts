import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * reminder_log by mail id (issue #15, scenario 7). The scan records its points first with no mail
 * (mailMessageId NULL) and a BuildReminderDigest job per agency writes the digest and claims them;
 * the pending batches (NULL) are found through this index, and freePoints deletes a refused digest's
 * points by mail id through it too (both read the whole table before).
 */
export class ReminderLogMailIndex1770042000000 implements MigrationInterface {
  name = 'ReminderLogMailIndex1770042000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('reminder_log', new TableIndex({ name: 'IDX_reminder_log_mail', columnNames: ['mailMessageId', 'agencyId', 'scanDate'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('reminder_log', 'IDX_reminder_log_mail');
  }
}
