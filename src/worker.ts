import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { fail, installShutdown, loadConfigOrExit, prepareRuntime } from './core/bootstrap';
import { WorkerModule } from './worker.module';

/** Workers only: BullMQ processors and schedulers, no HTTP server. Run any number of these. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const { redis } = await prepareRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  installShutdown(() => app.close(), redis, config.redis.url);
  console.log('nhiemvu worker started');
}

bootstrap().catch(fail);
