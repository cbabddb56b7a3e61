/** The bench itself (entry: bench/bench.ts, which reads the options and picks the engine first). */
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { loadConfiguration } from 'src/core/config/configuration';
import { runMigrations } from 'src/core/database/prepare-database';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { SCHEMA_ENTITIES } from 'src/app/schema';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { loadHolidayCalendar } from 'src/modules/calendar/holidays.config';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { ReminderLog } from 'src/modules/reminders/reminder-log.entity';
import { AppendixService, OverdueRows } from 'src/modules/reports/appendix.service';
import { OVERDUE_PAGE_SIZE } from 'src/modules/reports/report-run.response';
import { ListTasksQuery } from 'src/modules/tasks/dto/list-tasks.query.dto';
import { UpdateTaskDto } from 'src/modules/tasks/dto/update-task.dto';
import { TaskHistory } from 'src/modules/tasks/task-history.entity';
import { TaskChangesService } from 'src/modules/tasks/task-changes.service';
import { TaskListingService } from 'src/modules/tasks/task-listing.service';
import { User } from 'src/modules/users/user.entity';
import type { AuthUser } from 'src/modules/auth/auth.decorators';
import { createValidationPipe } from 'src/core/http/validation.pipe';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { BenchContextModule } from './bench-context';
import { DEFAULT_SPEC, TaskGenerator } from './dataset';
import { captureQueries, describeSqlFloor, replayFloor, smtpFloor } from './floors';
import { Options, wants } from './options';
import { Api, load, LoadResult } from './http';
import { agencyUserEmail, BENCH_PASSWORD, loadDataset, OFFICE_EMAIL } from './load-dataset';
import { freePort } from 'test/utils/free-port';
import { AppProcess, sleep } from './processes';
import { programSheet } from './program-sheet';
import { formatTable, machine, RunResults, saveResults, ScenarioResult } from './results';
import { targetsFor } from './targets';
import { SmtpSink } from './smtp-sink';

const fmt = (n: number) => n.toLocaleString('en-US');

