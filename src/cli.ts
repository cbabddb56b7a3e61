import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../seeds/demo-seed';
import { loadConfigOrExit } from './core/bootstrap';
import { DEMO_PASSWORD } from './core/config/configuration';
import { revertLastMigration, runMigrations } from './core/database/prepare-database';
import { typeOrmOptions } from './core/database/typeorm.options';
import { AgenciesService } from './modules/agencies/agencies.service';
import { Agency } from './modules/agencies/agency.entity';
import { AgencyNames } from './modules/agencies/agency-names';
import { AgencyGroup } from './modules/agencies/groups/agency-group.entity';
import { seedHolidays } from './modules/calendar/calendar.service';
import { Holiday } from './modules/calendar/holiday.entity';
import { todayIn } from './core/time/local-date';
import { WorkingCalendar } from './modules/calendar/working-calendar';
import { runImportCommand } from './modules/imports/imports.cli';
import { runRemindCommand } from './modules/reminders/reminders.cli';
import { User } from './modules/users/user.entity';
import { UsersService } from './modules/users/users.service';

const USAGE = `nhiemvu CLI — npm run cli -- <command>

  migrate              apply pending database migrations
  migrate:revert       revert the last migration
  seed                 holidays, admin account and demo data (idempotent; fills in what is missing)
  import FILE --program CODE [--dry-run] [--default-lead AGENCY_CODE] [--json]
                       import a program file (.xlsx, .csv, .docx, .txt) into the program CODE; --dry-run only checks.
                       Runs here, not on the queue, whatever the size. Exit status 1 when an item has an error.
  remind [--as-of YYYY-MM-DD]
                       run the reminder scan now (as of that day; default today in TZ_APP) and print the digests queued
  help                 this text
`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate() {
    const config = loadConfigOrExit();
    const applied = await runMigrations(config);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },

  async 'migrate:revert'() {
    await revertLastMigration(loadConfigOrExit());
    console.log('reverted the last migration');
  },

  async seed() {
    const config = loadConfigOrExit();
    await runMigrations(config);
    const ds = await new DataSource(typeOrmOptions(config)).initialize();
    try {
      const holidays = ds.getRepository(Holiday);
      if ((await holidays.count()) === 0) console.log(`holidays: ${await seedHolidays(holidays)} days`);
      await new UsersService(ds.getRepository(User), new AgenciesService(ds.getRepository(Agency), new AgencyNames(ds.getRepository(Agency), ds.getRepository(AgencyGroup)))).ensureAdmin(config.auth.adminEmail, config.auth.adminPassword);
      const calendar = new WorkingCalendar(await holidays.find());
      const result = await seedDemoData(ds, { calendar, today: todayIn(config.app.tz), password: DEMO_PASSWORD, onlyIfEmpty: false });
      console.log(`seeded: ${JSON.stringify(result.counts)}`);
    } finally {
      await ds.destroy();
    }
  },

  remind(args) {
    return runRemindCommand(args);
  },

  import(args) {
    return runImportCommand(args);
  },

  help() {
    process.stdout.write(USAGE);
    return Promise.resolve();
  },
};

async function main(): Promise<void> {
  const [name = 'help', ...args] = process.argv.slice(2);
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}`);
    process.exit(2);
  }
  await command(args);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`Error: ${err.message}`);
    process.exit(1);
  },
);
