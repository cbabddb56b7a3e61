import { placeholder, placeholderList, valueTuples } from './sql-params';

describe('sql-params', () => {
  it('should number PostgreSQL parameters from 1 and leave SQLite positional', () => {
    expect(placeholder(true, 1)).toBe('$1');
    expect(placeholder(true, 12)).toBe('$12');
    expect(placeholder(false, 12)).toBe('?');
  });

  it('should write an IN list from a given first parameter', () => {
    expect(placeholderList(true, 3, 2)).toBe('$2, $3, $4');
    expect(placeholderList(false, 3, 2)).toBe('?, ?, ?');
    expect(placeholderList(true, 0)).toBe('');
  });

  it('should write VALUES tuples numbered row by row, casting on PostgreSQL only', () => {
    expect(valueTuples(true, 2, 3)).toBe('($1, $2, $3), ($4, $5, $6)');
    expect(valueTuples(true, 2, 2, 5, ['int', 'date'])).toBe('($5::int, $6::date), ($7::int, $8::date)');
    expect(valueTuples(false, 2, 2, 5, ['int', 'date'])).toBe('(?, ?), (?, ?)');
  });
});
