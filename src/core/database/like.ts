/**
 * A `LIKE :pattern ESCAPE '\'` pattern that finds `text` anywhere, with `%`, `_` and `\` taken
 * literally (the same on SQLite and PostgreSQL).
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
