import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { datetimeTypeFor } from '../src/core/database/column-types';

/** Files attached to tasks: result documents and request evidence (issue #13). */
export class TaskFiles1770013000400 implements MigrationInterface {
  name = 'TaskFiles1770013000400';

  async up(q: QueryRunner): Promise<void> {
    const dt = datetimeTypeFor(q.connection.options.type);
    const now = q.connection.options.type === 'postgres' ? 'now()' : "datetime('now')";
    await q.createTable(
      new Table({
        name: 'task_files',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'taskId', type: 'integer' },
          { name: 'requestId', type: 'integer', isNullable: true },
          { name: 'purpose', type: 'varchar', length: '16' },
          { name: 'fileName', type: 'varchar', length: '255' },
          { name: 'path', type: 'varchar', length: '255' },
          { name: 'contentType', type: 'varchar', length: '100' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'uploadedById', type: 'integer', isNullable: true },
          { name: 'createdAt', type: dt, default: now },
        ],
        indices: [new TableIndex({ name: 'IDX_task_files_task', columnNames: ['taskId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_files');
  }
}
