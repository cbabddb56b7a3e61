import Redis from 'ioredis';
import { TestApp } from 'test/utils/create-test-app';

/** ioredis keeps its pending reconnect in a private timer; a client with one will open a socket again. */
function stillReconnecting(client: Redis): boolean {
  const timer = (client as unknown as { reconnectTimeout: NodeJS.Timeout | null }).reconnectTimeout;
  // disconnect() while a reconnect is pending clears the timer but leaves status 'reconnecting' (an ioredis
  // quirk): such a client is finished. Any other status than 'end' is a live or pending connection.
  return client.status === 'reconnecting' ? timer !== null : client.status !== 'end';
}

/**
 * A SIGTERM while Redis is unreachable: the app must finish closing, and leave none of the Redis clients
 * it made (BullMQ queues and workers, the login throttler) reconnecting — one left so keeps the process
 * alive (issue #17: the handle behind jest's --forceExit). Before QueueShutdown, app.close() never returned.
 */
describe('shutdown with Redis down (e2e)', () => {
  let t: TestApp;
  const clients = new Set<Redis>();

  beforeAll(async () => {
    // Every ioredis client goes through connect(): BullMQ's at construction, lazy ones (the throttler's) later.
    const connect = Redis.prototype.connect;
    jest.spyOn(Redis.prototype, 'connect').mockImplementation(function (this: Redis, ...args: Parameters<Redis['connect']>) {
      clients.add(this);
      return connect.apply(this, args);
    });
    t = await TestApp.start({ workers: true });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('should close the app and leave no Redis client reconnecting when Redis is down', async () => {
    await t.waitForHealth(200);
    await t.redis.stop();
    await t.http.get('/health').expect(503);
    // Not TestApp.close(), which gives up on the app after a while: here the app itself must finish closing.
    await t.app.close();
    expect(clients.size).toBeGreaterThan(10); // 5 queues, their workers (two connections each), the throttler
    const left = [...clients].filter(stillReconnecting).map((c) => `${c.options.keyPrefix || 'bullmq'}: ${c.status}`);
    expect(left).toEqual([]);
  });
});
