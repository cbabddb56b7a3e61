export enum QueueName {
  Reminders = 'reminders',
  Mail = 'mail',
  Reports = 'reports',
  Imports = 'imports',
  Notifications = 'notifications',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
