import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { datetimeTypeFor } from '../src/core/database/column-types';

/** The in-app inbox and the delivery preferences (issue #13). */
export class Notifications1770013000100 implements MigrationInterface {
  name = 'Notifications1770013000100';

  async up(q: QueryRunner): Promise<void> {
    const dt = datetimeTypeFor(q.connection.options.type);
    const now = q.connection.options.type === 'postgres' ? 'now()' : "datetime('now')";
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          id,
          { name: 'userId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '500' },
          { name: 'body', type: 'text' },
          { name: 'link', type: 'varchar', length: '500', isNullable: true },
          { name: 'taskId', type: 'integer', isNullable: true },
          { name: 'requestId', type: 'integer', isNullable: true },
          { name: 'delivery', type: 'varchar', length: '16' },
          { name: 'mailMessageId', type: 'integer', isNullable: true },
          { name: 'digestedAt', type: dt, isNullable: true },
          { name: 'readAt', type: dt, isNullable: true },
          { name: 'createdAt', type: dt, default: now },
        ],
        indices: [
          new TableIndex({ name: 'IDX_notifications_user_read', columnNames: ['userId', 'readAt'] }),
          new TableIndex({ name: 'IDX_notifications_digest', columnNames: ['delivery', 'digestedAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          id,
          { name: 'userId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'delivery', type: 'varchar', length: '16' },
        ],
        indices: [new TableIndex({ name: 'UQ_notification_preferences_user_kind', columnNames: ['userId', 'kind'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_preferences');
    await q.dropTable('notifications');
  }
}
