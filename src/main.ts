import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { fail, installShutdown, loadConfigOrExit, prepareRuntime } from './core/bootstrap';
import { configureApp } from './core/http/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const { redis } = await prepareRuntime(config);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bodyParser: false, bufferLogs: true });
  configureApp(app, config);
  try {
    await app.listen(config.app.port, config.app.host);
  } catch (err) {
    await app.close().catch(() => undefined);
    await redis?.stop();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      fail(new Error(`PORT ${config.app.port} on ${config.app.host} is already in use. Stop the other program or set PORT.`));
    throw err;
  }
  installShutdown(() => app.close(), redis, config.redis.url);
  const where = `http://${config.app.host}:${config.app.port}`;
  console.log(`nhiemvu API on ${where} (docs ${where}/api/docs, health ${where}/health), workers in process: ${config.app.workersInApi}`);
}

bootstrap().catch(fail);
