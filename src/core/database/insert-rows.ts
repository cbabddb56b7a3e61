import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Multi-row INSERTs of `rows` into `target` in `m`'s transaction, `chunk` rows a statement (SQLite
 * takes up to 32,766 parameters, PostgreSQL 65,535). Nothing is read back: EntityManager.insert()
 * would SELECT each row's defaults again on SQLite, which `npm run bench` found on every task update.
 * `target` is an entity or a join table given with its columns.
 */
export async function insertRows<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T> | { table: string; columns: string[] },
  rows: readonly QueryDeepPartialEntity<T>[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const qb = m.createQueryBuilder().insert();
    const into =
      typeof target === 'object' && 'table' in target ? qb.into(target.table, target.columns) : qb.into(target);
    await into
      .values(rows.slice(i, i + chunk))
      .updateEntity(false)
      .execute();
  }
}
