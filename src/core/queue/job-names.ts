import { QueueName } from './queue-names';

export enum JobName {
  /** Daily: find reached reminder points and create one digest per agency. */
  ScanDueReminders = 'scan-due-reminders',
  /** After a scan: render one draft công văn đôn đốc and release the mail that carries it. */
  RenderReminderLetter = 'render-reminder-letter',
  /** After a scan: write one agency's digest from the reminder points the scan recorded. */
  BuildReminderDigest = 'build-reminder-digest',
  /** Every few minutes: queue again the digests and letters whose job failed for good or never reached Redis. */
  SweepReminderDigests = 'sweep-reminder-digests',
  /** Monday: overdue tasks by agency to the office. */
  WeeklyOverdueSummary = 'weekly-overdue-summary',
  /** Deliver one mail_messages row. */
  SendEmail = 'send-email',
  /** Re-enqueue messages left queued while Redis was down. */
  SweepMailOutbox = 'sweep-mail-outbox',
  BuildReport = 'build-report',
  /** Scheduled: build and email the reports of the periods that just closed. */
  BuildScheduledReports = 'build-scheduled-reports',
  /** Re-enqueue report runs left queued while Redis was down. */
  SweepReportRuns = 'sweep-report-runs',
  RunImport = 'run-import',
  /** Daily: one email per user with the notifications they chose to get as a digest. */
  SendNotificationDigests = 'send-notification-digests',
}

/** Which queue carries each job: the producer never has to name it. */
export const JOB_QUEUE = {
  [JobName.ScanDueReminders]: QueueName.Reminders,
  [JobName.RenderReminderLetter]: QueueName.Reminders,
  [JobName.BuildReminderDigest]: QueueName.Reminders,
  [JobName.SweepReminderDigests]: QueueName.Reminders,
  [JobName.WeeklyOverdueSummary]: QueueName.Reminders,
  [JobName.SendEmail]: QueueName.Mail,
  [JobName.SweepMailOutbox]: QueueName.Mail,
  [JobName.BuildReport]: QueueName.Reports,
  [JobName.BuildScheduledReports]: QueueName.Reports,
  [JobName.SweepReportRuns]: QueueName.Reports,
  [JobName.RunImport]: QueueName.Imports,
  [JobName.SendNotificationDigests]: QueueName.Notifications,
} as const satisfies Record<JobName, QueueName>;
