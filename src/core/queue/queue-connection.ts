import { Queue } from 'bullmq';

type QueueClient = Awaited<Queue['backend']['client']>;

/**
 * The queue's Redis client if it is connected and ready, else null — without waiting: the backend's `client`
 * itself waits for the first connection, which never comes while Redis is unreachable.
 */
export async function readyClient(queue: Queue, waitMs = 300): Promise<QueueClient | null> {
  const client = await Promise.race([
    queue.backend.client.catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref()),
  ]);
  return client && client.status === 'ready' ? client : null;
}
