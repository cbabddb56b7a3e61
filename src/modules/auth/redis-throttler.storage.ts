import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AppConfig } from 'src/core/config/configuration';
import { redisOptionsFromUrl } from 'src/core/redis/redis-connection';

/**
 * KEYS[1] the hit counter, KEYS[2] the block flag; ARGV ttl (ms), limit, block duration (ms).
 * Returns {hits, counter ttl (ms), blocked 0|1, block ttl (ms)}: a fixed window of `ttl`; the hit
 * after `limit` blocks the key for the block duration, during which hits are not counted.
 */
const INCREMENT_SCRIPT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return { hits, redis.call('PTTL', KEYS[1]), 1, blockTtl }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, ttl, 1, tonumber(ARGV[3]) }
end
return { hits, ttl, 0, 0 }
`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long start-up waits for Redis before counting in memory for the first requests. */
const CONNECT_WAIT_MS = 2000;

/**
 * Login rate-limit counters in Redis, so that the limits per address and per account hold across
 * every API process (production runs several behind a load balancer; in-memory counters would
 * multiply the limit by their number). When Redis cannot answer, the counters fall back to this
 * process's memory: logins stay limited and never fail because Redis is down.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  /** Created at the first Redis failure (its sweep timer is only needed then). */
  private fallback: ThrottlerStorageService | null = null;
  private readonly redis: Redis;
  private degraded = false;

  constructor(config: ConfigService<AppConfig, true>) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.get('redis.url', { infer: true })),
      keyPrefix: 'nhiemvu:throttle:',
      lazyConnect: true,
      // Fail fast instead of queueing while disconnected: the request falls back to memory.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
      retryStrategy: (times: number) => Math.min(times * 200, 5000),
    });
    this.redis.on('error', () => undefined); // reported once per outage in increment()
  }

  async onModuleInit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS)));
    await Promise.race([this.redis.connect().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
    this.fallback?.onApplicationShutdown();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, ttlMs, blocked, blockMs] = (await this.redis.eval(
        INCREMENT_SCRIPT,
        2,
        `${throttlerName}:${key}:hits`,
        `${throttlerName}:${key}:block`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('login rate limits are counted in Redis again');
      }
      return {
        totalHits: hits,
        timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
      };
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(`Redis unavailable for login rate limits (${(err as Error).message}); counting in this process's memory`);
      }
      this.fallback ??= new ThrottlerStorageService();
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
