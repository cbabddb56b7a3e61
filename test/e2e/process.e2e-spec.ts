import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from 'test/utils/free-port';
import { distEntry, ROOT, runNode, startNode, waitFor } from 'test/utils/spawn-process';
import { createTestDatabase, TestDatabase } from 'test/utils/test-db';

/** The real entry points as an operator starts them: dist/src/{main,worker,cli}.js. */
describe('processes (e2e)', () => {
  let dir: string;
  let db: TestDatabase;
  let base: Record<string, string>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-proc-'));
    db = await createTestDatabase(dir);
    base = {
      DATA_DIR: dir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      REDIS_PORT: String(await freePort()),
      ...(db.url && !db.url.startsWith('sqlite:') ? { DATABASE_URL: db.url } : {}),
    };
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should refuse an invalid variable with a message naming it', async () => {
    const { code, output } = await runNode(distEntry('main'), [], { ...base, PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid configuration:[\s\S]*PORT: .*"eighty"/);
  });

  it('should refuse a DATA_DIR it cannot write', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const { code, output } = await runNode(distEntry('main'), [], { ...base, DATA_DIR: join(file, 'data') });
    expect(code).toBe(1);
    expect(output).toMatch(/DATA_DIR: directory .* is not writable/);
  });

  it('should refuse the demo admin password in production', async () => {
    const { code, output } = await runNode(distEntry('main'), [], {
      ...base,
      NODE_ENV: 'production',
      JWT_SECRET: 'z'.repeat(40),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/ADMIN_PASSWORD/);
  });

  it('should explain a port in use', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const { code, output } = await runNode(distEntry('main'), [], { ...base, PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`PORT ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('should start on embedded defaults with demo data, serve health, docs and data, and stop cleanly on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const api = startNode(distEntry('main'), [], { ...base, PORT: String(port), APP_URL: url, LOG_LEVEL: 'info' });
    try {
      await waitFor(async () => (await fetch(`${url}/health`)).status === 200, 90_000, `/health 200\n${api.output()}`);
      expect((await fetch(`${url}/api/docs`)).status).toBe(200);
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'vanphong@nhiemvu.example', password: 'nhiemvu-demo' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const me = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(((await me.json()) as { role: string }).role).toBe('office');
    } finally {
      api.child.kill('SIGTERM');
    }
    expect(await api.exited).toBe(0);
    // The route table is at debug; the start ends with one line: address, demo accounts, where mail goes.
    expect(api.output()).not.toMatch(/Mapped \{/);
    const lines = api
      .output()
      .split('\n')
      .filter((l) => l.startsWith('nhiemvu is running at'));
    expect(lines).toEqual([
      `nhiemvu is running at ${url} — sign in with admin@nhiemvu.example (admin), vanphong@nhiemvu.example (office), chutich@nhiemvu.example (leader), ` +
        `hangntt.stc@nhiemvu.example (agency), password nhiemvu-demo — mail is written to ${join(dir, 'outbox')} (set SMTP_URL to send it)`,
    ]);
    // The private redis-server went with it.
    const redisStillUp = await fetch(`http://127.0.0.1:${base.REDIS_PORT}`).then(
      () => true,
      () => false,
    );
    expect(redisStillUp).toBe(false);
  });

  it('should run a worker without an HTTP server and stop it on SIGTERM', async () => {
    const worker = startNode(distEntry('worker'), [], base);
    await waitFor(() => Promise.resolve(/nhiemvu worker started/.test(worker.output())), 90_000, 'worker start');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it('should serve the metrics of a worker process on METRICS_PORT behind METRICS_TOKEN', async () => {
    const port = await freePort();
    const token = 'worker-metrics-token-0123456789';
    const worker = startNode(distEntry('worker'), [], { ...base, METRICS_PORT: String(port), METRICS_TOKEN: token });
    try {
      await waitFor(
        () => Promise.resolve(/nhiemvu worker started, metrics on/.test(worker.output())),
        90_000,
        `worker start\n${worker.output()}`,
      );
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/nhiemvu_queue_jobs\{queue="reminders",state="[a-z-]+"\} \d+/);
      expect(text).toMatch(/# TYPE nhiemvu_job_duration_seconds histogram/);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).toBe(0);
  });

  it('should stop promptly on SIGTERM when its Redis is gone', async () => {
    const worker = startNode(distEntry('worker'), [], { ...base, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    await waitFor(() => Promise.resolve(/nhiemvu worker started/.test(worker.output())), 90_000, 'worker start');
    worker.child.kill('SIGTERM');
    // Without the bound it waits for the queue clients until the 30 s guard exits with code 1.
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/Redis is not answering: closing without waiting for the queues/);
    expect(worker.output()).not.toMatch(/longer than 30 s/);
  });

  it('should install only what running needs for npm start, and the browser and PostgreSQL only for the tests', () => {
    const argsOf = (script: string) =>
      /bash scripts\/ensure-deps\.sh([^\n;]*)/.exec(readFileSync(join(ROOT, 'scripts', script), 'utf8'))![1].trim();
    const plan = (args: string) =>
      execFileSync('bash', ['scripts/ensure-deps.sh', ...args.split(' ').filter(Boolean)], {
        cwd: ROOT,
        env: { ...process.env, ENSURE_DEPS_PLAN: '1' },
      })
        .toString()
        .trim()
        .split('\n');
    expect(plan(argsOf('run.sh'))).toEqual(['node-packages', 'redis-server']);
    expect(plan(argsOf('test.sh'))).toContain('chromium');
    expect(plan('--test --postgres')).toEqual(['node-packages', 'redis-server', 'chromium', 'postgresql']);
  });

  it('should migrate and seed from the CLI, idempotently', async () => {
    const migrate = await runNode(distEntry('cli'), ['migrate'], base);
    expect(migrate.code).toBe(0);
    expect(migrate.output).toMatch(/applied: InitialSchema/);
    const first = await runNode(distEntry('cli'), ['seed'], base);
    expect(first.code).toBe(0);
    const counts = JSON.parse(/seeded: (\{.*\})/.exec(first.output)![1]) as Record<string, number>;
    expect(counts.agencies).toBeGreaterThan(40);
    expect(counts.tasks).toBeGreaterThan(100);
    expect(counts.requests).toBeGreaterThanOrEqual(2);
    const second = await runNode(distEntry('cli'), ['seed'], base);
    expect(second.output).toMatch(/seeded: \{"agencies":0,"users":0,"programs":0,"tasks":0,"requests":0\}/);
    const unknown = await runNode(distEntry('cli'), ['frobnicate'], base);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toMatch(/Unknown command "frobnicate"/);
  });
});
