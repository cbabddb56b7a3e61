export enum MailKind {
  ReminderDigest = 'reminder_digest',
  Escalation = 'escalation',
  MissingAddress = 'missing_address',
  WeeklySummary = 'weekly_summary',
  Report = 'report',
  Notification = 'notification',
  NotificationDigest = 'notification_digest',
  Other = 'other',
}

export enum MailStatus {
  Queued = 'queued',
  Sent = 'sent',
  Failed = 'failed',
}
