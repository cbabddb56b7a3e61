import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { MIGRATIONS } from './migrations';
import { installSqliteGate } from './sqlite-gate';

/**
 * One set of options for both engines. Migrations are explicit and never synchronised:
 * the API, the worker and the CLI run pending migrations before they serve.
 * `entities`: none for migrations and in Nest (DatabaseModule loads what the modules register with forFeature);
 * a standalone DataSource that reads or writes rows passes SCHEMA_ENTITIES (src/app/schema.ts). Core lists none.
 */
export function typeOrmOptions(config: AppConfig, entities: NonNullable<DataSourceOptions['entities']> = []): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (config.database.type === 'postgres') {
    // jit off: PostgreSQL JIT-compiles any query it estimates large, which cost 90 ms on each listing
    // at a million tasks (npm run bench) and never pays back on this app's short queries.
    return { ...common, type: 'postgres', url: config.database.url, extra: { max: 10, options: '-c jit=off' } };
  }
  installSqliteGate();
  mkdirSync(dirname(config.database.url), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.url,
    enableWAL: true,
    timeout: config.database.busyTimeoutMs,
  };
}
