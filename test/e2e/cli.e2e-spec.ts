import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { csvOf, HEADER } from 'test/fixtures/import-files.fixture';
import { freePort } from 'test/utils/free-port';
import { distEntry, runNode } from 'test/utils/spawn-process';
import { createTestDatabase, TestDatabase } from 'test/utils/test-db';

/**
 * `npm run cli` (dist/src/cli.js on nest-commander) as an operator runs it: every command's work, and bad options
 * and arguments — a clear error, a non-zero exit and the database as it was. Every parsing case, in process and
 * without a database, is in src/app/cli/run-cli.spec.ts.
 */
describe('cli (e2e)', () => {
  let dir: string;
  let db: TestDatabase;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runNode(distEntry('cli'), args, env);

  /** Rows of a table (null when it does not exist yet), read straight from the database. */
  async function rows(table: string): Promise<number | null> {
    const ds = await new DataSource(typeOrmOptions(loadConfiguration(env))).initialize();
    const runner = ds.createQueryRunner();
    try {
      if (!(await runner.hasTable(table))) return null;
      const [{ n }] = await ds.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number(n);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-cli-'));
    db = await createTestDatabase(dir);
    env = {
      DATA_DIR: dir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      REDIS_PORT: String(await freePort()),
      DATABASE_URL: db.url!,
    };
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should list the commands, refuse an unknown one (exit 2) and a bad option (exit 1) before touching the database', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.output).toMatch(/Usage: npm run cli -- [\s\S]* migrate [\s\S]* migrate:revert [\s\S]* seed [\s\S]* import \[options\] <file> [\s\S]* remind \[options\] /);
    const unknown = await cli('frobnicate');
    expect([unknown.code, /Unknown command "frobnicate"\./.test(unknown.output)]).toEqual([2, true]);
    const bad = await cli('migrate', '--bogus');
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/error: unknown option '--bogus'\n\(add --help for the usage\)/);
    expect(await rows('migrations')).toBeNull();
  });

  it('should migrate, revert the last migration and migrate again', async () => {
    const first = await cli('migrate');
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/applied: InitialSchema/);
    const applied = await rows('migrations');
    expect(applied).toBeGreaterThan(1);
    expect((await cli('migrate')).output).toContain('database is up to date');
    const revert = await cli('migrate:revert');
    expect(revert.code).toBe(0);
    expect(revert.output).toContain('reverted the last migration');
    expect(await rows('migrations')).toBe(applied! - 1);
    const again = await cli('migrate');
    expect(again.output).toMatch(/applied: \w+$/m);
    expect(await rows('migrations')).toBe(applied);
  });

  it('should seed the demo data (idempotence: process.e2e-spec.ts)', async () => {
    const first = await cli('seed');
    expect(first.code).toBe(0);
    const counts = JSON.parse(/seeded: (\{.*\})/.exec(first.output)![1]) as Record<string, number>;
    expect(counts.tasks).toBeGreaterThan(100);
    expect(counts.tasks).toBe(await rows('tasks'));
  });

  describe('import', () => {
    const year = new Date().getFullYear();
    const program = `CTCT-${year}`;
    let good: string;
    let bad: string;
    beforeAll(() => {
      good = join(dir, 'good.csv');
      writeFileSync(good, csvOf([HEADER.slice(0, 5), [1, 'Rà soát danh mục dự án đầu tư công qua dòng lệnh', 'Sở Tài chính', 'Sở Nội vụ', `15/11/${year}`]]));
      bad = join(dir, 'bad.csv');
      writeFileSync(bad, csvOf([HEADER.slice(0, 5), [1, 'Việc có cơ quan lạ', 'Sở Không Có Thật', '', `15/11/${year}`]]));
    });

    it('should refuse a missing file and an unknown option, writing nothing', async () => {
      const before = await rows('tasks');
      const missing = await cli('import', 'missing.csv', '--program', program);
      expect(missing.code).toBe(1);
      expect(missing.output).toMatch(/^Error: no such file: missing\.csv$/m);
      const option = await cli('import', good, '--program', program, '--fast');
      expect(option.code).toBe(1);
      expect(option.output).toMatch(/error: unknown option '--fast'/);
      expect(await rows('tasks')).toBe(before);
    });

    it('should refuse an unknown program or lead agency, and a file with an invalid item, writing nothing', async () => {
      const before = await rows('tasks');
      const unknownProgram = await cli('import', good, '--program=KHONG-CO');
      expect([unknownProgram.code, /Error: no program with code KHONG-CO/.test(unknownProgram.output)]).toEqual([1, true]);
      const unknownLead = await cli('import', good, '--program', program, '--default-lead', 'KHONGCO');
      expect([unknownLead.code, /Error: no agency with code KHONGCO/.test(unknownLead.output)]).toEqual([1, true]);
      const invalid = await cli('import', bad, '--program', program);
      expect(invalid.code).toBe(1);
      expect(invalid.output).toMatch(/refused: nothing written[\s\S]*Error: 1 invalid item\(s\): nothing written/);
      expect(await rows('tasks')).toBe(before);
    });

    it('should check with --dry-run (as JSON with --json) and then write', async () => {
      const before = await rows('tasks');
      const dry = await cli('import', good, '--program', program, '--dry-run', '--json');
      expect(dry.code).toBe(0);
      const report = JSON.parse(dry.output.slice(dry.output.indexOf('{\n'))) as { dryRun: boolean; summary: { created: number } };
      expect([report.dryRun, report.summary.created]).toEqual([true, 1]);
      expect(await rows('tasks')).toBe(before);
      const real = await cli('import', good, `--program=${program}`);
      expect(real.code).toBe(0);
      expect(real.output).toMatch(/written: 1 created, 0 updated, 0 unchanged/);
      expect(await rows('tasks')).toBe(before! + 1);
    });
  });

  describe('remind', () => {
    it('should refuse a day that does not exist and scan nothing', async () => {
      const before = [await rows('reminder_log'), await rows('mail_messages')];
      const { code, output } = await cli('remind', '--as-of', '2024-02-30');
      expect(code).toBe(1);
      expect(output).toMatch(/^Error: --as-of must be a real day as YYYY-MM-DD between 2000 and 2100 \(got "2024-02-30"\)$/m);
      expect([await rows('reminder_log'), await rows('mail_messages')]).toEqual(before);
    });

    it('should scan as of a given day and print what it queued', async () => {
      const { code, output } = await cli('remind', '--as-of', `${new Date().getFullYear()}-06-15`);
      expect(code).toBe(0);
      expect(output).toMatch(new RegExp(`reminder scan as of ${new Date().getFullYear()}-06-15: \\d+ point\\(s\\), \\d+ digest\\(s\\)`));
    });
  });
});
