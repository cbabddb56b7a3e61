import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs the tasks module's writes in one transaction, or in the caller's (`manager`) when given, so
 * an importer or a reorganisation can make task changes part of its own all-or-nothing work.
 *
 * On SQLite (one connection per process) concurrent transactions are kept apart by the core gate
 * (src/core/database/sqlite-gate.ts); on PostgreSQL by row locks (`loadForChange`) and conditional
 * updates (`UPDATE … WHERE id AND version`).
 */
@Injectable()
export class TaskTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  get engine(): 'sqlite' | 'postgres' {
    return this.isPostgres ? 'postgres' : 'sqlite';
  }

  run<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}
