import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, DEMO_PASSWORD } from 'src/core/config/configuration';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { UsersService } from 'src/modules/users/users.service';
import { seedDemoData } from '../../seeds/demo-seed';

/**
 * After migrations (run by the entry point): the holiday calendar on first start, the admin account
 * from ADMIN_EMAIL/ADMIN_PASSWORD, and the demo data into an empty database (not in production).
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StartupService.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly calendar: CalendarService,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.calendar.seedFromConfigIfEmpty();
    const auth = this.config.get('auth', { infer: true });
    await this.users.ensureAdmin(auth.adminEmail, auth.adminPassword);
    if (this.config.get('app.seedDemo', { infer: true })) {
      const result = await seedDemoData(this.dataSource, {
        calendar: await this.calendar.working(),
        today: this.calendar.today(),
        password: DEMO_PASSWORD,
        onlyIfEmpty: true,
      });
      if (result.created) this.logger.log(`demo data seeded: ${JSON.stringify(result.counts)}`);
    }
  }
}
