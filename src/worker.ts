import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { fail, installShutdown, loadConfigOrExit, prepareRuntime } from './core/bootstrap';
import { QuietBootLogger } from './core/logging/quiet-boot-logger';
import { serveWorkerMetrics } from './core/metrics/metrics';
import { JobProducer } from './core/queue/job-producer.service';
import { ALL_QUEUES } from './core/queue/queue-names';
import { WorkerModule } from './worker.module';

/** Workers only: BullMQ processors and schedulers, no HTTP server. Run any number of these. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const { redis } = await prepareRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(new QuietBootLogger(app.get(Logger)));
  await app.init();
  const producer = app.get(JobProducer);
  const { workerPort, token } = config.metrics;
  const metrics = workerPort
    ? await serveWorkerMetrics({ host: config.app.host, port: workerPort, token, queues: ALL_QUEUES.map((q) => producer.queue(q)) })
    : null;
  installShutdown(
    async () => {
      metrics?.close();
      await app.close();
    },
    redis,
    config.redis.url,
  );
  console.log(`nhiemvu worker started${workerPort ? `, metrics on http://${config.app.host}:${workerPort}/metrics` : ''}`);
}

bootstrap().catch(fail);
