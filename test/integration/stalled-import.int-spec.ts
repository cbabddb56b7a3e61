import { Job, Queue, Worker } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueName } from 'src/core/queue/queue-names';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { IMPORT_WORKER_OPTIONS, ImportsProcessor } from 'src/modules/imports/imports.processor';
import { freePort } from 'test/utils/free-port';
import { waitFor } from 'test/utils/spawn-process';

/**
 * An import whose worker dies mid-run is handed to another worker within seconds: two real BullMQ
 * workers on a real redis-server with the imports processor's options; the first one takes the
 * job and stops renewing its lock (as a killed process does).
 */
describe('stalled import (integration)', () => {
  let dir: string;
  let redis: EmbeddedRedis;
  let queue: Queue;
  const workers: Worker[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-stall-'));
    redis = await EmbeddedRedis.start({ port: await freePort(), dir });
    queue = new Queue(QueueName.Imports, { connection: { host: '127.0.0.1', port: redis.port } });
  });
  afterAll(async () => {
    for (const w of workers) await w.close(true).catch(() => undefined);
    await queue?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should run the imports processor with a short lock and stalled check', () => {
    expect(Reflect.getMetadata('bullmq:worker_metadata', ImportsProcessor)).toEqual(IMPORT_WORKER_OPTIONS);
    expect(IMPORT_WORKER_OPTIONS.lockDuration + IMPORT_WORKER_OPTIONS.stalledInterval).toBeLessThanOrEqual(15_000);
  });

  it('should hand the job of a worker that died to another worker', async () => {
    const connection = { host: '127.0.0.1', port: redis.port };
    let takenByFirst!: () => void;
    const taken = new Promise<void>((r) => (takenByFirst = r));
    const first = new Worker(
      QueueName.Imports,
      () => {
        takenByFirst();
        return new Promise(() => undefined); // never finishes: the process "dies" below
      },
      { connection, ...IMPORT_WORKER_OPTIONS },
    );
    workers.push(first);
    await queue.add('run-import', { importRunId: 1 }, { jobId: 'import-1', attempts: 3 });
    await taken;
    // A killed process stops renewing its lock; close(true) stops this worker the same way, without finishing the job.
    await first.close(true);

    const doneBy: string[] = [];
    const second = new Worker(
      QueueName.Imports,
      (job: Job) => {
        doneBy.push(String(job.id));
        return Promise.resolve('ok');
      },
      { connection, ...IMPORT_WORKER_OPTIONS },
    );
    workers.push(second);
    // Bounded well under BullMQ's default (30 s lock + 30 s stalled check).
    await waitFor(() => Promise.resolve(doneBy.includes('import-1')), 25_000, 'the stalled import picked up by the second worker');
    expect(await (await queue.getJob('import-1'))?.getState()).toBe('completed');
  });
});
