import { AGENCIES_ENTITIES } from 'src/modules/agencies/agencies.module';
import { AUTH_ENTITIES } from 'src/modules/auth/auth.module';
import { CALENDAR_ENTITIES } from 'src/modules/calendar/calendar.module';
import { FILES_ENTITIES } from 'src/modules/files/files.module';
import { IMPORTS_ENTITIES } from 'src/modules/imports/imports.module';
import { MAIL_ENTITIES } from 'src/modules/mail/mail.module';
import { NOTIFICATIONS_ENTITIES } from 'src/modules/notifications/notifications.module';
import { PROGRAMS_ENTITIES } from 'src/modules/programs/programs.module';
import { REMINDERS_ENTITIES } from 'src/modules/reminders/reminders.module';
import { REPORTS_ENTITIES } from 'src/modules/reports/reports.module';
import { SAVED_VIEWS_ENTITIES } from 'src/modules/saved-views/saved-views.module';
import { TASKS_ENTITIES } from 'src/modules/tasks/tasks.module';
import { USERS_ENTITIES } from 'src/modules/users/users.module';

/**
 * Every entity of the schema, for DataSources built outside Nest (the CLI's seed, the TypeORM CLI's data-source.ts,
 * the bench, tests). Each module owns its list (table-owners.json says the same; table-owners.spec.ts checks both);
 * in the Nest app each module registers its own with TypeOrmModule.forFeature and DatabaseModule loads them
 * (autoLoadEntities), so core/ lists none.
 */
export const SCHEMA_ENTITIES = [...AGENCIES_ENTITIES, ...AUTH_ENTITIES, ...CALENDAR_ENTITIES, ...FILES_ENTITIES, ...IMPORTS_ENTITIES, ...MAIL_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...PROGRAMS_ENTITIES, ...REMINDERS_ENTITIES, ...REPORTS_ENTITIES, ...SAVED_VIEWS_ENTITIES, ...TASKS_ENTITIES, ...USERS_ENTITIES];
