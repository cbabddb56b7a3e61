import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../../../seeds/demo-seed';
import { SCHEMA_ENTITIES } from '../schema';
import { loadConfigOrExit } from 'src/core/bootstrap';
import { DEMO_PASSWORD } from 'src/core/config/configuration';
import { revertLastMigration, runMigrations } from 'src/core/database/prepare-database';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { todayIn } from 'src/core/time/local-date';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyNames } from 'src/modules/agencies/agency-names';
import { AgencyGroup } from 'src/modules/agencies/groups/agency-group.entity';
import { seedHolidays } from 'src/modules/calendar/calendar.service';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { User } from 'src/modules/users/user.entity';
import { UsersService } from 'src/modules/users/users.service';

@Command({ name: 'migrate', description: 'apply pending database migrations' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const applied = await runMigrations(loadConfigOrExit());
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  }
}

@Command({ name: 'migrate:revert', description: 'revert the last migration' })
export class MigrateRevertCommand extends CommandRunner {
  async run(): Promise<void> {
    await revertLastMigration(loadConfigOrExit());
    console.log('reverted the last migration');
  }
}

@Command({ name: 'seed', description: 'holidays, admin account and demo data (idempotent; fills in what is missing)' })
export class SeedCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = loadConfigOrExit();
    await runMigrations(config);
    const ds = await new DataSource(typeOrmOptions(config, SCHEMA_ENTITIES)).initialize();
    try {
      const holidays = ds.getRepository(Holiday);
      if ((await holidays.count()) === 0) console.log(`holidays: ${await seedHolidays(holidays)} days`);
      const agencies = ds.getRepository(Agency);
      const users = new UsersService(ds.getRepository(User), new AgenciesService(agencies, new AgencyNames(agencies, ds.getRepository(AgencyGroup))));
      await users.ensureAdmin(config.auth.adminEmail, config.auth.adminPassword);
      const calendar = new WorkingCalendar(await holidays.find());
      const result = await seedDemoData(ds, { calendar, today: todayIn(config.app.tz), password: DEMO_PASSWORD, onlyIfEmpty: false });
      console.log(`seeded: ${JSON.stringify(result.counts)}`);
    } finally {
      await ds.destroy();
    }
  }
}
