import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { guardedInsert, insertRows } from 'src/core/database/insert-rows';
import { placeholder } from 'src/core/database/sql-params';
import { Agency } from 'src/modules/agencies/agency.entity';
import { TaskHistory } from './task-history.entity';
import { Task } from './task.entity';

/** An agency's code or name as read (varchar; '' when the agency row is missing). */
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The statements of the change path (PATCH, bulk, requests, imports), written once as SQL text from
 * the entity's metadata rather than built by TypeORM's query builders on every call: `npm run bench`
 * (PATCH progress + history) spent more of the API's main thread building and hydrating the
 * builders' queries than SQLite spent running them. Fixed text also keeps each statement in the
 * driver's prepared-statement cache. Values go in and come out through the driver's own conversions
 * (preparePersistentValue, prepareHydratedValue), so rows are what TypeORM would have written and read.
 */
export class TaskChangeStatements {
  private readonly postgres: boolean;
  private readonly columns: ColumnMetadata[];
  private readonly byProperty: Map<string, ColumnMetadata>;
  private readonly table: string;
  private readonly selectSql: string;
  private readonly lockSql: string;
  private readonly updateSqls = new Map<string, string>();
  /** PostgreSQL: the prepared statement's name of each text. */
  private readonly names = new Map<string, string>();

