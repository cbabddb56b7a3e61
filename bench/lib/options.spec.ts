import { parseArgs, wants } from './options';

describe(parseArgs.name, () => {
  it('should default to the issue’s run: SQLite, 100,000 tasks, two workers, 16 connections', () => {
    expect(parseArgs([])).toMatchObject({
      db: 'sqlite',
      tasks: 100_000,
      workers: 2,
      connections: 16,
      emails: 5000,
      importRows: 10_000,
      only: null,
    });
  });

  it('should shrink the defaults with --quick and still take explicit values', () => {
    expect(parseArgs(['--quick'])).toMatchObject({ quick: true, tasks: 20_000, duration: 3 });
    expect(parseArgs(['--quick', '--tasks', '5000', '--db', 'postgres', '--only', '1,7a'])).toMatchObject({
      tasks: 5000,
      db: 'postgres',
      only: ['1', '7a'],
    });
  });

  it('should refuse unknown options and malformed values with a message naming them', () => {
    expect(() => parseArgs(['--db', 'mysql'])).toThrow('--db takes sqlite or postgres');
    expect(() => parseArgs(['--tasks', '-5'])).toThrow('--tasks takes a whole number');
    expect(() => parseArgs(['--tasks', '1e9'])).toThrow('--tasks takes a whole number');
    expect(() => parseArgs(['--tasks'])).toThrow('--tasks takes a whole number');
    expect(() => parseArgs(['--only', '1;rm -rf /'])).toThrow('--only takes scenario ids');
    expect(() => parseArgs(['--fast'])).toThrow('unknown option --fast');
  });
});

describe(wants.name, () => {
  it('should run a lettered scenario for its row and not for another row that starts with the same digit', () => {
    expect(wants({ only: null }, '10a')).toBe(true);
    expect(wants({ only: ['6'] }, '6b')).toBe(true);
    expect(wants({ only: ['6b'] }, '6a')).toBe(false);
    expect(wants({ only: ['1'] }, '10a')).toBe(false);
    expect(wants({ only: ['1'] }, '1')).toBe(true);
  });
});
