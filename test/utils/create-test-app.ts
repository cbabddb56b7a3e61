import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ApiModule } from 'src/api.module';
import { AppConfig, loadConfiguration } from 'src/core/config/configuration';
import { runMigrations } from 'src/core/database/prepare-database';
import { configureApp } from 'src/core/http/configure-app';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { freePort } from './free-port';
import { SmtpTestServer } from './smtp-test-server';
import { createTestDatabase, TestDatabase } from './test-db';

export const TEST_ADMIN = { email: 'admin@nhiemvu.example', password: 'admin-test-password' };

export interface TestAppOptions {
  /** Run the BullMQ processors in the app (as `npm start` does). Default true. */
  workers?: boolean;
  /** Start an SMTP listener on loopback and point SMTP_URL at it. Default false (outbox). */
  smtp?: boolean;
  /** Start the private redis-server. Default true; false points REDIS_URL at a port nobody answers (start it later with startRedis()). */
  redis?: boolean;
  /** Seed the demo data at start. Default false: tests make their own fixtures. */
  seed?: boolean;
  env?: Record<string, string>;
  /** Override providers (e.g. the clock) before the app is compiled. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * The whole app as production runs it: a real database (SQLite file, or PostgreSQL when
 * TEST_DATABASE_URL is set), a real private redis-server, optionally a real SMTP listener,
 * listening on a free loopback port. close() stops and removes everything it started.
 */
export class TestApp {
  app!: NestExpressApplication;
  config!: AppConfig;
  /** Unset when started with `redis: false` until startRedis(). */
  redis!: EmbeddedRedis;
  smtp: SmtpTestServer | null = null;
  dataDir!: string;
  private db!: TestDatabase;

  static async start(opts: TestAppOptions = {}): Promise<TestApp> {
    const t = new TestApp();
    t.dataDir = mkdtempSync(join(tmpdir(), 'nhiemvu-test-'));
    t.db = await createTestDatabase(t.dataDir);
    if (opts.smtp) t.smtp = await new SmtpTestServer().start();
    const redisPort = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATA_DIR: t.dataDir,
      PORT: '0',
      REDIS_PORT: String(redisPort),
      ...(opts.redis === false ? { REDIS_URL: `redis://127.0.0.1:${redisPort}` } : {}),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      LOG_FORMAT: 'json',
      SEED_DEMO: String(!!opts.seed),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      LOGIN_RATE_LIMIT: '1000',
      // The task list's reads in reader threads, as in production (on SQLite; PostgreSQL ignores it).
      SQLITE_READERS: '2',
      ...(t.db.url ? { DATABASE_URL: t.db.url } : {}),
      ...(t.smtp ? { SMTP_URL: t.smtp.url } : {}),
      ...opts.env,
    };
    t.config = loadConfiguration(env);
    if (opts.redis !== false) await t.startRedis();
    await runMigrations(t.config);
    let builder = Test.createTestingModule({ imports: [ApiModule.forRoot(t.config, { workers: opts.workers ?? true })] });
    if (opts.override) builder = opts.override(builder);
    const moduleRef = await builder.compile();
    t.app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
    configureApp(t.app, t.config);
    await t.app.listen(0, '127.0.0.1');
    return t;
  }

  /** (Re)starts the private redis-server on this app's port and data folder. */
  async startRedis(): Promise<EmbeddedRedis> {
    this.redis = await EmbeddedRedis.start({ port: this.config.redis.embeddedPort, dir: this.config.redis.embeddedDir });
    return this.redis;
  }

  /** Polls /health until it answers `status` (bounded). */
  async waitForHealth(status: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 0;
    while (Date.now() < deadline) {
      last = (await this.http.get('/health')).status;
      if (last === status) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`/health stayed ${last}, expected ${status}`);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async login(email = TEST_ADMIN.email, password = TEST_ADMIN.password): Promise<string> {
    const res = await this.http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { accessToken: string }).accessToken;
  }

  get<T>(token: new (...args: any[]) => T): T {
    return this.app.get(token);
  }

  async close(): Promise<void> {
    // Bounded: a test that leaves Redis stopped must not hang the suite in a graceful close.
    await Promise.race([this.app?.close(), new Promise((r) => setTimeout(r, 15_000).unref())]);
    await this.redis?.stop();
    await this.smtp?.stop();
    await this.db?.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
