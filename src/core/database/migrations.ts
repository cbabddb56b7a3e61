import { InitialSchema1763800000000 } from '../../../migrations/1763800000000-InitialSchema';
import { TaskQueryIndexes1764900000000 } from '../../../migrations/1764900000000-TaskQueryIndexes';
import { AgencyGroups1770012000000 } from '../../../migrations/1770012000000-AgencyGroups';
import { ProgramPeriodNumber1770012500000 } from '../../../migrations/1770012500000-ProgramPeriodNumber';
import { AuthSessions1770013000000 } from '../../../migrations/1770013000000-AuthSessions';
import { Notifications1770013000100 } from '../../../migrations/1770013000100-Notifications';
import { TaskExtensionOrigin1770013000200 } from '../../../migrations/1770013000200-TaskExtensionOrigin';
import { TaskResultDocument1770013000300 } from '../../../migrations/1770013000300-TaskResultDocument';
import { TaskFiles1770013000400 } from '../../../migrations/1770013000400-TaskFiles';
import { TaskSubmittedAt1770014000000 } from '../../../migrations/1770014000000-TaskSubmittedAt';
import { SavedViews1770014000001 } from '../../../migrations/1770014000001-SavedViews';
import { TaskStateByIdIndex1770030000000 } from '../../../migrations/1770030000000-TaskStateByIdIndex';
import { TaskSearchIndex1770031000000 } from '../../../migrations/1770031000000-TaskSearchIndex';
import { TaskNextReminder1770033000000 } from '../../../migrations/1770033000000-TaskNextReminder';
import { ReportIndexByAgency1770034000000 } from '../../../migrations/1770034000000-ReportIndexByAgency';
import { TaskInvolvements1770035000000 } from '../../../migrations/1770035000000-TaskInvolvements';
import { ProgramDueIndexWithId1770035000100 } from '../../../migrations/1770035000100-ProgramDueIndexWithId';
import { ReminderLogMailIndex1770042000000 } from '../../../migrations/1770042000000-ReminderLogMailIndex';
import { TaskReminderDays1770050000000 } from '../../../migrations/1770050000000-TaskReminderDays';
import { TaskProgramCounts1770051000000 } from '../../../migrations/1770051000000-TaskProgramCounts';
import { InvolvementStateIndexes1770051000100 } from '../../../migrations/1770051000100-InvolvementStateIndexes';
import { ReminderLogScanTime1770052000000 } from '../../../migrations/1770052000000-ReminderLogScanTime';

/** Listed explicitly (not globbed) so the same list works from src/ under jest and from dist/. */
export const MIGRATIONS = [InitialSchema1763800000000, TaskQueryIndexes1764900000000, AgencyGroups1770012000000, ProgramPeriodNumber1770012500000, AuthSessions1770013000000, Notifications1770013000100, TaskExtensionOrigin1770013000200, TaskResultDocument1770013000300, TaskFiles1770013000400, TaskSubmittedAt1770014000000, SavedViews1770014000001, TaskStateByIdIndex1770030000000, TaskSearchIndex1770031000000, TaskNextReminder1770033000000, ReportIndexByAgency1770034000000, TaskInvolvements1770035000000, ProgramDueIndexWithId1770035000100, ReminderLogMailIndex1770042000000, TaskReminderDays1770050000000, TaskProgramCounts1770051000000, InvolvementStateIndexes1770051000100, ReminderLogScanTime1770052000000];
