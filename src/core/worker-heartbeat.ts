import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './config/configuration';

/** Touches DATA_DIR/heartbeat-<host> every 20 s: the worker container's health check reads its age. */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  onApplicationBootstrap(): void {
    const file = join(this.config.get('app.dataDir', { infer: true }), `heartbeat-${hostname()}`);
    const beat = () => writeFileSync(file, new Date().toISOString());
    beat();
    this.timer = setInterval(beat, 20_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
