import { Global, INestApplicationContext, Module, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobsOptions } from 'bullmq';
import { AppConfigModule } from 'src/core/config/config.module';
import { AppConfig } from 'src/core/config/configuration';
import { DatabaseModule } from 'src/core/database/database.module';
import { DurableRuns } from 'src/core/queue/durable-runs';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { JobSchedules } from 'src/core/queue/schedules';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** A job the services asked for: what JobProducer.enqueue received. */
export interface EnqueuedJob<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  opts: JobsOptions;
}

/**
 * The queues, faked: records every job instead of sending it to Redis (no worker runs in this tier; what a job
 * does is the worker's test). `failing = true` answers as the real producer does when Redis is down.
 */
export class FakeJobProducer {
  readonly jobs: EnqueuedJob[] = [];
  readonly schedulers = new Map<string, unknown>();
  failing = false;

  enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: JobsOptions = {}): Promise<string | undefined> {
    if (this.failing) return Promise.reject(new Error('queue unavailable (fake)'));
    this.jobs.push({ name, data, opts });
    return Promise.resolve(opts.jobId ?? String(this.jobs.length));
  }

  of<N extends JobName>(name: N): EnqueuedJob<N>[] {
    return this.jobs.filter((j): j is EnqueuedJob<N> => j.name === name);
  }

  /** The few queue calls the services make besides add (job schedulers, a job's state in the sweep). */
  queue() {
    return {
      upsertJobScheduler: (key: string, repeat: unknown) => Promise.resolve(void this.schedulers.set(key, repeat)),
      getJobSchedulers: () => Promise.resolve([...this.schedulers.keys()].map((key) => ({ key }))),
      removeJobScheduler: (key: string) => Promise.resolve(this.schedulers.delete(key)),
      getJob: () => Promise.resolve(undefined),
    };
  }
}

/** In place of QueueModule: the same providers, on the fake producer. */
@Global()
@Module({
  providers: [FakeJobProducer, { provide: JobProducer, useExisting: FakeJobProducer }, JobSchedules, DurableRuns],
  exports: [FakeJobProducer, JobProducer, JobSchedules, DurableRuns],
})
class FakeQueueModule {}

/** The medium tier's app: services on a real database, no HTTP, no Redis, no mail transport. */
export interface MediumApp {
  app: INestApplicationContext;
  /** A provider of the context (a service, the DataSource). */
  get<T>(type: Type<T>): T;
  config: AppConfig;
  jobs: FakeJobProducer;
  close(): Promise<void>;
}

/**
 * Builds a Nest testing module of the given feature modules on the real configuration, TypeORM options and
 * migrations, on a fresh database (a temporary SQLite file, or PostgreSQL when TEST_DATABASE_URL is set: the
 * second half of `npm test`), with the queues faked. The holiday calendar is seeded as at the first start.
 */
export async function startMedium(modules: Type<unknown>[], env: Record<string, string> = {}): Promise<MediumApp> {
  const db: TestDataSource = await openTestDataSource('medium', { NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env });
  // The migrated database is all this tier takes from it; the app opens its own DataSource the way production does.
  await db.ds.destroy();
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(db.config), DatabaseModule, FakeQueueModule, ...modules],
    }).compile();
    const app = await moduleRef.init();
    await app.get(CalendarService).seedFromConfigIfEmpty();
    return {
      app,
      get: <T>(type: Type<T>): T => app.get(type),
      config: db.config,
      jobs: app.get(FakeJobProducer),
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
