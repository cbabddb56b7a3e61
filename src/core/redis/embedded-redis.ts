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

/** Restart delays after the private redis-server dies: 0.5 s doubling to 30 s, reset once it has run a minute. */
export const REDIS_RESTART_BASE_MS = 500;
export const REDIS_RESTART_MAX_MS = 30_000;
const REDIS_STABLE_MS = 60_000;

export function redisRestartDelay(failuresInARow: number): number {
  return Math.min(REDIS_RESTART_BASE_MS * 2 ** Math.max(0, Math.min(failuresInARow, 16)), REDIS_RESTART_MAX_MS);
}

interface StartOptions {
  port: number;
  dir: string;
  binary?: string | null;
  log?: (msg: string) => void;
  /** Restart the child with backoff when it dies (default true); stop() ends the supervision. */
  supervise?: boolean;
}

/**
 * The private redis-server the app starts when REDIS_URL is unset: loopback only, its own port,
 * append-only data under DATA_DIR/redis (queued jobs survive a restart), stopped with the app.
 * It is supervised: if it dies (kill -9, out of memory) it is started again with backoff, on the
 * same port and data, and the app's clients reconnect by themselves.
 */
export class EmbeddedRedis {
  /** How many times the supervisor started redis-server again. */
  restarts = 0;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly port: number,
    private child: ChildProcess | null,
    private readonly opts: StartOptions & { binary: string | null },
  ) {
    if (child && opts.supervise !== false) this.watch(child, 0);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The redis-server process id, when this process started it. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  static async start(opts: StartOptions): Promise<EmbeddedRedis> {
    const log = opts.log ?? (() => undefined);
    mkdirSync(opts.dir, { recursive: true });
    const existing = await ping(opts.port);
    if (existing) {
      // Ours if it keeps its data in our directory (a sibling process, or one left by a crash).
      const [, dir] = (await existing.config('GET', 'dir')) as [string, string];
      existing.disconnect();
      if (dir === opts.dir) {
        log(`reusing redis-server already running on 127.0.0.1:${opts.port} for ${opts.dir}`);
        return new EmbeddedRedis(opts.port, null, { ...opts, binary: null });
      }
      throw new RedisUnavailableError(
        `REDIS_PORT ${opts.port} is in use by another Redis (data in ${dir}). Set REDIS_PORT to a free port or REDIS_URL to use that server.`,
      );
    }
    const binary = opts.binary === undefined ? findRedisServer() : opts.binary;
    if (!binary) throw new RedisUnavailableError(HOW_TO_GET_REDIS);
    const child = await spawnRedis(binary, opts.port, opts.dir);
    log(`started redis-server on 127.0.0.1:${opts.port} (data in ${opts.dir})`);
    return new EmbeddedRedis(opts.port, child, { ...opts, binary });
  }

  private watch(child: ChildProcess, failuresInARow: number): void {
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const failures = Date.now() - startedAt > REDIS_STABLE_MS ? 0 : failuresInARow;
      const delay = redisRestartDelay(failures);
      this.log(`redis-server exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      this.scheduleRestart(delay, failures + 1);
    });
  }

  private scheduleRestart(delay: number, failuresInARow: number): void {
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping || !this.opts.binary) return;
      spawnRedis(this.opts.binary, this.port, this.opts.dir).then(
        (child) => {
          if (this.stopping) {
            child.kill('SIGTERM');
            return;
          }
          this.child = child;
          this.restarts++;
          this.log(`redis-server restarted on 127.0.0.1:${this.port} (restart ${this.restarts})`);
          this.watch(child, failuresInARow);
        },
        (err: Error) => {
          const next = redisRestartDelay(failuresInARow);
          this.log(`redis-server could not be restarted (${err.message}); trying again in ${next} ms`);
          this.scheduleRestart(next, failuresInARow + 1);
        },
      );
    }, delay);
    this.restartTimer.unref();
  }

  private log(msg: string): void {
    (this.opts.log ?? (() => undefined))(msg);
  }

  /** Stops the child we started (SIGTERM lets it flush the append-only file) and its supervision; leaves a reused one alone. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts redis-server and resolves once it answers PING (bounded), or rejects saying why it could not. */
async function spawnRedis(binary: string, port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    binary,
    [
      '--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--protected-mode', 'yes',
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
          ? `REDIS_PORT ${port} is in use by another program. Set REDIS_PORT to a free port or REDIS_URL.`
          : `redis-server exited with code ${raced.code}: ${output.trim().split('\n').slice(-3).join(' | ')}`,
      );
    }
    const client = await ping(port);
    if (client) {
      client.disconnect();
      return child;
    }
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not answer on 127.0.0.1:${port} within 15 s`);
}
