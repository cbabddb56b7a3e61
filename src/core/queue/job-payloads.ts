import { Job } from 'bullmq';
import { JobName } from './job-names';

/**
 * The one table of job payloads; both ends are typed from it: `JobProducer.enqueue(name, data)` and
 * the handlers (`@HandlesJob(name)` receives `JobOf<name>`). Payloads carry ids; handlers reload the
 * row and return early when it is gone.
 */
export type JobPayloads = {
  [JobName.ScanDueReminders]: { asOf?: string };
  [JobName.RenderReminderLetter]: { reminderLetterId: number };
  /** The first reminder_log row of the batch: the handler writes every point still pending of its agency and day. */
  [JobName.BuildReminderDigest]: { reminderLogId: number };
  [JobName.SweepReminderDigests]: Record<string, never>;
  [JobName.WeeklyOverdueSummary]: { asOf?: string };
  [JobName.SendEmail]: { mailMessageId: number };
  [JobName.SweepMailOutbox]: Record<string, never>;
  [JobName.BuildReport]: { reportRunId: number };
  [JobName.BuildScheduledReports]: { asOf?: string };
  [JobName.SweepReportRuns]: Record<string, never>;
  [JobName.RunImport]: { importRunId: number };
  [JobName.SendNotificationDigests]: Record<string, never>;
};

/** One job as its handler receives it: `name` and `data` typed together. */
export type JobOf<N extends JobName> = Job<JobPayloads[N], unknown, N>;

/** Every job, as one union discriminated on `name` (a `switch (job.name)` narrows `job.data`). */
export type AnyJob = { [N in JobName]: JobOf<N> }[JobName];

/** A job to add: the same union on the producer's side. */
export type JobRequest = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
