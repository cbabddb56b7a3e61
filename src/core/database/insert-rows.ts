import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MAX_PARAMS, onPostgres, valueTuples } from './sql-params';

/** An entity, or a table without an entity of its own (a join table) given with its columns. */
export type InsertTarget<T extends ObjectLiteral> = EntityTarget<T> | { table: string; columns: string[] };

interface TargetColumn {
  /** Quoted name in the table. */
  sql: string;
  /** Its type as PostgreSQL names it (a cast for a VALUES list read as a table); '' for a join table's. */
  type: string;
  /** The entity's column (values go through the driver's conversion); absent for a join table's. */
  meta?: ColumnMetadata;
  /** A join table's column name (the key of its rows). */
  key: string;
  /** @VersionColumn: 1 when the row gives none, as TypeORM's insert does. */
  version: boolean;
}

/** What one target's INSERTs are built from, once per data source. */
class InsertPlan {
  /** SQL text by the columns a row gives, its number of rows and whether ids come back. */
  private readonly texts = new Map<string, string>();

  constructor(
    readonly postgres: boolean,
    readonly table: string,
    readonly columns: TargetColumn[],
    readonly idColumn: string | null,
  ) {}

  sql(given: number[], rows: number, returning: boolean): string {
    const key = `${given.join(',')}|${rows}|${returning ? 1 : 0}`;
    let text = this.texts.get(key);
    if (!text) {
      // Fixed text per shape: the driver's statement cache (better-sqlite3's prepare, PostgreSQL's parse) sees few.
      if (this.texts.size >= 256) this.texts.clear();
      const names = given.map((i) => this.columns[i].sql).join(', ');
      text = `INSERT INTO ${this.table} (${names}) VALUES ${valueTuples(this.postgres, rows, given.length)}`;
      if (returning) text += ` RETURNING ${this.idColumn}`;
      this.texts.set(key, text);
    }
    return text;
  }

  /**
   * One statement's INSERT of `rows` rows from the `first`-th parameter, written only `when` an SQL
   * condition holds: `INSERT … SELECT * FROM (VALUES …) WHERE …` (PostgreSQL types each VALUES column
   * from the table's, which it cannot infer there). For a data-modifying WITH on PostgreSQL.
   */
  guardedSql(given: number[], rows: number, first: number, when: string): string {
    const key = `${given.join(',')}|${rows}|${first}|${when}`;
    let text = this.texts.get(key);
    if (!text) {
      if (this.texts.size >= 256) this.texts.clear();
      const cols = given.map((i) => this.columns[i]);
      const casts = this.postgres ? cols.map((c) => c.type) : undefined;
      text =
        `INSERT INTO ${this.table} (${cols.map((c) => c.sql).join(', ')}) ` +
        `SELECT * FROM (VALUES ${valueTuples(this.postgres, rows, cols.length, first, casts)}) AS v WHERE ${when}`;
      this.texts.set(key, text);
    }
    return text;
  }
}

const plans = new WeakMap<DataSource, Map<unknown, InsertPlan>>();

function planOf<T extends ObjectLiteral>(ds: DataSource, target: InsertTarget<T>): InsertPlan {
  let byTarget = plans.get(ds);
  if (!byTarget) plans.set(ds, (byTarget = new Map<unknown, InsertPlan>()));
  const joinTable = typeof target === 'object' && 'table' in target && 'columns' in target;
  const key = joinTable ? `${target.table}(${target.columns.join(',')})` : target;
  let plan = byTarget.get(key);
  if (plan) return plan;
  const q = (name: string) => `"${name}"`;
  const postgres = ds.options.type === 'postgres';
  if (joinTable) {
    const cols = target.columns.map((c) => ({ sql: q(c), type: '', key: c, version: false }));
    plan = new InsertPlan(postgres, q(target.table), cols, null);
  } else {
    const meta = ds.getMetadata(target);
    const unsupported = meta.columns.find((c) => c.isDiscriminator || (c.isGenerated && c.generationStrategy === 'uuid'));
    if (unsupported) throw new Error(`insertRows: ${meta.tableName}.${unsupported.databaseName} is not supported (discriminator or uuid)`);
    const cols = meta.columns
      .filter((c) => c.isInsert)
      .map((c) => ({ sql: q(c.databaseName), type: ds.driver.normalizeType(c), meta: c, key: c.propertyPath, version: c.isVersion }));
    const id = meta.primaryColumns.length === 1 ? q(meta.primaryColumns[0].databaseName) : null;
    plan = new InsertPlan(postgres, q(meta.tablePath), cols, id);
  }
  byTarget.set(key, plan);
  return plan;
}

/** One row's values in the plan's column order; undefined where the row gives none (the table's default applies). */
function valuesOf(ds: DataSource, plan: InsertPlan, row: ObjectLiteral): unknown[] {
  const driver = ds.driver;
  return plan.columns.map((c) => {
    let v: unknown = c.meta ? c.meta.getEntityValue(row) : row[c.key];
    if (v === undefined) return c.version ? 1 : undefined;
    if (typeof v === 'function') throw new Error(`insertRows: ${c.sql} is given an SQL expression; pass values`);
    if (c.meta) v = driver.preparePersistentValue(v, c.meta);
    return v;
  });
}

