import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyGroup } from 'src/modules/agencies/groups/agency-group.entity';
import { AuthSession } from 'src/modules/auth/session.entity';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { TaskFile } from 'src/modules/files/task-file.entity';
import { ImportRun } from 'src/modules/imports/import-run.entity';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { NotificationPreference } from 'src/modules/notifications/notification-preference.entity';
import { Notification } from 'src/modules/notifications/notification.entity';
import { Program } from 'src/modules/programs/program.entity';
import { ReminderLetter } from 'src/modules/reminders/reminder-letter.entity';
import { ReminderLog } from 'src/modules/reminders/reminder-log.entity';
import { ReportRun } from 'src/modules/reports/report-run.entity';
import { SavedView } from 'src/modules/saved-views/saved-view.entity';
import { TaskHistory } from 'src/modules/tasks/task-history.entity';
import { TaskRequest } from 'src/modules/tasks/task-request.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { User } from 'src/modules/users/user.entity';

/** Every entity of the schema; each feature module registers its own with TypeOrmModule.forFeature. */
export const ENTITIES = [Agency, User, Program, Task, TaskHistory, TaskRequest, Holiday, MailMessage, ReminderLog, ReminderLetter, ReportRun, ImportRun, AuthSession, Notification, NotificationPreference, TaskFile, AgencyGroup, SavedView];
