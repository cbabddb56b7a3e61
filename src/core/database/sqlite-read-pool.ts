import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Worker } from 'node:worker_threads';
import { DataSource, ObjectLiteral, QueryFailedError, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { holdsSqliteGate } from './sqlite-gate';

/**
 * Runs in each reader thread: one read-only connection, its prepared statements (the most recent 200
 * texts), one statement at a time. Every answer names the request's id; an error goes back as data.
 */
const READER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.timeoutMs });
const statements = new Map();
function statement(sql) {
  let s = statements.get(sql);
  if (s) {
    statements.delete(sql);
  } else {
    s = db.prepare(sql);
    if (!s.reader) throw Object.assign(new Error('a reader runs statements that return rows only'), { code: 'NOT_A_READ' });
    if (statements.size >= 200) statements.delete(statements.keys().next().value);
  }
  statements.set(sql, s);
  return s;
}
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: m.id, rows: statement(m.sql).all(m.params) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { name: e && e.name, message: String(e && e.message), code: e && e.code } });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
  sql: string;
  params: unknown[];
}

type Answer =
  { id: number; rows: unknown[] } | { id: number; error: { name?: string; message: string; code?: string } };

class Reader {
  readonly pending = new Map<number, Pending>();
  readonly worker: Worker;

  constructor(file: string, timeoutMs: number, onGone: (r: Reader, err: Error) => void) {
    this.worker = new Worker(READER_SCRIPT, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, timeoutMs },
    });
    this.worker.unref(); // ref'd only while a statement is pending (send), so an idle pool never keeps a process alive
    this.worker.on('message', (a: Answer) => this.answer(a));
    this.worker.on('error', (err) => onGone(this, err));
    this.worker.on('exit', (code) => onGone(this, new Error(`SQLite reader thread stopped (exit code ${code})`)));
  }

  send(id: number, p: Pending): void {
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, p);
    this.worker.postMessage({ id, sql: p.sql, params: p.params });
  }

  /** Rejects whatever is still pending (the thread failed or the pool closed). */
  fail(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private answer(a: Answer): void {
    const p = this.pending.get(a.id);
    if (!p) return;
    this.pending.delete(a.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('rows' in a) p.resolve(a.rows);
    else p.reject(Object.assign(new Error(a.error.message), { name: a.error.name ?? 'Error', code: a.error.code }));
  }
}

/**
 * More readers for SQLite. TypeORM's better-sqlite3 driver runs every statement synchronously on the
 * main thread, so the API served one query at a time and 16 waiting requests queued behind each other's
 * SQL. This pool keeps `database.sqliteReaders` (SQLITE_READERS) read-only connections in worker threads;
 * in WAL mode they read beside TypeORM's writer connection and see what it has committed (the API commits
 * before it answers, so a request sees the writes of the ones before it).
 *
 * Callers hand it the statement TypeORM's query builder made (`rawMany(qb)`, `count(qb)`), so query
 * shapes stay written once. It reads through TypeORM instead — same statement, same rows — when it is
 * off (SQLITE_READERS=0, PostgreSQL with its own pool, an in-memory database) and when the caller is
 * inside a transaction (a query builder on a transaction's runner, or a flow holding the SQLite gate):
 * those reads must see the transaction's own uncommitted writes.
 *
 * Threads start at the first read, so processes that never list tasks (the worker, the CLI) pay nothing,
 * and stop on application shutdown. A failed statement rejects with TypeORM's QueryFailedError, as the
 * main connection would; a thread that dies rejects its pending reads and is replaced at the next one.
 */
@Injectable()
export class SqliteReadPool implements OnApplicationShutdown {
  private readonly logger = new Logger(SqliteReadPool.name);
  /** 0: off. */
  readonly size: number;
  private readonly file: string;
  private readonly timeoutMs: number;
  private readers: Reader[] = [];
  /** rawManyByParams: SQL text by key and number of parameters. */
  private readonly statements = new Map<string, string>();
  private nextId = 1;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    const db = config.get('database', { infer: true });
    const onFile = dataSource.options.type === 'better-sqlite3' && db.type === 'sqlite' && db.url !== ':memory:';
    this.size = onFile ? db.sqliteReaders : 0;
    this.file = db.url;
    this.timeoutMs = db.busyTimeoutMs;
  }

  /** Reader threads running now (started at the first reads, up to `size`; none after close). */
  get threads(): number {
    return this.readers.length;
  }

  /** The builder's rows, read by a reader thread when the pool may (see the class comment), else by TypeORM. */
  async rawMany<T = Record<string, unknown>>(qb: SelectQueryBuilder<ObjectLiteral>): Promise<T[]> {
    if (!this.serves(qb)) return qb.getRawMany<T>();
    const [sql, params] = qb.getQueryAndParameters();
    return this.run<T>(sql, params);
  }

  /**
   * The rows of a statement whose only parameters are `params`, in order (an `IN (:...ids)` list): `build` runs
   * once per `key` and number of parameters and its SQL text is kept. Building a wide select (the list's 33
   * columns) through TypeORM costs the main thread more than receiving its rows; the shape stays written in
   * `build`. Reads through TypeORM's connection when the pool does not serve (see the class comment).
   */
  async rawManyByParams<T = Record<string, unknown>>(
    key: string,
    params: unknown[],
    build: (params: unknown[]) => SelectQueryBuilder<ObjectLiteral>,
  ): Promise<T[]> {
    const cacheKey = `${key}/${params.length}`;
    let sql = this.statements.get(cacheKey);
    if (sql === undefined) {
      const [built, bound] = build(params).getQueryAndParameters();
      if (bound.length !== params.length || bound.some((p, i) => p !== params[i]))
        throw new Error(`${key}: the statement has parameters other than the ones given`);
      this.statements.set(cacheKey, (sql = built));
    }
    return this.query<T>(sql, params);
  }

  /** `qb.getCount()`: TypeORM's own count statement (its COUNT expression, no order, no paging). */
  async count(qb: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
    if (!this.serves(qb)) return qb.getCount();
    const expression = (qb as unknown as { computeCountExpression(): string }).computeCountExpression();
    const counting = qb
      .clone()
      .orderBy()
      .groupBy()
      .offset(undefined)
      .limit(undefined)
      .skip(undefined)
      .take(undefined)
      .select(expression, 'cnt')
      .setOption('disable-global-order');
    const [row] = await this.rawMany<{ cnt: number | string | null }>(counting);
    return row?.cnt ? Number(row.cnt) : 0;
  }

  /** A read-only statement with positional parameters, as `dataSource.query` takes them. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.serves()) return this.dataSource.query<T[]>(sql, params);
    return this.run<T>(sql, params);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Stops the reader threads (each closes its connection); reads still pending are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const readers = this.readers;
    this.readers = [];
    await Promise.all(
      readers.map(async (r) => {
        r.fail(new Error('the SQLite read pool is closed'));
        const exited = new Promise<void>((resolve) => r.worker.once('exit', () => resolve()));
        r.worker.postMessage({ close: true });
        const timer = setTimeout(() => void r.worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private serves(qb?: SelectQueryBuilder<ObjectLiteral>): boolean {
    if (this.size === 0) return false;
    if (this.closed) throw new Error('the SQLite read pool is closed');
    if (qb && (qb as unknown as { queryRunner?: QueryRunner }).queryRunner) return false;
    return !holdsSqliteGate(this.dataSource.driver);
  }

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    // As TypeORM's better-sqlite3 runner does: booleans bound as 0/1, every statement logged.
    const bound = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    const logger = this.dataSource.logger;
    logger.logQuery(sql, bound);
    return new Promise<T[]>((resolve, reject) => {
      this.reader().send(this.nextId++, {
        sql,
        params: bound,
        resolve: (rows) => resolve(rows as T[]),
        reject: (err) => {
          logger.logQueryError(err, sql, bound);
          reject(new QueryFailedError(sql, bound, err));
        },
      });
    });
  }

  /** The reader with the fewest statements waiting (a slow search does not hold up the next list); started on demand. */
  private reader(): Reader {
    let best: Reader | undefined;
    for (const r of this.readers) if (!best || r.pending.size < best.pending.size) best = r;
    if (best && (best.pending.size === 0 || this.readers.length >= this.size)) return best;
    const r = new Reader(this.file, this.timeoutMs, (gone, err) => this.gone(gone, err));
    this.readers.push(r);
    return r;
  }

  private gone(r: Reader, err: Error): void {
    const i = this.readers.indexOf(r);
    if (i >= 0) {
      this.readers.splice(i, 1);
      if (!this.closed) this.logger.error(`SQLite reader thread failed: ${err.message}`);
    }
    r.fail(err);
  }
}
