/**
 * What a bench run measured, its table, and bench/results.json (one entry per database and size,
 * so the SQLite and the PostgreSQL run are kept side by side).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';

export interface ScenarioResult {
  id: string;
  name: string;
  /** What was done: "16 connections, 10 s", "5,000 messages" … */
  load: string;
  p50Ms?: number;
  p99Ms?: number;
  totalMs?: number;
  throughput?: number;
  unit?: string;
  apiPeakMb: number;
  workerPeakMb: number;
  target: string;
  met: boolean | null;
  /** What the machine does for the same work without the app around it (bench/lib/floors.ts). */
  floor?: string;
  note?: string;
}

export interface RunResults {
  command: string;
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string };
  options: Record<string, unknown>;
  dataset: Record<string, unknown>;
  scenarios: ScenarioResult[];
  checks: Record<string, unknown>;
}

export function machine(): RunResults['machine'] {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
  };
}

const ms = (v?: number) =>
  v === undefined ? '' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;

/** A Markdown table: printed at the end of a run and pasted into BENCHMARKS.md. */
export function formatTable(scenarios: ScenarioResult[]): string {
  const rows = [
    ['#', 'scenario', 'load', 'p50', 'p99', 'total', 'throughput', 'API peak', 'worker peak', 'target', 'met', 'floor'],
    ...scenarios.map((s) => [
      s.id,
      s.name,
      s.load,
      ms(s.p50Ms),
      ms(s.p99Ms),
      ms(s.totalMs),
      s.throughput === undefined ? '' : `${s.throughput.toFixed(s.throughput < 100 ? 1 : 0)} ${s.unit ?? '/s'}`,
      `${s.apiPeakMb} MB`,
      `${s.workerPeakMb} MB`,
      s.target,
      s.met === null ? '–' : s.met ? 'yes' : '**no**',
      s.floor ?? '',
    ]),
  ];
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

export function saveResults(file: string, key: string, run: RunResults): void {
  let all: Record<string, RunResults> = {};
  if (existsSync(file)) {
    try {
      all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, RunResults>;
    } catch {
      all = {};
    }
  }
  all[key] = run;
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}
