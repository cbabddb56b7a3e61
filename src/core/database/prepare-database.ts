import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { typeOrmOptions } from './typeorm.options';

const MIGRATION_LOCK = 74230001;

/**
 * Applies pending migrations before a process serves. On PostgreSQL an advisory lock makes
 * several replicas starting at once take turns; SQLite serialises writers by itself.
 */
export async function runMigrations(config: AppConfig, logger = new Logger('Database')): Promise<string[]> {
  const ds = new DataSource(typeOrmOptions(config));
  await ds.initialize();
  try {
    const isPg = config.database.type === 'postgres';
    const runner = ds.createQueryRunner();
    if (isPg) await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      if (done.length) logger.log(`applied migrations: ${done.map((m) => m.name).join(', ')}`);
      return done.map((m) => m.name);
    } finally {
      if (isPg) await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      await runner.release();
    }
  } finally {
    await ds.destroy();
  }
}

export async function revertLastMigration(config: AppConfig): Promise<void> {
  const ds = new DataSource(typeOrmOptions(config));
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

export function describeDatabase(config: AppConfig): string {
  if (config.database.type === 'sqlite') return `sqlite ${config.database.url}`;
  const u = new URL(config.database.url);
  return `postgres ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export type { DataSource };
