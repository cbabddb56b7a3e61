/**
 * Each scenario's floor: what the machine can do for the same work without the app around it.
 *
 * - SQL floor: the statements the app's own service issues for one request, captured from TypeORM's
 *   logger while the service runs in the bench's process, then replayed on the database directly
 *   (better-sqlite3's prepared statements, or the pg pool) one after another. Writes are replayed
 *   inside a transaction that is rolled back, so the data the scenarios measure is unchanged.
 * - SMTP floor: the same number of messages handed to the bench's SMTP listener by a bare nodemailer
 *   pool with as many connections as the app's workers hold together (nodemailer's default 5 each).
 * The HTTP floor (a trivial authenticated request at the same concurrency) is a scenario of its own.
 */
import { createTransport } from 'nodemailer';
import { DataSource, Logger } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface SqlFloor {
  statements: number;
  /** How many times they were replayed. */
  reps: number;
  p50Ms: number;
  p99Ms: number;
}

/** The part of better-sqlite3's handle (TypeORM's driver.databaseConnection) the replay uses. */
interface RawSqlite {
  prepare(sql: string): { reader: boolean; all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  exec(sql: string): void;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION|SET TRANSACTION)\b/i;

/** Runs `fn` and returns the SQL statements it sent through TypeORM (transaction control left out). */
export async function captureQueries(ds: DataSource, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const original = ds.logger;
  const capturing: Logger = {
    logQuery: (sql, params) => {
      if (!TRANSACTION_CONTROL.test(sql)) captured.push({ sql, params: Array.isArray(params) ? params : [] });
    },
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  // DataSource.logger is read-only in the typings; swapped for the one call and put back.
  (ds as unknown as { logger: Logger }).logger = capturing;
  try {
    await fn();
  } finally {
    (ds as unknown as { logger: Logger }).logger = original;
  }
  return captured;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Replays `queries` `reps` times on the database itself (fewer when they have taken `budgetMs` together,
 * five at least: a year's report at a million rows costs seconds) and returns the per-request times.
 */
export async function replayFloor(
  ds: DataSource,
  queries: CapturedQuery[],
  reps: number,
  opts: { writes?: boolean; budgetMs?: number } = {},
): Promise<SqlFloor> {
  const times: number[] = [];
  const deadline = Date.now() + (opts.budgetMs ?? 10_000);
  const more = (i: number) => i < reps && (i < 5 || Date.now() < deadline);
  if (ds.options.type === 'better-sqlite3') {
    const db = (ds.driver as unknown as { databaseConnection: RawSqlite }).databaseConnection;
    const prepared = queries.map((q) => ({ stmt: db.prepare(q.sql), params: q.params }));
    for (let i = 0; more(i); i++) {
      const started = process.hrtime.bigint();
      if (opts.writes) db.exec('BEGIN');
      try {
        for (const { stmt, params } of prepared) {
          if (stmt.reader) stmt.all(...params);
          else stmt.run(...params);
        }
      } finally {
        if (opts.writes) db.exec('ROLLBACK');
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } else {
    const runner = ds.createQueryRunner();
    try {
      for (let i = 0; more(i); i++) {
        const started = process.hrtime.bigint();
        if (opts.writes) await runner.query('BEGIN');
        try {
          for (const q of queries) await runner.query(q.sql, q.params);
        } finally {
          if (opts.writes) await runner.query('ROLLBACK');
        }
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    } finally {
      await runner.release();
    }
  }
  times.sort((a, b) => a - b);
  return { statements: queries.length, reps: times.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}

export function describeSqlFloor(f: SqlFloor): string {
  const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
  return `SQL ${ms(f.p50Ms)} / ${ms(f.p99Ms)} ms (p50/p99 of ${f.reps}, ${f.statements} statement${f.statements === 1 ? '' : 's'})`;
}

/**
 * `count` messages sent straight to the SMTP listener through a nodemailer pool of `connections`:
 * the SMTP conversation alone. Their X-Nhiemvu-Message-Id values start at `firstId` (above any row
 * id the bench writes), so the listener's duplicate check still holds.
 */
export async function smtpFloor(url: string, count: number, connections: number, firstId: number): Promise<number> {
  const u = new URL(url);
  u.searchParams.set('pool', 'true');
  u.searchParams.set('maxConnections', String(connections));
  const transport = createTransport(u.toString());
  const started = Date.now();
  try {
    let next = 0;
    const sender = async () => {
      while (next < count) {
        const i = next++;
        await transport.sendMail({
          from: 'bench@nhiemvu.invalid',
          to: 'floor@nhiemvu.invalid',
          subject: `[Nhắc việc] Thư đo sàn số ${i + 1}`,
          text: `Kính gửi cơ quan, đơn vị: đây là thư số ${i + 1} của phép đo sàn.`,
          html: `<p>Kính gửi cơ quan, đơn vị: đây là thư số ${i + 1} của phép đo sàn.</p>`,
          headers: { 'X-Nhiemvu-Message-Id': String(firstId + i) },
        });
      }
    };
    await Promise.all(Array.from({ length: connections }, sender));
  } finally {
    transport.close();
  }
  return count / ((Date.now() - started) / 1000);
}
