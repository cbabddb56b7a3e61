import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from 'test/utils/free-port';
import { EmbeddedRedis, findRedisServer, RedisUnavailableError } from './embedded-redis';

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
