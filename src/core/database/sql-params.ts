import { DataSource, EntityManager } from 'typeorm';

/**
 * Bound parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32,766, the default
 * since 3.32 and what better-sqlite3 builds with) and PostgreSQL's wire protocol (a 16-bit count).
 */
export const MAX_PARAMS = { sqlite: 32_766, postgres: 65_535 } as const;

/** Whether `m` (a manager or a data source) talks to PostgreSQL; else SQLite. */
export function onPostgres(m: EntityManager | DataSource): boolean {
  const ds = m instanceof DataSource ? m : m.connection;
  return ds.options.type === 'postgres';
}

/** The n-th (1-based) bound parameter: `$n` on PostgreSQL, `?` on SQLite (positional, in order). */
export function placeholder(postgres: boolean, n: number): string {
  return postgres ? `$${n}` : '?';
}

/** `count` placeholders from the `first`-th, joined with ", " (an IN list). */
export function placeholderList(postgres: boolean, count: number, first = 1): string {
  return Array.from({ length: count }, (_, k) => placeholder(postgres, first + k)).join(', ');
}

/**
 * `rows` VALUES tuples of `width` placeholders each, numbered from the `first`-th: "(?, ?), (?, ?)"
 * or "($1, $2), ($3, $4)". `casts` (PostgreSQL only) types each column of the tuple ("int", "date"),
 * which a VALUES list used as a table needs there.
 */
export function valueTuples(postgres: boolean, rows: number, width: number, first = 1, casts?: readonly string[]): string {
  if (!postgres) {
    const tuple = `(${Array(width).fill('?').join(', ')})`;
    return Array(rows).fill(tuple).join(', ');
  }
  const out: string[] = [];
  let n = first;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(casts?.[c] ? `$${n++}::${casts[c]}` : `$${n++}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}
