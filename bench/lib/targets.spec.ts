import { targetsFor } from './targets';

describe('bench targets (issue #15)', () => {
  it('reads the row of a lettered scenario and judges each engine by its own column', () => {
    const sqlite = targetsFor('sqlite');
    const pg = targetsFor('postgres');
    expect(sqlite('1').text).toBe('≥ 1,000 req/s, p99 ≤ 30 ms');
    expect(sqlite('1').met({ p99Ms: 25, perSecond: 1200 })).toBe(true);
    expect(sqlite('1').met({ p99Ms: 25, perSecond: 900 })).toBe(false);
    expect(pg('1').met({ p99Ms: 55, perSecond: 600 })).toBe(true);
    // A run in which no request finished has p99 0 ms: not met.
    expect(pg('2').met({ p99Ms: 0, perSecond: 0 })).toBe(false);
    expect(pg('2').met({ p99Ms: 90, perSecond: 12 })).toBe(true);
    expect(sqlite('6b').met({ totalMs: 900, workerPeakMb: 2000 })).toBe(true);
    expect(pg('6b').met({ totalMs: 9000, workerPeakMb: 600 })).toBe(false);
    expect(pg('9').met({ apiPeakMb: 290 })).toBe(true);
    expect(sqlite('9').met({ apiPeakMb: 290 })).toBe(false);
    expect(sqlite('0').text).toBe('–');
  });
});
