import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * reminder_log.scanTime: the local time of the scheduled scan that recorded a point (NULL: a manual
 * scan). A BuildReminderDigest job (and its retries, and the batches the next scan's sweep queues again)
 * reads it from the points, so the công văn lists the overdue tasks of the policies that scan applied,
 * not those of programs whose send time comes later in the day. Not a `tasks` column: no triggers to
 * restore. Points recorded before it have NULL (every enabled policy, as their digest judged them).
 */
export class ReminderLogScanTime1770052000000 implements MigrationInterface {
  name = 'ReminderLogScanTime1770052000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('reminder_log', new TableColumn({ name: 'scanTime', type: 'varchar', length: '5', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('reminder_log', 'scanTime');
  }
}
