export enum TaskKind {
  /** Đề án / nội dung phải trình: produces a document submitted to a body. */
  Proposal = 'proposal',
  /** Nhiệm vụ. */
  Task = 'task',
}

export enum TaskStatus {
  New = 'new',
  InProgress = 'in_progress',
  Submitted = 'submitted',
  Done = 'done',
  /** Xin rút (approved). */
  Withdrawn = 'withdrawn',
  /** Xin chuyển (approved): re-planned in a later period. */
  Deferred = 'deferred',
}

export enum TaskOrigin {
  /** Giao đầu năm: in the program as issued. */
  Initial = 'initial',
  /** Giao thêm. */
  Added = 'added',
}

/** How a task stands as of a day (DESIGN.md "Time rules"). */
export enum Timeliness {
  OnTime = 'on_time',
  Late = 'late',
  InTime = 'in_time',
  DueSoon = 'due_soon',
  Overdue = 'overdue',
  /** No due date (thường xuyên), or withdrawn/deferred: outside the counts. */
  None = 'none',
}

export const OPEN_STATUSES: readonly TaskStatus[] = [TaskStatus.New, TaskStatus.InProgress, TaskStatus.Submitted];
export const EXCLUDED_STATUSES: readonly TaskStatus[] = [TaskStatus.Withdrawn, TaskStatus.Deferred];
