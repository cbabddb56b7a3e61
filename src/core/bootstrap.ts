import { ConsoleLogger, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, ConfigError, loadConfiguration } from './config/configuration';
import { describeDatabase, runMigrations } from './database/prepare-database';
import { EmbeddedRedis } from './redis/embedded-redis';

const logger = new Logger('Bootstrap');

/** Validated configuration, or exit 1 with a message naming each bad variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    const config = loadConfiguration(process.env);
    // Until Nest hands over to pino, speak the same format (JSON in production).
    if (config.app.logFormat === 'json') Logger.overrideLogger(new ConsoleLogger({ json: true, colors: false }));
    return config;
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `Cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}

/** Starts the private redis-server when REDIS_URL is unset, then applies pending migrations. */
export async function prepareRuntime(config: AppConfig): Promise<{ redis: EmbeddedRedis | null }> {
  let redis: EmbeddedRedis | null = null;
  if (config.redis.embedded) {
    redis = await EmbeddedRedis.start({
      port: config.redis.embeddedPort,
      dir: config.redis.embeddedDir,
      log: (m) => (/unexpectedly|could not/.test(m) ? logger.warn(m) : logger.log(m)),
    });
  }
  try {
    logger.log(`database: ${describeDatabase(config)}`);
    await runMigrations(config, logger);
  } catch (err) {
    await redis?.stop();
    throw err;
  }
  return { redis };
}

/** Whether the Redis at `url` answers PING within `timeoutMs` (one connection, never retried). */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** How long a shutdown waits for Nest to close when Redis is gone (queue clients would wait for it). */
const CLOSE_WITHOUT_REDIS_MS = 3_000;

/**
 * SIGTERM/SIGINT: close Nest (HTTP first, then BullMQ workers finish their running jobs), then stop
 * the private redis-server. With Redis gone no job can finish and the queue clients would wait for
 * it, so the close is bounded to a few seconds. A second signal exits at once.
 */
export function installShutdown(close: () => Promise<void>, redis: EmbeddedRedis | null, redisUrl: string): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal} received: shutting down`);
    // Running jobs get this long to finish; then the process leaves anyway (BullMQ retries them elsewhere).
    setTimeout(() => {
      logger.error('shutdown took longer than 30 s: exiting');
      process.exit(1);
    }, 30_000).unref();
    void (async () => {
      try {
        if (await redisAnswers(redisUrl)) await close();
        else {
          logger.warn('Redis is not answering: closing without waiting for the queues');
          await Promise.race([close(), new Promise((r) => setTimeout(r, CLOSE_WITHOUT_REDIS_MS).unref())]);
        }
        await redis?.stop();
        logger.log('stopped');
        process.exit(0);
      } catch (err) {
        logger.error(`shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

export function fail(err: unknown): never {
  console.error(`Cannot start: ${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
}
