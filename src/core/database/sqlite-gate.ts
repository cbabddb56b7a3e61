import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { EntityPersistExecutor } from 'typeorm/persistence/EntityPersistExecutor';

/**
 * TypeORM's SQLite driver (better-sqlite3) runs every query of a process through ONE shared query
 * runner on ONE connection. Without a gate, a statement issued by one flow while another flow's transaction is
 * open joins that transaction and is undone if it rolls back (a mail marked sent, a task update),
 * and two transactions started at once collide. The gate makes a transaction exclusive: it holds the
 * gate from BEGIN to COMMIT/ROLLBACK, and every other flow's statements wait their turn. Statements
 * issued inside the transaction's own async flow (AsyncLocalStorage) pass, so a service that reads
 * through its own repository inside a caller's transaction does not deadlock. The gated entry points
 * are EntityManager.transaction (DataSource.transaction) and the persist executor behind
 * save()/remove(), which opens its own transaction.
 * PostgreSQL gives each transaction its own pooled connection and needs none of this.
 */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with the release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const gates = new WeakMap<object, Gate>();
const held = new AsyncLocalStorage<Set<object>>();

function gateOf(driver: object): Gate {
  let gate = gates.get(driver);
  if (!gate) gates.set(driver, (gate = new Gate()));
  return gate;
}

function holds(driver: object): boolean {
  return held.getStore()?.has(driver) ?? false;
}

/**
 * True when the calling flow is inside a transaction (or save/remove) on this SQLite driver: its reads must
 * go through that connection to see its own uncommitted writes (SqliteReadPool falls back to it).
 */
export function holdsSqliteGate(driver: object): boolean {
  return holds(driver);
}

let installed = false;

type AsyncFn = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/** Wraps an async method so that, on SQLite, it runs holding the gate of `driverOf(this)`. */
function gated(method: AsyncFn, driverOf: (self: any) => { options: { type: string } } | undefined): AsyncFn {
  return async function (this: unknown, ...args: unknown[]) {
    const driver = driverOf(this);
    if (!driver || driver.options.type !== 'better-sqlite3' || holds(driver)) return method.apply(this, args);
    const release = await gateOf(driver).acquire();
    try {
      return await held.run(new Set(held.getStore() ?? []).add(driver), () => method.apply(this, args));
    } finally {
      release();
    }
  };
}

export function installSqliteGate(): void {
  if (installed) return;
  installed = true;

  const manager = EntityManager.prototype as unknown as { transaction: AsyncFn };
  manager.transaction = gated(manager.transaction, (m: EntityManager) => m.dataSource.driver);

  const persist = EntityPersistExecutor.prototype as unknown as { execute: AsyncFn };
  persist.execute = gated(persist.execute, (e: { dataSource: { driver: never } }) => e.dataSource.driver);

  // Any other statement waits while another flow holds the gate.
  const runner = BetterSqlite3QueryRunner.prototype as unknown as { query: AsyncFn };
  runner.query = gated(runner.query, (r: BetterSqlite3QueryRunner) => r.driver);
}