/**
 * Writes `rows` into `target` in `m`'s transaction (a transaction of its own when `m` has none) as
 * multi-row INSERTs whose SQL text is built once per shape from the entity's metadata. Values go
 * through the driver's own conversion (preparePersistentValue: dates, simple-json, booleans), so the
 * rows are what TypeORM's insert would write; a column a row does not give takes the table's default
 * (a @VersionColumn 1). Rows are grouped by the columns they give, and each statement carries at most
 * `chunk` rows and stays under the engine's parameter limit (MAX_PARAMS). Returns, when `returning`,
 * each row's new id in the order of `rows`.
 *
 * Nothing is read back otherwise: EntityManager.insert() would SELECT each row's defaults again on
 * SQLite, and its builder costs more of the API's time than the insert itself (`npm run bench`).
 */
async function write<T extends ObjectLiteral>(
  m: EntityManager,
  target: InsertTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  chunk: number | undefined,
  returning: boolean,
): Promise<number[]> {
  if (rows.length === 0) return [];
  if (!m.queryRunner) return m.transaction((tm) => write(tm, target, rows, chunk, returning));
  const runner = m.queryRunner;
  const ds = m.connection;
  const plan = planOf(ds, target);
  if (returning && !plan.idColumn) throw new Error('insertRows: ids come back only from an entity with one primary column');
  // Group the rows by the columns they give (one shape in practice), keeping each row's position.
  const groups = new Map<string, { given: number[]; values: unknown[][]; at: number[] }>();
  rows.forEach((row, at) => {
    const values = valuesOf(ds, plan, row);
    const given = values.flatMap((v, i) => (v === undefined ? [] : [i]));
    const key = given.join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { given, values: [], at: [] }));
    g.values.push(given.map((i) => values[i]));
    g.at.push(at);
  });
  const ids: number[] = returning ? new Array<number>(rows.length) : [];
  const limit = onPostgres(ds) ? MAX_PARAMS.postgres : MAX_PARAMS.sqlite;
  for (const g of groups.values()) {
    const width = Math.max(1, g.given.length);
    if (g.given.length === 0) throw new Error(`insertRows: a row for ${plan.table} gives no column`);
    const perStatement = Math.max(1, Math.min(chunk ?? Infinity, Math.floor(limit / width)));
    for (let i = 0; i < g.values.length; i += perStatement) {
      const slice = g.values.slice(i, i + perStatement);
      const result = await runner.query(plan.sql(g.given, slice.length, returning), slice.flat(), true);
      if (!returning) continue;
      // Both engines number a statement's rows in the order of its VALUES: ascending ids are that order.
      const records = (result as { records?: Record<string, unknown>[] }).records ?? [];
      const got = records.map((r) => Number(Object.values(r)[0])).sort((a, b) => a - b);
      if (got.length !== slice.length) throw new Error(`insertRows: ${got.length} ids came back for ${slice.length} rows`);
      got.forEach((id, k) => (ids[g.at[i + k]] = id));
    }
  }
  return ids;
}

/**
 * The SQL and parameters of ONE statement inserting `rows` (all giving the same columns, within the
 * parameter limit) into the entity's table, its parameters numbered from `first` and the rows written
 * only `when` the SQL condition holds: for a caller that puts the insert in a WITH of its own statement
 * (task changes on PostgreSQL: the history rides on the task's UPDATE). Values as in insertRows.
 */
export function guardedInsert<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  first: number,
  when: string,
): { sql: string; params: unknown[] } {
  const plan = planOf(ds, target);
  const values = rows.map((row) => valuesOf(ds, plan, row as ObjectLiteral));
  const given = values.length ? values[0].flatMap((v, i) => (v === undefined ? [] : [i])) : [];
  const params: unknown[] = [];
  for (const row of values) {
    if (row.some((v, i) => (v === undefined) !== !given.includes(i))) throw new Error('guardedInsert: every row must give the same columns');
    for (const i of given) params.push(row[i]);
  }
  const limit = onPostgres(ds) ? MAX_PARAMS.postgres : MAX_PARAMS.sqlite;
  if (!rows.length || first - 1 + params.length > limit) throw new Error(`guardedInsert: ${rows.length} rows do not fit one statement`);
  return { sql: plan.guardedSql(given, rows.length, first, when), params };
}

/** Writes `rows` into `target` (see write above): nothing comes back. */
export async function insertRows<T extends ObjectLiteral>(
  m: EntityManager,
  target: InsertTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  chunk?: number,
): Promise<void> {
  await write(m, target, rows, chunk, false);
}

/** Writes `rows` into the entity's table and answers each row's new id, in the order of `rows`. */
export function insertRowsReturningIds<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  chunk?: number,
): Promise<number[]> {
  return write(m, target, rows, chunk, true);
}
