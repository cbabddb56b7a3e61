export enum MailKind {
  ReminderDigest = 'reminder_digest',
  Escalation = 'escalation',
  MissingAddress = 'missing_address',
  WeeklySummary = 'weekly_summary',
  Report = 'report',
  Notification = 'notification',
  NotificationDigest = 'notification_digest',
  /** To the office: a reminder digest was refused for good and its points will go out again. */
  DeliveryFailure = 'delivery_failure',
  Other = 'other',
}

export enum MailStatus {
  /**
   * Written, but not to be sent yet: it waits for an attachment rendered by a job of its own (the
   * office's copy at escalation waits for its công văn). release() queues it; deliver() skips it.
   */
  Held = 'held',
  Queued = 'queued',
  Sent = 'sent',
  /** Accepted for some recipients, refused for others (lastError names them). */
  Partial = 'partial',
  Failed = 'failed',
}
