import { JobName } from './job-names';

/** Payloads carry ids; handlers reload the row and return early when it is gone. */
export type JobPayloads = {
  [JobName.ScanDueReminders]: { asOf?: string };
  [JobName.WeeklyOverdueSummary]: { asOf?: string };
  [JobName.SendEmail]: { mailMessageId: number };
  [JobName.SweepMailOutbox]: Record<string, never>;
  [JobName.BuildReport]: { reportRunId: number };
  [JobName.BuildScheduledReports]: { asOf?: string };
  [JobName.SweepReportRuns]: Record<string, never>;
  [JobName.RunImport]: { importRunId: number };
  [JobName.SendNotificationDigests]: Record<string, never>;
};
