import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How often the planner statistics are refreshed while a process runs (the data keeps growing). */
export const SQLITE_ANALYZE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * What TypeORM's SQLite driver leaves out, applied to this process's one connection:
 * - `synchronous = NORMAL`: in WAL mode a commit is then one write to the log and no fsync; the
 *   database cannot be corrupted, and only a power cut (not a crash of the process) may lose the
 *   last commits. With FULL every task update waits for the disk.
 * - planner statistics (`ANALYZE`, sampled with analysis_limit so that it takes milliseconds at a
 *   million rows): without them SQLite guesses, and an agency's overdue list walks every done task of
 *   the province instead of that agency's index range (160 ms instead of 3 ms at 100,000 tasks,
 *   measured by `npm run bench`). Refreshed at start and every six hours.
 * PostgreSQL needs neither: commits are its own business and autovacuum keeps the statistics.
 */
@Injectable()
export class SqliteMaintenance implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SqliteMaintenance.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    await this.dataSource.query('PRAGMA synchronous = NORMAL');
    await this.refreshStatistics();
    this.timer = setInterval(() => void this.refreshStatistics(), SQLITE_ANALYZE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** ANALYZE inside a transaction, so that the SQLite gate keeps it out of another flow's transaction. */
  async refreshStatistics(): Promise<void> {
    try {
      await this.dataSource.transaction(async (m) => {
        await m.query('PRAGMA analysis_limit = 1000');
        await m.query('ANALYZE');
      });
    } catch (err) {
      this.logger.warn(`planner statistics not refreshed: ${(err as Error).message}`);
    }
  }
}
