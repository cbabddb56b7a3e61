import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import Redis from 'ioredis';

export class RedisUnavailableError extends Error {}

const HOW_TO_GET_REDIS =
  'redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`; ' +
  'macOS: `brew install redis`), or set REDIS_URL to an existing Redis, Sentinel or Valkey.';

export function findRedisServer(pathEnv = process.env.PATH ?? ''): string | null {
  const dirs = [...pathEnv.split(delimiter), '/usr/bin', '/usr/local/bin', '/usr/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

async function ping(port: number): Promise<Redis | null> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch {
    client.disconnect();
    return null;
  }
}

/**
 * The private redis-server the app starts when REDIS_URL is unset: loopback only, its own port,
 * append-only data under DATA_DIR/redis (queued jobs survive a restart), stopped with the app.
 */
export class EmbeddedRedis {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess | null,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(opts: { port: number; dir: string; binary?: string | null; log?: (msg: string) => void }): Promise<EmbeddedRedis> {
    const log = opts.log ?? (() => undefined);
    mkdirSync(opts.dir, { recursive: true });
    const existing = await ping(opts.port);
    if (existing) {
      // Ours if it keeps its data in our directory (a sibling process, or one left by a crash).
      const [, dir] = (await existing.config('GET', 'dir')) as [string, string];
      existing.disconnect();
      if (dir === opts.dir) {
        log(`reusing redis-server already running on 127.0.0.1:${opts.port} for ${opts.dir}`);
        return new EmbeddedRedis(opts.port, null);
      }
      throw new RedisUnavailableError(
        `REDIS_PORT ${opts.port} is in use by another Redis (data in ${dir}). Set REDIS_PORT to a free port or REDIS_URL to use that server.`,
      );
    }
    const binary = opts.binary === undefined ? findRedisServer() : opts.binary;
    if (!binary) throw new RedisUnavailableError(HOW_TO_GET_REDIS);

    const child = spawn(
      binary,
      [
        '--bind', '127.0.0.1', '--port', String(opts.port), '--dir', opts.dir, '--protected-mode', 'yes',
        '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', '', '--loglevel', 'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const raced = await Promise.race([exited.then((code) => ({ code })), new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      if (raced) {
        const inUse = /Address already in use/i.test(output);
        throw new RedisUnavailableError(
          inUse
            ? `REDIS_PORT ${opts.port} is in use by another program. Set REDIS_PORT to a free port or REDIS_URL.`
            : `redis-server exited with code ${raced.code}: ${output.trim().split('\n').slice(-3).join(' | ')}`,
        );
      }
      const client = await ping(opts.port);
      if (client) {
        client.disconnect();
        log(`started redis-server on 127.0.0.1:${opts.port} (data in ${opts.dir})`);
        return new EmbeddedRedis(opts.port, child);
      }
    }
    child.kill('SIGKILL');
    throw new RedisUnavailableError(`redis-server did not answer on 127.0.0.1:${opts.port} within 15 s`);
  }

  /** Stops the child we started (SIGTERM lets it flush the append-only file); leaves a reused one alone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
