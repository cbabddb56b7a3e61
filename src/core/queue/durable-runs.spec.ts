import { Job } from 'bullmq';
import { DurableRun, DurableRuns } from './durable-runs';
import { JobName } from './job-names';
import { JobProducer } from './job-producer.service';

type FakeJob = { state: string; returnvalue?: unknown; removed?: boolean };

function setup(jobs: Record<string, FakeJob> = {}, failAfter = Infinity) {
  const added: { name: string; data: unknown; jobId?: string }[] = [];
  const roundTrips: number[] = [];
  const queue = {
    backend: { client: Promise.resolve({ status: 'ready' }) },
    getJob: (id: string) =>
      Promise.resolve(
        jobs[id] ? ({ returnvalue: jobs[id].returnvalue, getState: () => Promise.resolve(jobs[id].state), remove: () => Promise.resolve((jobs[id].removed = true)) } as unknown as Job) : undefined,
      ),
  };
  const producer = {
    queue: () => queue,
    enqueue: (name: string, data: unknown, opts: { jobId?: string }) => {
      if (added.length >= failAfter) return Promise.reject(new Error('redis down'));
      added.push({ name, data, jobId: opts.jobId });
      roundTrips.push(1);
      return Promise.resolve(opts.jobId);
    },
    // All or none, as BullMQ's addBulk.
    enqueueMany: (name: string, list: { data: unknown; opts: { jobId?: string } }[]) => {
      if (added.length + list.length > failAfter) return Promise.reject(new Error('redis down'));
      added.push(...list.map((j) => ({ name, data: j.data, jobId: j.opts.jobId })));
      roundTrips.push(list.length);
      return Promise.resolve();
    },
  } as unknown as JobProducer;
  const repaired: number[] = [];
  const run: DurableRun<JobName.SendEmail> = {
    label: 'mail',
    job: JobName.SendEmail,
    jobId: (id) => `mail-${id}`,
    payload: (id) => ({ mailMessageId: id }),
    staleQueued: () => Promise.resolve([1, 2, 3, 4, 5]),
    repairCompleted: (id, job) => {
      if (job.returnvalue !== 'sent') return Promise.resolve(false);
      repaired.push(id);
      return Promise.resolve(true);
    },
  };
  return { durable: new DurableRuns(producer), run, added, repaired, jobs, roundTrips };
}

describe(DurableRuns.name, () => {
  describe('handle (the one failure policy)', () => {
    const calls = () => {
      const log: string[] = [];
      return {
        log,
        on: {
          permanent: (err: unknown) => (err as Error).message === 'refused',
          retry: (m: string) => Promise.resolve(void log.push(`retry ${m}`)),
          fail: (m: string) => Promise.resolve((log.push(`fail ${m}`), 'failed')),
        },
      };
    };

    it('should pass a success through untouched', async () => {
      const { durable } = setup();
      const { log, on } = calls();
      await expect(durable.handle({ final: false }, () => Promise.resolve('done'), on)).resolves.toBe('done');
      expect(log).toEqual([]);
    });

    it('should record a temporary error and throw it for a retry before the last attempt', async () => {
      const { durable } = setup();
      const { log, on } = calls();
      await expect(durable.handle({ final: false }, () => Promise.reject(new Error('timeout')), on)).rejects.toThrow('timeout');
      expect(log).toEqual(['retry timeout']);
    });

    it('should record the last attempt as final and complete the job', async () => {
      const { durable } = setup();
      const { log, on } = calls();
      await expect(durable.handle({ final: true }, () => Promise.reject(new Error('timeout')), on)).resolves.toBe('failed');
      expect(log).toEqual(['fail timeout']);
    });

    it('should not retry a permanent error', async () => {
      const { durable } = setup();
      const { log, on } = calls();
      await expect(durable.handle({ final: false }, () => Promise.reject(new Error('refused')), on)).resolves.toBe('failed');
      expect(log).toEqual(['fail refused']);
    });
  });

  it('should add one job per row with its deterministic id', async () => {
    const { durable, run, added } = setup();
    expect(await durable.dispatch(run, [7, 8, 9])).toBe(3);
    expect(added).toEqual([
      { name: JobName.SendEmail, data: { mailMessageId: 7 }, jobId: 'mail-7' },
      { name: JobName.SendEmail, data: { mailMessageId: 8 }, jobId: 'mail-8' },
      { name: JobName.SendEmail, data: { mailMessageId: 9 }, jobId: 'mail-9' },
    ]);
  });

  it('should add many rows 500 per round trip, and stop at the first refused one', async () => {
    const { durable, run, added, roundTrips } = setup({}, 1000);
    const ids = Array.from({ length: 1200 }, (_, i) => i + 1);
    expect(await durable.dispatch(run, ids)).toBe(1000);
    expect(roundTrips).toEqual([500, 500]);
    expect(added.map((a) => a.jobId)).toEqual(ids.slice(0, 1000).map((id) => `mail-${id}`));
  });

  it('should sweep: add lost jobs, leave pending ones, repair completed rows, replace finished ones', async () => {
    const { durable, run, added, repaired, jobs } = setup({
      'mail-2': { state: 'waiting' },
      'mail-3': { state: 'completed', returnvalue: 'sent' },
      'mail-4': { state: 'failed' },
      'mail-5': { state: 'completed', returnvalue: 'skipped' },
    });
    expect(await durable.sweep(run)).toBe(3);
    expect(added.map((a) => a.jobId)).toEqual(['mail-1', 'mail-4', 'mail-5']);
    expect(repaired).toEqual([3]);
    expect([jobs['mail-2'].removed, jobs['mail-4'].removed, jobs['mail-5'].removed]).toEqual([undefined, true, true]);
  });
});
