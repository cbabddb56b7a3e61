import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs the tasks module's writes in one transaction, or in the caller's (`manager`) when given.
 *
 * TypeORM's SQLite driver has one connection: two transactions started at once by two requests
 * would interleave on it (the second becoming a savepoint of the first). On SQLite the
 * transactions of this module are therefore queued, one at a time, in this process; PostgreSQL
 * runs them concurrently and row locks / conditional updates keep them apart.
 */
@Injectable()
export class TaskTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (manager) return work(manager);
    if (this.isPostgres) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
