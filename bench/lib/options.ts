/** The options of `npm run bench` (see bench/bench.ts); --quick shrinks the defaults for a check run. */
import { join } from 'node:path';
import { DEFAULT_SPEC } from './dataset';

export interface Options {
  tasks: number;
  db: 'sqlite' | 'postgres';
  quick: boolean;
  workers: number;
  connections: number;
  duration: number;
  emails: number;
  importRows: number;
  updates: number;
  keep: boolean;
  out: string;
  /** Only the scenarios whose id starts with one of these ("--only 1,4,7"). */
  only: string[] | null;
}

export function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const o: Options = {
    tasks: quick ? 20_000 : DEFAULT_SPEC.tasks,
    db: 'sqlite',
    quick,
    workers: 2,
    connections: 16,
    duration: quick ? 3 : 10,
    emails: quick ? 1000 : 5000,
    importRows: quick ? 2000 : 10_000,
    updates: quick ? 1000 : 5000,
    keep: argv.includes('--keep'),
    out: join(__dirname, '..', 'results.json'),
    only: null,
  };
  const numeric: Record<string, keyof Options> = {
    '--tasks': 'tasks',
    '--workers': 'workers',
    '--connections': 'connections',
    '--duration': 'duration',
    '--emails': 'emails',
    '--import-rows': 'importRows',
    '--updates': 'updates',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick' || a === '--keep') continue;
    const value = argv[i + 1];
    if (a in numeric) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
        throw new Error(`${a} takes a whole number from 1 to 10,000,000`);
      (o as unknown as Record<string, number>)[numeric[a]] = n;
      i++;
    } else if (a === '--db') {
      if (value !== 'sqlite' && value !== 'postgres') throw new Error('--db takes sqlite or postgres');
      o.db = value;
      i++;
    } else if (a === '--only') {
      if (!value || !/^[0-9a-z]+(,[0-9a-z]+)*$/.test(value)) throw new Error('--only takes scenario ids: --only 1,4,7');
      o.only = value.split(',');
      i++;
    } else if (a === '--out') {
      o.out = value;
      i++;
    } else throw new Error(`unknown option ${a} (see bench/bench.ts)`);
  }
  return o;
}

/** Whether scenario `id` runs: "--only 1" runs 1, "--only 6" both 6a and 6b, "--only 6b" just that one. */
export function wants(o: Pick<Options, 'only'>, id: string): boolean {
  return !o.only || o.only.some((x) => x === id || x === id.replace(/[a-z]$/, ''));
}
