import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { readyClient } from './queue-connection';
import { ALL_QUEUES } from './queue-names';

/**
 * Shutdown (SIGTERM, app.close()) while Redis is unreachable. @nestjs/bullmq closes workers and queues
 * gracefully: a worker waits for its running jobs and blocking fetch, a queue sends QUIT, and with Redis
 * gone both wait in ioredis's offline queue forever (maxRetriesPerRequest: null). BullMQ's
 * `queue.disconnect()` does not help: it waits for ioredis's 'end' event, which ioredis never emits when
 * disconnect() lands while its reconnect timer is pending (the usual state with Redis down) — the
 * shutdown hung there and every client of the app kept reconnecting (issue #17).
 *
 * So when Redis does not answer at shutdown, workers and queues are closed with force: the socket is
 * dropped without waiting (nothing is lost: jobs live in Redis, a running job's lock expires and it comes
 * back as stalled, as after a crash). The graceful close that follows finds them closed.
 */
@Injectable()
export class QueueShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueShutdown.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const queues = ALL_QUEUES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const ready = await Promise.all(queues.map((queue) => readyClient(queue)));
    if (ready.every((client) => client !== null)) return;
    this.logger.warn('Redis does not answer at shutdown: closing the queues and workers without waiting for it');
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    await Promise.all(workers.map((host) => host.worker.close(true)));
    // Queue.close() takes no force flag; its backend does, and Queue.close() then reuses that closing.
    await Promise.all(queues.map((queue) => queue.backend.close(true)));
  }
}
