/**
 * The targets of issue #15 ("National scale"), per engine: SQLite at 100,000 tasks, PostgreSQL at
 * 1,000,000. Printed beside each figure; nothing here fails a run.
 */
export interface Target {
  text: string;
  met: (r: { p99Ms?: number; perSecond?: number; totalMs?: number; workerPeakMb?: number; apiPeakMb?: number }) => boolean;
}

const p99 = (ms: number, minRate?: number): Target => ({
  text: minRate ? `≥ ${minRate.toLocaleString('en-US')} req/s, p99 ≤ ${ms} ms` : `p99 ≤ ${ms} ms`,
  // No request finished (perSecond 0): its p99 of 0 ms is no latency at all, not a met target.
  met: (r) => (r.p99Ms ?? Infinity) <= ms && (r.perSecond ?? 1) > 0 && (minRate === undefined || (r.perSecond ?? 0) >= minRate),
});
const rate = (min: number, unit: string): Target => ({
  text: `≥ ${min.toLocaleString('en-US')} ${unit}`,
  met: (r) => (r.perSecond ?? 0) >= min,
});
const within = (ms: number, workerMb?: number): Target => ({
  text: `≤ ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}${workerMb ? `, worker ≤ ${workerMb} MB` : ''}`,
  met: (r) => (r.totalMs ?? Infinity) <= ms && (workerMb === undefined || (r.workerPeakMb ?? Infinity) <= workerMb),
});
const apiPeak = (mb: number): Target => ({ text: `API ≤ ${mb} MB`, met: (r) => (r.apiPeakMb ?? Infinity) <= mb });

const SQLITE: Record<string, Target> = {
  '1': p99(30, 1000),
  '2': p99(40, 800),
  '3': p99(60),
  '4': rate(1000, 'updates/s'),
  '5': p99(100),
  '6': within(1000),
  '7': within(1000),
  '8': rate(500, 'msg/s'),
  '9': apiPeak(200),
  '10': within(5000),
};
const POSTGRES: Record<string, Target> = {
  '1': p99(60, 500),
  '2': p99(100),
  '3': p99(150),
  '4': rate(1000, 'updates/s'),
  '5': p99(500),
  '6': within(10_000, 512),
  '7': within(10_000),
  '8': rate(500, 'msg/s'),
  '9': apiPeak(300),
  '10': within(5000),
};

/** The target of scenario `id` ("6a" → row 6's). */
export function targetsFor(db: 'sqlite' | 'postgres'): (id: string) => Target {
  const table = db === 'postgres' ? POSTGRES : SQLITE;
  return (id) => table[id.replace(/[a-z]$/, '')] ?? { text: '–', met: () => true };
}
