/** What happened. Each kind has a delivery preference per user (except deadline reminders, below). */
export enum NotificationKind {
  /** An agency asked for an extension, a withdrawal or a deferral: to the office and the leader in charge. */
  RequestCreated = 'request_created',
  /** The office or a leader decided a request: to the requesting agency. */
  RequestDecided = 'request_decided',
  /** A done, withdrawn or deferred task was reopened: to the agencies it concerns. */
  TaskReopened = 'task_reopened',
  /** The lead agency changed: to the old and the new lead. */
  TaskReassigned = 'task_reassigned',
  /**
   * A reminder point reached by the daily scan: an inbox entry for the agency's users. Its email is
   * the agency's reminder digest (reminders module), so there is no preference for it.
   */
  DeadlineReminder = 'deadline_reminder',
}

export enum NotificationDelivery {
  /** An email at once (and the inbox). */
  Immediate = 'immediate',
  /** In the daily digest email (and the inbox at once). */
  Digest = 'digest',
  /** Only the inbox. */
  InApp = 'in_app',
}

/** The kinds a user chooses a delivery for. */
export const PREFERENCE_KINDS = [
  NotificationKind.RequestCreated,
  NotificationKind.RequestDecided,
  NotificationKind.TaskReopened,
  NotificationKind.TaskReassigned,
] as const;

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  [NotificationKind.RequestCreated]: 'Đề nghị mới của cơ quan',
  [NotificationKind.RequestDecided]: 'Kết quả xử lý đề nghị',
  [NotificationKind.TaskReopened]: 'Nhiệm vụ được mở lại',
  [NotificationKind.TaskReassigned]: 'Nhiệm vụ được giao lại',
  [NotificationKind.DeadlineReminder]: 'Nhắc hạn nhiệm vụ',
};
