import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from 'test/utils/free-port';
import { waitFor } from 'test/utils/spawn-process';
import { EmbeddedRedis, findRedisServer, redisRestartDelay, RedisUnavailableError, REDIS_RESTART_MAX_MS } from './embedded-redis';

describe(EmbeddedRedis.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nhiemvu-redis-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should start a private redis-server on loopback and stop it', async () => {
    const port = await freePort();
    const sut = await EmbeddedRedis.start({ port, dir });
    const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'dir')).toEqual(['dir', dir]);
    client.disconnect();
    await sut.stop();
    const after = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    after.on('error', () => undefined);
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it('should start redis-server again after it is killed, with its data, and stop supervising on stop()', async () => {
    const port = await freePort();
    const logs: string[] = [];
    const sut = await EmbeddedRedis.start({ port, dir, log: (m) => logs.push(m) });
    const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
    await client.set('kept', 'yes');
    const first = sut.pid!;
    process.kill(first, 'SIGKILL');
    await waitFor(() => Promise.resolve(sut.restarts === 1), 20_000, 'the restart');
    expect(sut.pid).not.toBe(first);
    expect(await client.get('kept')).toBe('yes'); // the client reconnected; the append-only file kept the key
    expect(logs.join('\n')).toMatch(/exited unexpectedly \(SIGKILL\); restarting in \d+ ms[\s\S]*restarted on 127\.0\.0\.1/);
    client.disconnect();
    await sut.stop();
    await new Promise((r) => setTimeout(r, 1500));
    expect(sut.restarts).toBe(1);
    const after = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    after.on('error', () => undefined);
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it('should back off between restarts, up to a cap', () => {
    expect([0, 1, 2, 3].map(redisRestartDelay)).toEqual([500, 1000, 2000, 4000]);
    expect(redisRestartDelay(40)).toBe(REDIS_RESTART_MAX_MS);
  });

  it('should say how to get redis-server when none is installed', async () => {
    await expect(EmbeddedRedis.start({ port: await freePort(), dir, binary: null })).rejects.toThrow(/apt-get install redis-server.*REDIS_URL/s);
  });

  it('should explain a port taken by another program', async () => {
    const port = await freePort();
    const blocker: Server = createServer((s) => s.end('nope\r\n'));
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const err = await EmbeddedRedis.start({ port, dir }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(RedisUnavailableError);
      expect((err as Error).message).toMatch(new RegExp(`REDIS_PORT ${port} is in use`));
    } finally {
      blocker.close();
    }
  });

  it('should find redis-server on this machine', () => {
    expect(findRedisServer()).toMatch(/redis-server$/);
  });
});