function say(msg: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

/** A throwaway PostgreSQL on loopback (scripts/pg-test-server.sh), or BENCH_DATABASE_URL's server. */
function startPostgres(dir: string, port: number, keep: boolean): { url: string; stop: () => void } {
  const script = join(__dirname, '..', '..', 'scripts', 'pg-test-server.sh');
  const given = process.env.BENCH_DATABASE_URL;
  const server =
    given ??
    execFileSync('bash', [script, 'start', dir, String(port), 'durable'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
  const db = `nhiemvu_bench_${process.pid}`;
  const psql = (sql: string) => execFileSync('psql', [server, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'pipe' });
  psql(`CREATE DATABASE ${db}`);
  const url = server.replace(/\/[^/]*$/, `/${db}`);
  return {
    url,
    stop: () => {
      try {
        // --keep leaves the database for EXPLAIN ANALYZE afterwards; a throwaway cluster is stopped
        // either way and restarts with `bash scripts/pg-test-server.sh start DIR PORT durable`.
        if (keep) console.log(`kept: ${url}${given ? '' : ` (cluster in ${dir}, port ${port})`}`);
        else psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      } finally {
        if (!given) execFileSync('bash', [script, 'stop', dir]);
      }
    },
  };
}

export async function runBench(opts: Options): Promise<void> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-bench-'));
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const cleanups: (() => Promise<void> | void)[] = [];
  const results: ScenarioResult[] = [];
  const checks: Record<string, unknown> = {};
  let datasetInfo: Record<string, unknown> = {};
  let failure: Error | null = null;
  say(`${opts.db}, ${fmt(opts.tasks)} tasks, API + ${opts.workers} worker(s); data in ${dir}`);

  try {
    // ── infrastructure: Redis, database, SMTP ──────────────────────────────────────────────
    const redis = await EmbeddedRedis.start({ port: await freePort(), dir: join(dir, 'redis') });
    cleanups.push(() => redis.stop());
    let databaseUrl = `sqlite:${join(dir, 'nhiemvu.sqlite')}`;
    if (opts.db === 'postgres') {
      // Not inside `dir` (0700): as root the cluster belongs to the postgres user, who must reach it.
      const pgDir = mkdtempSync(join(tmpdir(), 'nhiemvu-bench-pg-'));
      const pg = startPostgres(pgDir, await freePort(), opts.keep);
      cleanups.push(() => {
        pg.stop();
        if (!opts.keep) rmSync(pgDir, { recursive: true, force: true });
      });
      databaseUrl = pg.url;
    }
    const smtp = await new SmtpSink().start();
    cleanups.push(() => smtp.stop());
    const port = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      WORKERS_IN_API: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT: '10000',
      // Generated for this run only; never printed.
      ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
      JWT_SECRET: randomBytes(36).toString('base64url'),
    };
    const config = loadConfiguration(env);

    // ── data ───────────────────────────────────────────────────────────────────────────────
    await runMigrations(config);
    const ds = await new DataSource(typeOrmOptions(config, SCHEMA_ENTITIES)).initialize();
    cleanups.push(() => ds.destroy());
    const calendar = new WorkingCalendar(loadHolidayCalendar().days);
    const gen = new TaskGenerator({ ...DEFAULT_SPEC, tasks: opts.tasks }, calendar);
    say('generating the dataset');
    const loaded = await loadDataset(ds, gen, (n) => {
      if (n % 100_000 === 0 || n === opts.tasks) say(`  ${fmt(n)} tasks written`);
    });
    const today = gen.today;
    const statusRows = await ds
      .getRepository(Task)
      .createQueryBuilder('t')
      .select('t.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('t.status')
      .getRawMany<{ status: string; n: string | number }>();
    datasetInfo = {
      tasks: loaded.tasks,
      agencies: gen.agencies.length,
      programs: gen.programs.length,
      coordinatingLinks: loaded.coordinating,
      year: gen.spec.year,
      asOf: today,
      seed: gen.spec.seed,
      statuses: Object.fromEntries(statusRows.map((r) => [r.status, Number(r.n)])),
      loadSeconds: Number(loaded.seconds.toFixed(1)),
    };
    say(`dataset written in ${loaded.seconds.toFixed(1)} s: ${JSON.stringify(datasetInfo.statuses)}`);

    // ── the app: API and workers as separate processes ─────────────────────────────────────
    // BENCH_PROFILE=1: CPU profiles of the API and the workers (.cpuprofile, for Chrome's DevTools) in DATA_DIR/profiles.
    const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'profiles')}`] : [];
    if (profile.length) opts.keep = true;
    const api = AppProcess.start('api', 'main', env, logDir, profile);
    cleanups.push(() => api.stop());
    const workers = Array.from({ length: opts.workers }, (_, i) =>
      AppProcess.start(`worker-${i + 1}`, 'worker', env, logDir, profile),
    );
    for (const w of workers) cleanups.push(() => w.stop());
    await api.waitFor('nhiemvu is running at'); // the start-up line (src/app/startup-line.ts)
    for (const w of workers) await w.waitFor('nhiemvu worker started');
    const client = new Api(`http://127.0.0.1:${port}`);
    await client.poll<{ status: string }>('/health', '', (b) => b.status === 'ok', 60_000, 200);
    say(`API (pid ${api.pid}) and ${workers.length} worker(s) up`);

    const office = await client.login(OFFICE_EMAIL, BENCH_PASSWORD);
    const agencyTokens = new Map<number, string>();
    for (const a of gen.agencies) agencyTokens.set(a.id, await client.login(agencyUserEmail(a), BENCH_PASSWORD));
    const agencyIds = gen.agencies.map((a) => a.id);
    const target = targetsFor(opts.db);

    // The bench's own view of the app (no HTTP, no processors): it queues jobs, reads the outbox and
    // runs the services in this process to capture each scenario's SQL for its floor.
    const context = await NestFactory.createApplicationContext(BenchContextModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    cleanups.push(() => context.close());
    const appDs = context.get(DataSource);
    const taskChanges = context.get(TaskChangesService);
    const listing = context.get(TaskListingService);
    const pipe = createValidationPipe();
    const queryOf = async (params: Record<string, unknown>) =>
      (await pipe.transform(params, { type: 'query', metatype: ListTasksQuery })) as ListTasksQuery;
    const authUser = async (email: string): Promise<AuthUser> => {
      const u = await ds.getRepository(User).findOneByOrFail({ email });
      return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, agencyId: u.agencyId };
    };
    const officeUser = await authUser(OFFICE_EMAIL);
    const agencyUser = (a: (typeof gen.agencies)[number]) => authUser(agencyUserEmail(a));
    /** The statements `fn` sends, replayed on the database (see floors.ts). */
    const sqlFloor = async (fn: () => Promise<unknown>, writes?: { undo: () => Promise<unknown> }) => {
      await fn(); // warm: the first call prepares what later calls reuse
      const queries = await captureQueries(appDs, fn);
      if (process.env.BENCH_SHOW_SQL === '1') for (const q of queries) say(`  sql: ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
      // A write's statements are replayed on the row as it was before the captured call.
      await writes?.undo();
      return describeSqlFloor(await replayFloor(ds, queries, opts.quick ? 50 : 200, { writes: !!writes }));
    };

    const measure = async <T>(
      fn: () => Promise<T>,
      row: (r: T, peaks: { api: number; worker: number }) => ScenarioResult,
    ): Promise<T> => {
      for (const p of [api, ...workers]) p.resetPeak();
      const r = await fn();
      const peaks = { api: api.peakMb(), worker: Math.max(0, ...workers.map((w) => w.peakMb())) };
      const result = row(r, peaks);
      results.push(result);
      say(`${result.id} ${result.name}: ${describe(result)}`);
      return r;
    };
    const latencyRow =
      (id: string, name: string, connections: number, floor?: string) =>
      (r: LoadResult, peaks: { api: number; worker: number }): ScenarioResult => ({
        id,
        name,
        load: `${connections} conn, ${fmt(r.requests)} req in ${r.seconds.toFixed(0)} s`,
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        throughput: r.perSecond,
        unit: 'req/s',
        apiPeakMb: peaks.api,
        workerPeakMb: peaks.worker,
        target: target(id).text,
        met: r.non2xx === 0 && r.errors === 0 && target(id).met(r),
        floor,
        note: r.non2xx || r.errors ? `${r.non2xx} non-2xx, ${r.errors} errors` : undefined,
      });
    let turn = 0;
    const nextAgency = () => agencyIds[turn++ % agencyIds.length];
    const want = (id: string) => wants(opts, id);

    // (0) the HTTP floor: the cheapest authenticated request (who am I) at the same concurrency.
    let httpFloor: string | undefined;
    if (['1', '2', '3', '4'].some(want))
      await measure(
        () =>
          load({
            url: client.baseUrl,
            connections: opts.connections,
            duration: opts.duration,
            request: () => ({ path: '/api/me', token: agencyTokens.get(nextAgency())! }),
          }),
        (r, peaks) => {
          httpFloor = `HTTP ${fmt(Math.round(r.perSecond))} req/s, p99 ${r.p99Ms} ms (GET /api/me)`;
          return { ...latencyRow('0', 'floor: the cheapest authenticated request (GET /api/me)', opts.connections)(r, peaks), target: '–', met: null };
        },
      );

    // (1)–(3) the reads people wait on, each at opts.connections for opts.duration.
    const programPages = Math.floor(((await ds.getRepository(Task).countBy({ programId: 1 })) - 1) / 50) + 1;
    const page = Math.min(100, programPages);
    // "chuyển đổi số" and the others are written with diacritics; the searches go without.
    const terms = ['chuyen doi so', 'cai cach hanh chinh', 'dau tu cong', 'nong thon moi', 'phong chay'];
    const overdueAgency = gen.agencies[0];
    const reads: {
      id: string;
      name: string;
      request: () => { path: string; token: string };
      /** The same request through the service, in this process (for the SQL floor). */
      inProcess: () => Promise<unknown>;
    }[] = [
      {
        // One agency's open overdue tasks, 50 a page: what a department head opens first.
        id: '1',
        name: "an agency's overdue tasks (agency user)",
        request: () => ({
          path: `/api/tasks?timeliness=overdue&asOf=${today}&limit=50`,
          token: agencyTokens.get(nextAgency())!,
        }),
        inProcess: async () =>
          listing.list(
            await queryOf({ timeliness: 'overdue', asOf: today, limit: '50' }),
            await agencyUser(overdueAgency),
          ),
      },
      {
        id: '2',
        name: `a program's tasks by due date, page ${page}`,
        request: () => ({ path: `/api/tasks?programId=1&sort=dueDate&page=${page}&limit=50`, token: office }),
        inProcess: async () =>
          listing.list(
            await queryOf({ programId: '1', sort: 'dueDate', page: String(page), limit: '50' }),
            officeUser,
          ),
      },
      {
        id: '3',
        name: 'text search (q, no diacritics)',
        request: () => ({
          path: `/api/tasks?q=${encodeURIComponent(terms[turn++ % terms.length])}&limit=50`,
          token: office,
        }),
        inProcess: async () => listing.list(await queryOf({ q: terms[0], limit: '50' }), officeUser),
      },
    ];
    for (const read of reads.filter((r) => want(r.id))) {
      const floor = [await sqlFloor(read.inProcess), httpFloor].filter(Boolean).join('; ');
      await measure(
        () =>
          load({ url: client.baseUrl, connections: opts.connections, duration: opts.duration, request: read.request }),
        latencyRow(read.id, read.name, opts.connections, floor),
      );
    }

    // (4) progress updates by the lead agencies: each PATCH a different open task, version 1.
    const openTasks = await ds.getRepository(Task).find({
      select: { id: true, leadAgencyId: true },
      where: { status: In([TaskStatus.New, TaskStatus.InProgress]) },
      order: { id: 'ASC' },
      take: opts.updates + 1,
    });
    // The last one is the floor's: updated in this process, its statements replayed and rolled back.
    const floorTask = openTasks.pop()!;
    let floorVersion = 0;
    const updateFloor = async () => {
      const { version } = await ds.getRepository(Task).findOneByOrFail({ id: floorTask.id });
      floorVersion = version;
      const dto = (await pipe.transform(
        { version, progress: 40 + (version % 5) * 10, note: `Cập nhật tiến độ lần ${version}: đang hoàn thiện dự thảo` },
        { type: 'body', metatype: UpdateTaskDto },
      )) as UpdateTaskDto;
      const lead = gen.agencies.find((a) => a.id === floorTask.leadAgencyId)!;
      return taskChanges.update(floorTask.id, dto, await agencyUser(lead));
    };
    let cursor = 0;
    let historyBefore = await ds.getRepository(TaskHistory).count();
    if (want('4')) {
      const undo = () => ds.getRepository(Task).update(floorTask.id, { version: floorVersion });
      const floor = [await sqlFloor(updateFloor, { undo }), httpFloor].filter(Boolean).join('; ');
      historyBefore = await ds.getRepository(TaskHistory).count(); // after the floor's own two updates
      await measure(
        () =>
          load({
            url: client.baseUrl,
            connections: opts.connections,
            amount: openTasks.length,
            method: 'PATCH',
            request: () => {
              const t = openTasks[cursor++ % openTasks.length];
              return {
                path: `/api/tasks/${t.id}`,
                token: agencyTokens.get(t.leadAgencyId)!,
                body: {
                  version: 1,
                  progress: 50 + (t.id % 5) * 10,
                  note: `Cập nhật tiến độ lần ${t.id % 7}: đang hoàn thiện dự thảo`,
                },
              };
            },
          }),
        (r, peaks) => ({ ...latencyRow('4', 'PATCH progress + history', opts.connections, floor)(r, peaks), unit: 'updates/s' }),
      );
    }
    const historyRows = (await ds.getRepository(TaskHistory).count()) - historyBefore;
    checks.updates = { patched: openTasks.length, historyRowsWritten: historyRows };

    // (5) the appendix of the whole year, as JSON.
    const { from, to } = gen.year;
    const appendixPath = `/api/reports/appendix?from=${from}&to=${to}&asOf=${today}`;
    // The JSON answers Phụ lục III a page at a time (the first, as the bench asks); the documents hold all of it.
    const appendixSql = (rows: OverdueRows) =>
      sqlFloor(() =>
        context.get(AppendixService).compute({ from, to, asOf: today, programId: null, agencyId: null, leaderInCharge: null }, rows),
      );
    const appendixFloor = want('5') ? await appendixSql({ page: 1, limit: OVERDUE_PAGE_SIZE }) : undefined;
    const reportFloor = want('6') ? await appendixSql('all') : undefined;
    if (want('5'))
      await measure(
        () =>
          load({
            url: client.baseUrl,
            connections: 1,
            amount: opts.quick ? 5 : 20,
            request: () => ({ path: appendixPath, token: office }),
          }),
        (r, peaks) => ({
          ...latencyRow('5', 'appendix JSON, whole year', 1, appendixFloor)(r, peaks),
          load: `1 conn, ${r.requests} req`,
        }),
      );

    // (6) the XLSX and the DOCX of that year, each a report run on the reports queue.
    for (const format of ['xlsx', 'docx'] as const) {
      if (want('6'))
        await measure(
          async () => {
            const started = Date.now();
            const run = await client.json<{ id: number }>('POST', '/api/reports', office, {
              from,
              to,
              asOf: today,
              formats: [format],
            });
            const done = await client.poll<{
              status: string;
              startedAt: string;
              finishedAt: string;
              files: { size: number }[];
              error?: string;
            }>(`/api/reports/${run.id}`, office, (b) => b.status === 'done' || b.status === 'failed');
            if (done.status !== 'done') throw new Error(`report run ${run.id} failed: ${done.error}`);
            return {
              wallMs: Date.now() - started,
              jobMs: Date.parse(done.finishedAt) - Date.parse(done.startedAt),
              size: done.files[0]?.size ?? 0,
            };
          },
          (r, peaks) => ({
            id: format === 'xlsx' ? '6a' : '6b',
            name: `${format.toUpperCase()} report of the year (queued run)`,
            load: `1 run, ${(r.size / 1024).toFixed(0)} KB`,
            totalMs: r.wallMs,
            apiPeakMb: peaks.api,
            workerPeakMb: peaks.worker,
            target: target('6').text,
            met: target('6').met({ totalMs: r.wallMs, workerPeakMb: peaks.worker }),
            floor: reportFloor,
            note: `job ${r.jobMs} ms`,
          }),
        );
    }

    const producer = context.get(JobProducer);
    const mail = context.get(MailService);
    const waitForJobs = async (queue: QueueName, ids: string[]) => {
      const q = producer.queue(queue);
      const values: unknown[] = [];
      for (const id of ids) {
        for (;;) {
          const job = await q.getJob(id);
          const state = job ? await job.getState() : 'missing';
          if (state === 'completed') {
            // Read again: the job fetched before its state may predate its result.
            values.push((await q.getJob(id))!.returnvalue);
            break;
          }
          if (state === 'failed') throw new Error(`job ${id} failed: ${job!.failedReason}`);
          await sleep(25);
        }
      }
      return values;
    };
    const mailDrained = async (timeoutMs = 600_000) => {
      const deadline = Date.now() + timeoutMs;
      // Held: an office copy waiting for its công văn (drawn by a job of its own after the scan).
      while ((await ds.getRepository(MailMessage).countBy({ status: In([MailStatus.Queued, MailStatus.Held]) })) > 0) {
        if (Date.now() > deadline) throw new Error('mail still queued');
        await sleep(100);
      }
    };

    // (7) reminder scans on the queue: the first scan (the previous working day, every open task
    // at its latest point), then the busy day itself; each enqueued once per worker, as when replicas
    // or a manual run overlap the scheduler, so the workers race and the unique key keeps one digest.
    // The scan job records the points and queues one BuildReminderDigest job per agency: the figure is
    // the time until every digest is written and its mail queued (what the scan job did by itself
    // before); the note also gives the scan job alone and the time until every message was sent.
    const working = new WorkingCalendar(await ds.getRepository(Holiday).find());
    let previous = addDays(today, -1);
    while (!working.isWorkingDay(previous)) previous = addDays(previous, -1);
    const scans: Record<string, unknown> = {};
    for (const [id, asOf, label] of [
      ['7a', previous, 'first reminder scan'],
      ['7b', today, 'reminder scan of a busy day'],
    ] as [string, LocalDate, string][]) {
      const digestsBefore = await ds.getRepository(MailMessage).count();
      if (want('7'))
        await measure(
          async () => {
            const started = Date.now();
            const jobIds = workers.map((_, i) => `bench-scan-${asOf}-${i}`);
            for (const jobId of jobIds) await producer.enqueue(JobName.ScanDueReminders, { asOf }, { jobId });
            const values = (await waitForJobs(QueueName.Reminders, jobIds)) as {
              points: number;
              digests: number;
              digestJobs?: string[];
              conflicts: string[];
            }[];
            const scanMs = Date.now() - started;
            const digestJobs = [...new Set(values.flatMap((v) => v.digestJobs ?? []))];
            const outcomes = await waitForJobs(QueueName.Reminders, digestJobs);
            const ms = Date.now() - started;
            // Every message of the scan delivered, the office's copies after their letter.
            await mailDrained();
            const sentMs = Date.now() - started;
            return { ms, scanMs, sentMs, values, written: outcomes.filter((o) => o === 'written').length };
          },
          (r, peaks) => {
            const points = r.values.reduce((s, v) => s + v.points, 0);
            const digests = r.values.map((v) => v.digests);
            return {
              id,
              name: `${label} (${asOf})`,
              load: `${fmt(points)} points, ${digests.reduce((a, b) => a + b, 0)} digests`,
              totalMs: r.ms,
              throughput: points / (r.ms / 1000),
              unit: 'points/s',
              apiPeakMb: peaks.api,
              workerPeakMb: peaks.worker,
              target: target('7').text,
              met: target('7').met({ totalMs: r.ms }),
              note:
                `until every digest is written and queued; the scan jobs alone ${fmt(r.scanMs)} ms, every message sent (letters included) ` +
                `${fmt(r.sentMs)} ms; digests queued per scan job: ${digests.join(' + ')}, written by the digest jobs: ${r.written}`,
            };
          },
        );
      const logRows = await ds.getRepository(ReminderLog).countBy({ scanDate: asOf });
      const created = (await ds.getRepository(MailMessage).count()) - digestsBefore;
      scans[asOf] = { reminderLogRows: logRows, mailRowsCreated: created };
    }
    await mailDrained();
    checks.scans = scans;

    // (8) 5,000 messages through the mail queue to the SMTP listener, delivered by the workers.
    const recipients = gen.agencies.map((a) => a.emails[0]);
    const rows: number[] = [];
    if (want('8'))
      await ds.transaction(async (m) => {
        for (let i = 0; i < opts.emails; i++) {
          const row = await mail.create(
            {
              kind: MailKind.ReminderDigest,
              to: [recipients[i % recipients.length]],
              subject: `[Nhắc việc] Thư thử tải số ${i + 1}`,
              html: `<p>Kính gửi cơ quan, đơn vị: đây là thư số ${i + 1} của lần đo tải.</p>`,
              text: `Kính gửi cơ quan, đơn vị: đây là thư số ${i + 1} của lần đo tải.`,
            },
            m,
          );
          rows.push(row.id);
        }
      });
    const receivedBefore = smtp.total;
    if (want('8'))
      await measure(
        async () => {
          const started = Date.now();
          await mail.dispatch(rows);
          const deadline = started + 600_000;
          while (smtp.countOf(rows) < rows.length) {
            if (Date.now() > deadline) throw new Error(`only ${smtp.countOf(rows)} of ${rows.length} messages arrived`);
            await sleep(20);
          }
          await mailDrained();
          return Date.now() - started;
        },
        (ms, peaks) => ({
          id: '8',
          name: 'mail delivery to SMTP (queued → sent)',
          load: `${fmt(rows.length)} messages`,
          totalMs: ms,
          throughput: rows.length / (ms / 1000),
          unit: 'msg/s',
          apiPeakMb: peaks.api,
          workerPeakMb: peaks.worker,
          target: target('8').text,
          met: target('8').met({ perSecond: rows.length / (ms / 1000) }),
        }),
      );
    const benchRows = new Set(rows);
    const perWorker = workers.map(
      (w) =>
        [...w.log().matchAll(/send-email #mail-(\d+) attempt \d+ took/g)].filter((m) => benchRows.has(Number(m[1])))
          .length,
    );
    checks.mail = {
      messages: rows.length,
      receivedBySmtp: smtp.total - receivedBefore,
      deliveredTwice: smtp.duplicates().length,
      sentRows: await ds.getRepository(MailMessage).countBy({ id: In(rows.slice(0, 30_000)), status: MailStatus.Sent }),
      sendEmailJobsPerWorker: perWorker,
    };
    say(`mail check: ${JSON.stringify(checks.mail)}`);
    if (smtp.duplicates().length)
      throw new Error(`messages delivered twice: ${smtp.duplicates().slice(0, 20).join(', ')}`);
    // The SMTP floor, after the app's delivery and its checks: as many messages through a bare pool.
    const mailRow = results.find((r) => r.id === '8');
    if (mailRow) {
      const rate = await smtpFloor(smtp.url, rows.length, 5 * opts.workers, 1_000_000_000);
      mailRow.floor = `SMTP ${fmt(Math.round(rate))} msg/s (bare nodemailer pool of ${5 * opts.workers})`;
      say(`8 floor: ${mailRow.floor}`);
    }

    // (10) a 10,000-row program spreadsheet: dry run, then commit (both run on the imports queue).
    if (want('10')) await importScenarios();
    async function importScenarios(): Promise<void> {
      const program = await client.json<{ id: number }>('POST', '/api/programs', office, {
        code: `CTCT-${gen.spec.year + 1}`,
        title: `Chương trình công tác năm ${gen.spec.year + 1} của UBND tỉnh`,
        year: gen.spec.year + 1,
        period: 'year',
        issuedAt: `${gen.spec.year + 1}-01-06`,
      });
      const departments = gen.agencies.filter((a) => a.kind === AgencyKind.Department).slice(0, 12);
      const sheet = await programSheet({
        rows: opts.importRows,
        year: gen.spec.year + 1,
        leads: departments.map((a) => a.name),
        partners: [
          `${departments[1].name}; ${departments[2].name}`,
          '',
          departments[3].name,
          'UBND các huyện, thị xã, thành phố',
          '',
        ],
      });
      for (const [id, dryRun] of [
        ['10a', true],
        ['10b', false],
      ] as [string, boolean][]) {
        await measure(
          async () => {
            const started = Date.now();
            const res = await client.upload<{
              id?: number;
              summary?: { items: number; invalid: number; created: number };
            }>('/api/imports', office, sheet, 'chuong-trinh.xlsx', {
              programId: String(program.id),
              dryRun: String(dryRun),
            });
            let summary = res.body.summary;
            if (res.status === 202) {
              const run = await client.poll<{
                status: string;
                result?: { summary: typeof summary } | null;
                error?: string;
              }>(
                `/api/imports/${res.body.id}`,
                office,
                (b) => b.status === 'done' || b.status === 'failed',
                600_000,
                50,
              );
              if (run.status !== 'done') throw new Error(`import failed: ${JSON.stringify(run).slice(0, 500)}`);
              summary = run.result?.summary;
            }
            return { ms: Date.now() - started, summary, queued: res.status === 202 };
          },
          (r, peaks) => ({
            id,
            name: `import ${fmt(opts.importRows)}-row spreadsheet, ${dryRun ? 'dry run' : 'commit'}`,
            load: `${fmt(Math.round(sheet.length / 1024))} KB xlsx${r.queued ? ', queued' : ''}`,
            totalMs: r.ms,
            throughput: opts.importRows / (r.ms / 1000),
            unit: 'rows/s',
            apiPeakMb: peaks.api,
            workerPeakMb: peaks.worker,
            target: target('10').text,
            met: target('10').met({ totalMs: r.ms }) && (r.summary?.invalid ?? 1) === 0,
            note: r.summary
              ? `${fmt(r.summary.items)} items, ${r.summary.invalid} invalid, ${fmt(r.summary.created)} created`
              : 'no summary',
          }),
        );
      }
      checks.importedTasks = await ds.getRepository(Task).countBy({ programId: program.id });
    }

    // Memory over the whole run (VmHWM was reset per scenario; these are the per-scenario maxima).
    checks.peakMemoryMb = {
      api: Math.max(...results.map((r) => r.apiPeakMb)),
      worker: Math.max(...results.map((r) => r.workerPeakMb)),
    };
    // (9) the API's peak over the scenarios that ran (issue #15's row 9).
    const measured = results.filter((r) => r.id !== '0');
    if (measured.length) {
      const worst = measured.reduce((a, b) => (b.apiPeakMb > a.apiPeakMb ? b : a));
      results.push({
        id: '9',
        name: 'API peak memory over the run',
        load: `highest in ${worst.id}`,
        apiPeakMb: worst.apiPeakMb,
        workerPeakMb: Math.max(...measured.map((r) => r.workerPeakMb)),
        target: target('9').text,
        met: target('9').met({ apiPeakMb: worst.apiPeakMb }),
      });
    }
  } catch (err) {
    // What was measured before the failure is still written, with the error beside it.
    failure = err as Error;
    checks.error = failure.message;
  } finally {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (err) {
        console.error(`cleanup: ${(err as Error).message}`);
      }
    }
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }

  const run: RunResults = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt,
    machine: machine(),
    options: { ...opts, out: undefined },
    dataset: datasetInfo,
    scenarios: results,
    checks,
  };
  saveResults(opts.out, `${opts.db}-${opts.tasks}${opts.quick ? '-quick' : ''}`, run);
  console.log(
    `\n${opts.db}, ${fmt(opts.tasks)} tasks, API + ${opts.workers} workers — ${run.machine.cpu}, ${run.machine.cores} cores\n`,
  );
  console.log(formatTable(results));
  console.log(`\nchecks: ${JSON.stringify(checks)}`);
  console.log(`written to ${opts.out}`);
  if (failure) throw failure;
}

function describe(r: ScenarioResult): string {
  const parts = [r.load];
  if (r.p50Ms !== undefined) parts.push(`p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
  if (r.totalMs !== undefined) parts.push(`${r.totalMs} ms`);
  if (r.throughput !== undefined) parts.push(`${r.throughput.toFixed(0)} ${r.unit}`);
  parts.push(`API ${r.apiPeakMb} MB, worker ${r.workerPeakMb} MB`);
  if (r.note) parts.push(r.note);
  if (r.floor) parts.push(`floor: ${r.floor}`);
  return `${parts.join('; ')} — target ${r.target}: ${r.met === null ? '–' : r.met ? 'met' : 'MISSED'}`;
}
