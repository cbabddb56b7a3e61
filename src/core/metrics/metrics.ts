import { NextFunction, Request, Response } from 'express';
import { createServer, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client). One registry per process: the API (with its
 * in-process workers) serves it at /metrics, a separate worker on METRICS_PORT. Every metric is
 * defined here so names and labels stay one list.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'nhiemvu_' });

export const httpDuration = new Histogram({
  name: 'nhiemvu_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const queueJobs = new Gauge({
  name: 'nhiemvu_queue_jobs',
  help: 'Jobs in each queue by state, read from Redis at scrape time',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'nhiemvu_job_duration_seconds',
  help: 'Time a job attempt took, by queue, job name and outcome (completed or failed)',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  registers: [registry],
});

export const jobFailures = new Counter({
  name: 'nhiemvu_job_failures_total',
  help: 'Job attempts that threw (BullMQ retries them until their attempts are spent)',
  labelNames: ['queue', 'job'] as const,
  registers: [registry],
});

export const remindersSent = new Counter({
  name: 'nhiemvu_reminders_sent_total',
  help: 'Reminder points recorded into digests (one per task reminded)',
  registers: [registry],
});

export const mailDelivered = new Counter({
  name: 'nhiemvu_mail_total',
  help: 'Messages by kind and final outcome: sent, partial (some recipients refused) or failed',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

export const importRuns = new Counter({
  name: 'nhiemvu_import_runs_total',
  help: 'Background import runs finished, by status',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const reportRuns = new Counter({
  name: 'nhiemvu_report_runs_total',
  help: 'Report runs finished, by status',
  labelNames: ['status'] as const,
  registers: [registry],
});

/** Express middleware: the latency of every request, labelled by the route pattern it matched (never the raw URL). */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  res.once('finish', () => {
    const matched: unknown = req.route; // Express types the matched route as any
    const route = typeof matched === 'object' && matched !== null && 'path' in matched && typeof matched.path === 'string' ? matched.path : undefined;
    end({ method: req.method, route: route ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) });
  });
  next();
}

/** Whether `header` (an Authorization value) carries `token`, compared in constant time. */
export function metricsTokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Reads every queue's job counts into `nhiemvu_queue_jobs`; a queue Redis cannot answer for is left out. */
export async function collectQueueDepths(queues: { name: string; getJobCounts: () => Promise<Record<string, number>> }[]): Promise<void> {
  queueJobs.reset();
  await Promise.all(
    queues.map(async (q) => {
      const counts = await Promise.race([q.getJobCounts(), new Promise<null>((r) => setTimeout(() => r(null), 1000).unref())]).catch(() => null);
      for (const [state, n] of Object.entries(counts ?? {})) queueJobs.set({ queue: q.name, state }, n);
    }),
  );
}

/** The text a scrape gets, with the queue depths read just before. */
export async function scrape(queues: Parameters<typeof collectQueueDepths>[0]): Promise<string> {
  await collectQueueDepths(queues);
  return registry.metrics();
}

/**
 * A worker process has no HTTP server: with METRICS_PORT set it serves its own /metrics on
 * HOST:METRICS_PORT (bearer METRICS_TOKEN), so job durations and failures of every worker reach Prometheus.
 */
export function serveWorkerMetrics(opts: { host: string; port: number; token: string | null; queues: Parameters<typeof collectQueueDepths>[0] }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics' || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    if (opts.token && !metricsTokenMatches(req.headers.authorization, opts.token)) {
      res.writeHead(401).end();
      return;
    }
    scrape(opts.queues).then(
      (body) => res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve(server));
  });
}
