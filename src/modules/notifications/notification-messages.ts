import { formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { NotificationKind } from './notification.enums';

/** What a notification says: the same words in the inbox, the email and the digest. */
export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  lines: string[];
  /** App path, e.g. /app/tasks/12. */
  link: string | null;
  taskId: number | null;
  requestId: number | null;
}

/** A task as the messages name it. */
export interface TaskRef {
  id: number;
  code: string | null;
  title: string;
  leadAgencyName: string;
}

export type RequestTypeName = 'extension' | 'withdrawal' | 'deferral';

const REQUEST_NOUN: Record<RequestTypeName, string> = {
  extension: 'gia hạn',
  withdrawal: 'xin rút',
  deferral: 'xin chuyển sang kỳ sau',
};

const taskName = (t: TaskRef) => (t.code ? `[${t.code}] ${t.title}` : t.title);
const short = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const taskLink = (t: TaskRef) => `/app/tasks/${t.id}`;

export function requestCreatedMessage(i: {
  task: TaskRef;
  requestId: number;
  type: RequestTypeName;
  reason: string;
  requesterName: string;
  currentDueDate: LocalDate | null;
  proposedDueDate: LocalDate | null;
}): NotificationMessage {
  const lines = [`Nhiệm vụ: ${taskName(i.task)}`, `Cơ quan chủ trì: ${i.task.leadAgencyName} (người gửi: ${i.requesterName})`];
  if (i.type === 'extension' && i.proposedDueDate) {
    lines.push(
      `Đề nghị gia hạn đến ngày ${formatVietnameseDate(i.proposedDueDate)}` +
        (i.currentDueDate ? ` (thời hạn hiện tại ${formatVietnameseDate(i.currentDueDate)})` : ''),
    );
  }
  lines.push(`Lý do: ${i.reason}`, 'Đề nghị đang chờ Văn phòng UBND tỉnh hoặc lãnh đạo phụ trách xem xét, quyết định.');
  return {
    kind: NotificationKind.RequestCreated,
    title: `Đề nghị ${REQUEST_NOUN[i.type]} của ${i.task.leadAgencyName}: ${short(taskName(i.task))}`,
    lines,
    link: taskLink(i.task),
    taskId: i.task.id,
    requestId: i.requestId,
  };
}

export function requestDecidedMessage(i: {
  task: TaskRef;
  requestId: number;
  type: RequestTypeName;
  approved: boolean;
  comment: string | null;
  deciderName: string;
  proposedDueDate: LocalDate | null;
}): NotificationMessage {
  const verdict = i.approved ? 'được chấp thuận' : 'không được chấp thuận';
  const lines = [`Nhiệm vụ: ${taskName(i.task)}`, `Đề nghị ${REQUEST_NOUN[i.type]} ${verdict} (người xử lý: ${i.deciderName}).`];
  if (i.approved && i.type === 'extension' && i.proposedDueDate)
    lines.push(`Thời hạn mới: ${formatVietnameseDate(i.proposedDueDate)}.`);
  if (i.comment) lines.push(`Ý kiến: ${i.comment}`);
  return {
    kind: NotificationKind.RequestDecided,
    title: `Đề nghị ${REQUEST_NOUN[i.type]} ${verdict}: ${short(taskName(i.task))}`,
    lines,
    link: taskLink(i.task),
    taskId: i.task.id,
    requestId: i.requestId,
  };
}

export function taskReopenedMessage(i: { task: TaskRef; fromLabel: string; reason: string; actorName: string }): NotificationMessage {
  return {
    kind: NotificationKind.TaskReopened,
    title: `Nhiệm vụ được mở lại: ${short(taskName(i.task))}`,
    lines: [
      `Nhiệm vụ: ${taskName(i.task)}`,
      `Văn phòng UBND tỉnh (${i.actorName}) đã mở lại nhiệm vụ đang ở trạng thái "${i.fromLabel}"; nhiệm vụ tiếp tục được theo dõi.`,
      `Lý do: ${i.reason}`,
    ],
    link: taskLink(i.task),
    taskId: i.task.id,
    requestId: null,
  };
}

export function taskReassignedMessage(i: { task: TaskRef; fromAgencyName: string; reason: string | null; actorName: string }): NotificationMessage {
  const lines = [
    `Nhiệm vụ: ${taskName(i.task)}`,
    `Cơ quan chủ trì được đổi từ ${i.fromAgencyName} sang ${i.task.leadAgencyName} (người thực hiện: ${i.actorName}).`,
  ];
  if (i.reason) lines.push(`Lý do: ${i.reason}`);
  return {
    kind: NotificationKind.TaskReassigned,
    title: `Nhiệm vụ được giao lại cho ${i.task.leadAgencyName}: ${short(taskName(i.task))}`,
    lines,
    link: taskLink(i.task),
    taskId: i.task.id,
    requestId: null,
  };
}

/** The inbox copy of an agency's reminder digest: its subject and up to ten tasks, linking the first. */
export function deadlineRemindersMessage(i: {
  subject: string;
  items: { task: TaskRef; dueDate: LocalDate; standing: string }[];
}): NotificationMessage {
  const shown = i.items.slice(0, 10);
  const lines = shown.map((x) => `${taskName(x.task)} — thời hạn ${formatVietnameseDate(x.dueDate)} (${x.standing})`);
  if (i.items.length > shown.length) lines.push(`… và ${i.items.length - shown.length} nhiệm vụ khác`);
  return {
    kind: NotificationKind.DeadlineReminder,
    title: i.subject,
    lines,
    link: i.items.length === 1 ? taskLink(i.items[0].task) : '/app/tasks',
    taskId: i.items.length === 1 ? i.items[0].task.id : null,
    requestId: null,
  };
}
