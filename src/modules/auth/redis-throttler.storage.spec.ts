import { ConfigService } from '@nestjs/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from 'src/core/config/configuration';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { freePort } from 'test/utils/free-port';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const TTL = 60_000;
const LIMIT = 3;

function storageFor(url: string): RedisThrottlerStorage {
  return new RedisThrottlerStorage({ get: () => url } as unknown as ConfigService<AppConfig, true>);
}

async function hits(sut: RedisThrottlerStorage, key: string, n: number, name = 'account') {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await sut.increment(key, TTL, LIMIT, TTL, name));
  return out;
}

describe(RedisThrottlerStorage.name, () => {
  describe('with Redis', () => {
    let dir: string;
    let redis: EmbeddedRedis;
    let url: string;
    const opened: RedisThrottlerStorage[] = [];

    const open = async () => {
      const sut = storageFor(url);
      await sut.onModuleInit();
      opened.push(sut);
      return sut;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'nhiemvu-throttle-'));
      const port = await freePort();
      redis = await EmbeddedRedis.start({ port, dir });
      url = `redis://127.0.0.1:${port}`;
    });
    afterAll(async () => {
      for (const s of opened) s.onApplicationShutdown();
      await redis?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('should allow `limit` hits in the window and block the next one', async () => {
      const sut = await open();
      const results = await hits(sut, 'k1', LIMIT + 2);
      expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true, true]);
      expect(results.map((r) => r.totalHits).slice(0, 4)).toEqual([1, 2, 3, 4]);
      expect(results[0].timeToExpire).toBeGreaterThan(55);
      expect(results[3].timeToBlockExpire).toBeGreaterThan(55);
    });

    it('should share the counters between processes (two storages, one Redis)', async () => {
      const a = await open();
      const b = await open();
      await hits(a, 'shared', 2);
      const [third] = await hits(b, 'shared', 1);
      expect(third).toMatchObject({ totalHits: 3, isBlocked: false });
      const [fourth] = await hits(a, 'shared', 1);
      expect(fourth.isBlocked).toBe(true);
      expect((await hits(b, 'shared', 1))[0].isBlocked).toBe(true);
    });

    it('should keep keys and throttler names apart', async () => {
      const sut = await open();
      await hits(sut, 'k2', LIMIT + 1, 'address');
      expect((await hits(sut, 'k2', 1, 'account'))[0].isBlocked).toBe(false);
      expect((await hits(sut, 'k3', 1, 'address'))[0].isBlocked).toBe(false);
    });
  });

  describe('without Redis', () => {
    it('should count in memory and still block', async () => {
      const sut = storageFor(`redis://127.0.0.1:${await freePort()}`);
      await sut.onModuleInit();
      try {
        const results = await hits(sut, 'k', LIMIT + 1);
        expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
      } finally {
        sut.onApplicationShutdown();
      }
    });
  });
});
