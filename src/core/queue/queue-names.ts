export enum QueueName {
  Reminders = 'reminders',
  Mail = 'mail',
  Reports = 'reports',
  Imports = 'imports',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
