import { setFlagsFromString } from 'node:v8';

/** The API's old generation may grow by this share of what survived the last full collection before the next one. */
export const API_HEAP_GROWING_PERCENT = 50;

/**
 * Bounds how far V8 lets the heap grow between full collections. By default the factor is chosen
 * per collection from the allocation rate, up to 4× on a machine with this much memory: under
 * request load the API's old generation — mostly garbage promoted out of requests still in flight
 * at a young collection — grew from ~55 MB live to 200+ MB before V8 collected it, so the process
 * held 270–310 MB for a live heap of 55 MB (GET /api/me, 16 connections, SQLite 100,000 tasks).
 * With the factor fixed at 1.5 it peaked at ~210 MB for ~1 % more main-thread time in full
 * collections (scavenges, which this does not change, cost 4–5 %). V8 reads the flag at every
 * collection, so setting it at start works (main.ts imports api-heap.ts first, before the module loading that
 * already collects); an explicit `--heap-growing-percent` on the command
 * line wins. A ceiling (`--max-old-space-size`) would bound memory too, but only as a start flag and
 * by crashing a request that needs more; this one only changes when the collector runs.
 */
export function limitHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
