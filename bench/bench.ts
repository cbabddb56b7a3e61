/**
 * `npm run bench`: generates a province-year of tasks into a fresh database, starts the built API and
 * its workers as separate processes on loopback (a private redis-server, an SMTP listener of its own),
 * and measures the paths people wait on. Prints a table and writes bench/results.json.
 *
 *   npm run bench                                  # SQLite, 100,000 tasks, API + 2 workers
 *   npm run bench -- --quick                       # a smaller, shorter run (a check, not figures)
 *   npm run bench -- --db postgres --tasks 1000000 # a throwaway PostgreSQL on loopback
 *
 * Options: --tasks N, --db sqlite|postgres, --quick, --workers N (2), --connections N (16),
 * --duration S (10), --emails N (5000), --import-rows N (10000), --updates N (5000), --only 1,4,7 (6 = 6a and 6b),
 * --keep (leave the data directory), --out FILE. BENCH_DATABASE_URL=postgres://… uses that server
 * instead of starting one; BENCH_PROFILE=1 writes CPU profiles of the API and the workers; BENCH_SHOW_SQL=1
 * prints the statements each floor replays (bench/lib/floors.ts).
 * Not a test: nothing here asserts a time; the targets are printed beside the figures.
 */
const argv = process.argv.slice(2);
// Entity column types are chosen from DATABASE_URL when the entity files load
// (src/core/database/column-types.ts), and the options already reach entity files through the
// dataset's seed data, so the engine is read from the arguments before anything else is imported.
if (argv.includes('--db') && argv[argv.indexOf('--db') + 1] === 'postgres')
  process.env.DATABASE_URL = 'postgres://bench@127.0.0.1/bench';
else delete process.env.DATABASE_URL;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseArgs } = require('./lib/options') as typeof import('./lib/options');
const opts = parseArgs(argv);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runBench } = require('./lib/run-bench') as typeof import('./lib/run-bench');

runBench(opts).then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
