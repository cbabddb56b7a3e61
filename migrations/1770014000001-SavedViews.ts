import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { datetimeTypeFor } from '../src/core/database/column-types';

/** saved_views: the task-list views each user saves (module saved-views). */
export class SavedViews1770014000001 implements MigrationInterface {
  name = 'SavedViews1770014000001';

  async up(q: QueryRunner): Promise<void> {
    const now = q.connection.options.type === 'postgres' ? 'now()' : "datetime('now')";
    await q.createTable(
      new Table({
        name: 'saved_views',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'userId', type: 'integer' },
          { name: 'page', type: 'varchar', length: '32' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'query', type: 'text' },
          { name: 'createdAt', type: datetimeTypeFor(q.connection.options.type), default: now },
        ],
        indices: [new TableIndex({ name: 'UQ_saved_views_user_page_name', columnNames: ['userId', 'page', 'name'], isUnique: true })],
        foreignKeys: [new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('saved_views');
  }
}
