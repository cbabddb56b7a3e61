import './api-heap';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { fail, installShutdown, loadConfigOrExit, prepareRuntime } from './core/bootstrap';
import { configureApp } from './core/http/configure-app';
import { startupLine } from './app/startup-line';
import { DEMO_USERS } from '../seeds/data/users.data';

/** One demo account per role, for the start-up line. */
function demoAccounts() {
  const seen = new Set<string>();
  return DEMO_USERS.filter((u) => !seen.has(u.role) && seen.add(u.role)).map((u) => ({ email: u.email, role: u.role }));
}

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
  console.log(startupLine(config, demoAccounts()));
}

bootstrap().catch(fail);