  private constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
    const meta = dataSource.getMetadata(Task);
    // The task's own columns; join columns are declared properties too (leadAgencyId, programId).
    this.columns = meta.columns.filter((c) => !(c.relationMetadata && c.propertyName === c.relationMetadata.propertyName));
    const q = (name: string) => `"${name}"`;
    this.table = q(meta.tableName);
    this.byProperty = new Map(this.columns.map((c) => [c.propertyName, c]));
    const agencies = q(dataSource.getMetadata(Agency).tableName);
    const junction = meta.manyToManyRelations.find((r) => r.propertyName === 'coordinatingAgencies')!.junctionEntityMetadata!;
    const [taskKey, agencyKey] = [junction.ownerColumns[0].databaseName, junction.inverseColumns[0].databaseName];
    // One statement for the task, its lead agency's name and its coordinating agencies (one row each,
    // or one row with nulls when it has none).
    const select =
      `SELECT ${this.columns.map((c) => `t.${q(c.databaseName)} AS ${q(c.databaseName)}`).join(', ')}, ` +
      `la."code" AS "la_code", la."name" AS "la_name", ca."id" AS "ca_id", ca."code" AS "ca_code", ca."name" AS "ca_name" ` +
      `FROM ${this.table} t ` +
      `LEFT JOIN ${agencies} la ON la."id" = t."leadAgencyId" ` +
      `LEFT JOIN ${q(junction.tableName)} tca ON tca.${q(taskKey)} = t."id" ` +
      `LEFT JOIN ${agencies} ca ON ca."id" = tca.${q(agencyKey)} ` +
      `WHERE t."id" = ${this.param(1)} ORDER BY ca."id"`;
    this.selectSql = select;
    // PostgreSQL: the task's row stays locked until the change commits (the agencies' rows are not).
    this.lockSql = this.postgres ? `${select} FOR UPDATE OF t` : select;
  }

  private static readonly cache = new WeakMap<DataSource, TaskChangeStatements>();

  static of(m: EntityManager): TaskChangeStatements {
    const ds = m.connection;
    let s = TaskChangeStatements.cache.get(ds);
    if (!s) TaskChangeStatements.cache.set(ds, (s = new TaskChangeStatements(ds)));
    return s;
  }

  /** `?` on SQLite, `$n` on PostgreSQL (1-based). */
  param(n: number): string {
    return placeholder(this.postgres, n);
  }

  /**
   * The task with `leadAgency` (id, code, name) and `coordinatingAgencies`, or null. `lock`: on
   * PostgreSQL the row is locked for the rest of the transaction (FOR UPDATE).
   */
  async load(m: EntityManager, id: number, lock: boolean): Promise<Task | null> {
    const rows = await this.run(m, lock ? this.lockSql : this.selectSql, [id]);
    if (!rows.length) return null;
    const driver = this.dataSource.driver;
    const task = new Task();
    const first = rows[0];
    for (const c of this.columns) {
      (task as unknown as Record<string, unknown>)[c.propertyName] = driver.prepareHydratedValue(first[c.databaseName], c);
    }
    task.leadAgency = { id: task.leadAgencyId, code: text(first.la_code), name: text(first.la_name) } as Agency;
    task.coordinatingAgencies = rows
      .filter((r) => r.ca_id !== null && r.ca_id !== undefined)
      .map((r) => ({ id: Number(r.ca_id), code: text(r.ca_code), name: text(r.ca_name) }) as Agency);
    return task;
  }

  /**
   * `UPDATE tasks SET … , version + 1, updatedAt now WHERE id AND version`, and the change's `history`
   * rows: the new updatedAt, or null when the row is gone or its version moved (someone else changed
   * it meanwhile; then no history row is written either). On PostgreSQL one statement, the history's
   * INSERT in a WITH guarded by the UPDATE's row (a round trip and a parse less per change); SQLite has
   * no data-modifying WITH, and its statements cost no round trip: the UPDATE, then insertRows.
   */
  async update(m: EntityManager, id: number, version: number, set: Partial<Task>, history: Partial<TaskHistory>[] = []): Promise<Date | null> {
    const keys = Object.keys(set);
    const driver = this.dataSource.driver;
    const values = keys.map((k): unknown => driver.preparePersistentValue((set as Record<string, unknown>)[k], this.column(k)));
    const params = [...values, id, version];
    let sql = this.updateSql(keys);
    const together = this.postgres && history.length > 0;
    if (together) {
      const insert = guardedInsert(this.dataSource, TaskHistory, history, params.length + 1, 'EXISTS (SELECT 1 FROM u)');
      sql = `WITH u AS (${sql}), h AS (${insert.sql}) SELECT "updatedAt" FROM u`;
      params.push(...insert.params);
    }
    const rows = await this.run(m, sql, params);
    if (rows.length !== 1) return null;
    if (!together && history.length) await insertRows(m, TaskHistory, history);
    const updatedAt: unknown = driver.prepareHydratedValue(rows[0].updatedAt, this.column('updatedAt'));
    return updatedAt as Date;
  }

  /** The UPDATE of these properties, built once per set of them. */
  private updateSql(keys: string[]): string {
    const cacheKey = keys.join(',');
    let sql = this.updateSqls.get(cacheKey);
    if (!sql) {
      const assignments = keys.map((k, i) => `"${this.column(k).databaseName}" = ${this.param(i + 1)}`);
      sql =
        `UPDATE ${this.table} SET ${[...assignments, '"version" = "version" + 1', '"updatedAt" = CURRENT_TIMESTAMP'].join(', ')} ` +
        `WHERE "id" = ${this.param(keys.length + 1)} AND "version" = ${this.param(keys.length + 2)} RETURNING "updatedAt"`;
      this.updateSqls.set(cacheKey, sql);
    }
    return sql;
  }

  private column(property: string): ColumnMetadata {
    const c = this.byProperty.get(property);
    if (!c) throw new Error(`tasks has no column for ${property}`);
    return c;
  }

  /**
   * Rows of a statement in `m`'s transaction (UPDATE … RETURNING included, on both engines). On
   * PostgreSQL as a named prepared statement: each pooled connection parses and plans a text once,
   * not on every change (TypeORM sends unnamed statements, parsed and planned each time).
   */
  private async run(m: EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    const runner = m.queryRunner;
    if (!runner) throw new Error('task changes run inside a transaction');
    if (!this.postgres) {
      const result = await runner.query(sql, params, true);
      return (result.records ?? []) as Record<string, unknown>[];
    }
    const client = (await (runner as PostgresQueryRunner).connect()) as PgClient;
    let name = this.names.get(sql);
    if (!name) this.names.set(sql, (name = `task_change_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`));
    const logger = this.dataSource.logger;
    logger.logQuery(sql, params, runner);
    try {
      return (await client.query({ name, text: sql, values: params })).rows;
    } catch (err) {
      logger.logQueryError(err as Error, sql, params, runner);
      throw new QueryFailedError(sql, params, err as Error);
    }
  }
}

/** The part of node-postgres' client the named statements use. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
