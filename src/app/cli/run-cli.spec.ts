import { ImportCommand } from 'src/modules/imports/imports.cli';
import { RemindCommand } from 'src/modules/reminders/reminders.cli';
import { MigrateCommand, MigrateRevertCommand, SeedCommand } from './database.commands';
import { runCli } from './run-cli';

/**
 * The parsing half of the CLI in process: which command runs with which options, and which arguments are
 * refused before any command runs (so nothing is changed). The commands' work is test/e2e/cli.e2e-spec.ts.
 */
describe(runCli.name, () => {
  const commands = { migrate: MigrateCommand, 'migrate:revert': MigrateRevertCommand, seed: SeedCommand, import: ImportCommand, remind: RemindCommand };
  let runs: Record<string, jest.SpyInstance>;
  let out: string;

  beforeEach(() => {
    out = '';
    const capture = (chunk: string | Uint8Array) => ((out += chunk.toString()), true);
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    jest.spyOn(console, 'error').mockImplementation((m: string) => void (out += `${m}\n`));
    runs = Object.fromEntries(Object.entries(commands).map(([name, type]) => [name, jest.spyOn(type.prototype, 'run').mockResolvedValue()]));
  });
  afterEach(() => jest.restoreAllMocks());

  const ran = () => Object.entries(runs).filter(([, spy]) => spy.mock.calls.length > 0).map(([name]) => name);

  it.each([
    [['migrate'], 'migrate', [], {}],
    [['migrate:revert'], 'migrate:revert', [], {}],
    [['seed'], 'seed', [], {}],
    [['import', 'ct.xlsx', '--program', 'CTCT-2024', '--dry-run'], 'import', ['ct.xlsx'], { program: 'CTCT-2024', dryRun: true }],
    [['import', '--program=CTCT-2024', 'ct.docx', '--default-lead', 'VPUBND', '--json'], 'import', ['ct.docx'], { program: 'CTCT-2024', defaultLead: 'VPUBND', json: true }],
    [['remind'], 'remind', [], {}],
    [['remind', '--as-of', '2024-07-15'], 'remind', [], { asOf: '2024-07-15' }],
    [['remind', '--as-of=2024-02-29'], 'remind', [], { asOf: '2024-02-29' }],
  ])('should run %j as %s with its arguments and options', async (argv, name, args, options) => {
    expect(await runCli(argv)).toBe(0);
    expect(ran()).toEqual([name]);
    const [passedArgs, passedOptions] = runs[name].mock.calls[0] as [string[], Record<string, unknown>];
    expect(passedArgs).toEqual(args);
    expect(Object.fromEntries(Object.entries(passedOptions).filter(([, v]) => v !== undefined))).toEqual(options);
  });

  it.each([
    [['migrate', '--bogus'], /^error: unknown option '--bogus'\n\(add --help for the usage\)$/m],
    [['migrate', 'now'], /error: too many arguments for 'migrate'\. Expected 0 arguments but got 1\./],
    [['migrate:revert', '--all'], /error: unknown option '--all'/],
    [['seed', '--demo=false'], /error: unknown option '--demo=false'/],
    [['seed', 'all'], /error: too many arguments for 'seed'/],
    [['import'], /error: required option '--program <CODE>' not specified/],
    [['import', '--program', 'X'], /error: missing required argument 'file'/],
    [['import', 'ct.xlsx'], /error: required option '--program <CODE>' not specified/],
    [['import', 'ct.xlsx', '--program'], /error: option '--program <CODE>' argument missing/],
    [['import', 'ct.xlsx', '--program', 'X', '--fast'], /error: unknown option '--fast'/],
    [['import', 'a.xlsx', 'b.xlsx', '--program', 'X'], /error: too many arguments for 'import'/],
    [['import', 'ct.xlsx', '--program', 'X', '--default-lead'], /error: option '--default-lead <AGENCY_CODE>' argument missing/],
    [['remind', '--as-of', '2024-02-30'], /^Error: --as-of must be a real day as YYYY-MM-DD between 2000 and 2100 \(got "2024-02-30"\)$/m],
    [['remind', '--as-of=15/07/2024'], /^Error: --as-of must be a real day/m],
    [['remind', '--as-of'], /error: option '--as-of <YYYY-MM-DD>' argument missing/],
    [['remind', '--now'], /error: unknown option '--now'/],
    [['remind', 'today'], /error: too many arguments for 'remind'/],
    [['--verbose'], /error: unknown option '--verbose'/],
  ])('should refuse %j with exit status 1, a clear error, and run nothing', async (argv, message) => {
    expect(await runCli(argv)).toBe(1);
    expect(out).toMatch(message);
    expect(ran()).toEqual([]);
  });

  it('should refuse an unknown command with exit status 2 and the usage', async () => {
    expect(await runCli(['frobnicate', '--now'])).toBe(2);
    expect(out).toMatch(/^Unknown command "frobnicate"\.\n\nUsage: npm run cli -- \[options\] \[command\]/);
    expect(ran()).toEqual([]);
  });

  it.each([[[]], [['help']], [['--help']], [['-h']]])('should print the commands for %j and exit 0', async (argv) => {
    expect(await runCli(argv)).toBe(0);
    for (const name of ['migrate', 'migrate:revert', 'seed', 'import [options] <file>', 'remind [options]', 'help [command]']) expect(out).toContain(`  ${name} `);
    expect(ran()).toEqual([]);
  });

  it.each([
    [['import', '--help'], /Usage: npm run cli -- import \[options\] <file>[\s\S]*--program <CODE>[\s\S]*--dry-run[\s\S]*--default-lead <AGENCY_CODE>[\s\S]*--json/],
    [['help', 'remind'], /Usage: npm run cli -- remind \[options\][\s\S]*--as-of <YYYY-MM-DD>/],
    [['migrate', '-h'], /Usage: npm run cli -- migrate \[options\]\n\napply pending database migrations/],
  ])('should explain %j and exit 0', async (argv, help) => {
    expect(await runCli(argv)).toBe(0);
    expect(out).toMatch(help);
    expect(ran()).toEqual([]);
  });

  it('should print a failing command as "Error: …" with exit status 1', async () => {
    runs.migrate.mockRejectedValue(new Error('SQLITE_CANTOPEN: unable to open database file'));
    expect(await runCli(['migrate'])).toBe(1);
    expect(out).toBe('Error: SQLITE_CANTOPEN: unable to open database file\n');
  });
});
