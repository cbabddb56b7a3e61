import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { datetimeTypeFor } from '../src/core/database/column-types';

/** Server-side browser sessions (cookie sign-in, issue #13). */
export class AuthSessions1770013000000 implements MigrationInterface {
  name = 'AuthSessions1770013000000';

  async up(q: QueryRunner): Promise<void> {
    const dt = datetimeTypeFor(q.connection.options.type);
    const now = q.connection.options.type === 'postgres' ? 'now()' : "datetime('now')";
    await q.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'csrfToken', type: 'varchar', length: '64' },
          { name: 'userId', type: 'integer' },
          { name: 'tokenVersion', type: 'integer' },
          { name: 'expiresAt', type: dt },
          { name: 'revokedAt', type: dt, isNullable: true },
          { name: 'createdAt', type: dt, default: now },
        ],
      }),
    );
    await q.createIndex('auth_sessions', new TableIndex({ name: 'UQ_auth_sessions_token_hash', columnNames: ['tokenHash'], isUnique: true }));
    await q.createIndex('auth_sessions', new TableIndex({ name: 'IDX_auth_sessions_user', columnNames: ['userId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('auth_sessions');
  }
}
