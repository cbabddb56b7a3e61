import { diffDays, formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { standingText } from '../reminder-points';
import { renderMailTemplate } from 'src/modules/mail/mail-templates';

/** One task of a digest, as of the scan day. */
export interface DigestItem {
  taskId: number;
  code: string | null;
  title: string;
  effectiveDueDate: LocalDate;
  sourceDocument: string | null;
  /** Copied to the leader and the office (escalateAfterDays overdue). */
  escalate: boolean;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface DigestCounts {
  overdue: number;
  dueToday: number;
  dueSoon: number;
}

interface Common {
  agencyName: string;
  asOf: LocalDate;
  appUrl: string;
  /** "Bình Phước". */
  provinceName: string;
}

export function taskUrl(appUrl: string, taskId: number): string {
  return `${appUrl}/app/tasks/${taskId}`;
}

export function countItems(items: DigestItem[], asOf: LocalDate): DigestCounts {
  const counts: DigestCounts = { overdue: 0, dueToday: 0, dueSoon: 0 };
  for (const it of items) {
    const left = diffDays(asOf, it.effectiveDueDate);
    if (left < 0) counts.overdue++;
    else if (left === 0) counts.dueToday++;
    else counts.dueSoon++;
  }
  return counts;
}

/** "2 nhiệm vụ quá hạn, 3 nhiệm vụ sắp đến hạn": the parts that are not 0, most urgent first. */
export function countsPhrase(c: DigestCounts): string {
  const parts: string[] = [];
  if (c.overdue) parts.push(`${c.overdue} nhiệm vụ quá hạn`);
  if (c.dueToday) parts.push(`${c.dueToday} nhiệm vụ đến hạn hôm nay`);
  if (c.dueSoon) parts.push(`${c.dueSoon} nhiệm vụ sắp đến hạn`);
  return parts.join(', ');
}

export function digestSubject(agencyName: string, c: DigestCounts): string {
  return `[Nhắc việc] ${agencyName}: ${countsPhrase(c)}`;
}

/**
 * One collator for every sort of a digest: `localeCompare(b, 'vi', …)` builds one per call, which was
 * most of sorting a digest of thousands of tasks sharing a due date (issue #15, scenario 7).
 */
const CODE_ORDER = new Intl.Collator('vi', { numeric: true });

/** Most overdue first, then the nearest deadline, then by code. */
export function sortItems<T extends { effectiveDueDate: LocalDate; code: string | null; taskId: number }>(
  items: T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      (a.effectiveDueDate < b.effectiveDueDate ? -1 : a.effectiveDueDate > b.effectiveDueDate ? 1 : 0) ||
      CODE_ORDER.compare(a.code ?? '', b.code ?? '') ||
      a.taskId - b.taskId,
  );
}

/** The XLSX that carries a big digest's full list (the body lists only the most urgent). */
export interface DigestAttachmentInfo {
  filename: string;
  /** Tasks listed in the file (fewer than all when the size cap cut it). */
  listed: number;
}

/** Tasks listed in a message body; the rest are counted and sent as an attachment. */
export const BODY_MAX_TASKS = 100;

/** The body's share of a list, and the sentence that says where the rest is (null when all are shown). */
export function boundedList(
  items: DigestItem[],
  attachment: DigestAttachmentInfo | null | undefined,
  appUrl: string,
): { shown: DigestItem[]; note: string | null } {
  if (items.length <= BODY_MAX_TASKS) return { shown: items, note: null };
  const shown = sortItems(items).slice(0, BODY_MAX_TASKS);
  let note = `Thư này liệt kê ${BODY_MAX_TASKS} nhiệm vụ cấp bách nhất trong tổng số ${items.length} nhiệm vụ.`;
  if (attachment) {
    note +=
      attachment.listed >= items.length
        ? ` Danh sách đầy đủ ${items.length} nhiệm vụ có trong tệp đính kèm ${attachment.filename}.`
        : ` Tệp đính kèm ${attachment.filename} liệt kê ${attachment.listed} nhiệm vụ cấp bách nhất; danh sách đầy đủ xem trên hệ thống: ${appUrl}/app/tasks`;
  } else note += ` Danh sách đầy đủ xem trên hệ thống: ${appUrl}/app/tasks`;
  return { shown, note };
}

/** One task as the mail templates list it (templates/mail/_task-items.hbs, _task-lines.hbs). */
interface ItemView {
  code: string | null;
  title: string;
  source: string | null;
  due: string;
  standing: string;
  overdue: boolean;
  url: string;
}

/** The tasks in the order they are listed, as data for the templates' loop. */
function itemViews(items: DigestItem[], asOf: LocalDate, appUrl: string, withSource = false): ItemView[] {
  return sortItems(items).map((it) => ({
    code: it.code,
    title: it.title,
    source: withSource ? it.sourceDocument : null,
    due: formatVietnameseDate(it.effectiveDueDate),
    standing: standingText(it.effectiveDueDate, asOf),
    overdue: it.effectiveDueDate < asOf,
    url: taskUrl(appUrl, it.taskId),
  }));
}

const FOOTER_TEXT =
  'Thư này được gửi tự động từ Hệ thống theo dõi nhiệm vụ; vui lòng không trả lời thư. ' +
  'Người nhận là tài khoản của cơ quan có thể đề nghị quản trị hệ thống ngừng gửi thư nhắc việc.';

function frame(provinceName: string, subject: string) {
  return { subject, header: `UBND TỈNH ${provinceName.toLocaleUpperCase('vi')} – HỆ THỐNG THEO DÕI NHIỆM VỤ`, footer: FOOTER_TEXT };
}

/**
 * The daily digest to one lead agency: every point it reached in this scan. `copiedTo` names who else
 * is told about its escalated tasks ("Văn phòng UBND tỉnh", with the leader in charge when found).
 */
export function renderDigest(
  input: Common & { items: DigestItem[]; copiedTo: string | null; attachment?: DigestAttachmentInfo | null },
): RenderedMail {
  const counts = countItems(input.items, input.asOf);
  const { shown, note } = boundedList(input.items, input.attachment, input.appUrl);
  const subject = digestSubject(input.agencyName, counts);
  const date = formatVietnameseDate(input.asOf);
  const escalated = input.items.filter((i) => i.escalate).length;
  const body = renderMailTemplate('reminder-digest', {
    ...frame(input.provinceName, subject),
    agencyName: input.agencyName,
    intro:
      `Hệ thống theo dõi nhiệm vụ của UBND tỉnh ${input.provinceName} xin thông báo tình hình thực hiện ` +
      `các nhiệm vụ do quý cơ quan chủ trì, tính đến ngày ${date}:`,
    counts: [...countsPhrase(counts).split(', '), ...(note ? [note] : [])],
    items: itemViews(shown, input.asOf, input.appUrl),
    request:
      'Đề nghị quý cơ quan khẩn trương tổ chức thực hiện, cập nhật tiến độ và kết quả trên hệ thống; ' +
      'trường hợp không thể hoàn thành đúng thời hạn, đề nghị gửi đề xuất gia hạn, xin rút hoặc xin chuyển nhiệm vụ qua hệ thống.',
    escalation:
      escalated > 0 && input.copiedTo
        ? `Lưu ý: ${escalated} nhiệm vụ đã quá hạn nhiều ngày; nội dung nhắc việc này được gửi đồng thời đến ${input.copiedTo}.`
        : null,
  });
  return { subject, ...body };
}

/** The office's copy at escalation: the overdue tasks, with the draft công văn đôn đốc attached. */
export function renderEscalation(
  input: Common & {
    items: DigestItem[];
    letterFilename: string;
    letterTaskCount: number;
    replyBy: LocalDate;
    /** Who received the digest; empty when the agency has no address. */
    digestRecipients: string[];
  },
): RenderedMail {
  const subject = `[Đôn đốc] ${input.agencyName}: ${input.items.length} nhiệm vụ quá hạn cần đôn đốc (kèm dự thảo công văn)`;
  const date = formatVietnameseDate(input.asOf);
  const { shown, note } = boundedList(input.items, null, input.appUrl);
  const body = renderMailTemplate('reminder-escalation', {
    ...frame(input.provinceName, subject),
    intro: `Tính đến ngày ${date}, ${input.agencyName} có ${input.items.length} nhiệm vụ quá hạn đã đến mức đôn đốc:${note ? ` ${note}` : ''}`,
    items: itemViews(shown, input.asOf, input.appUrl, true),
    letter:
      `Dự thảo công văn đôn đốc (tệp đính kèm ${input.letterFilename}) liệt kê ${input.letterTaskCount} nhiệm vụ quá hạn của cơ quan, ` +
      `đề nghị hoàn thành hoặc có văn bản đề xuất gia hạn, xin rút trước ngày ${formatVietnameseDate(input.replyBy)}. ` +
      'Đề nghị Phòng Tổng hợp rà soát, ghi số văn bản và trình lãnh đạo ký ban hành.',
    sentTo: input.digestRecipients.length
      ? `Thư nhắc việc gửi cơ quan: ${input.digestRecipients.join(', ')}.`
      : 'Cơ quan chưa có địa chỉ nhận thư: thư nhắc việc chưa được gửi đến cơ quan.',
  });
  return { subject, ...body };
}

/** To the office when an agency has no address at all: its reminders are not silently dropped. */
export function renderMissingAddress(
  input: Common & { agencyCode: string; items: DigestItem[]; attachment?: DigestAttachmentInfo | null },
): RenderedMail {
  const counts = countItems(input.items, input.asOf);
  const { shown, note } = boundedList(input.items, input.attachment, input.appUrl);
  const subject = `[Nhắc việc] Chưa có địa chỉ nhận thư: ${input.agencyName} (${input.items.length} nhiệm vụ)`;
  const date = formatVietnameseDate(input.asOf);
  const body = renderMailTemplate('reminder-missing-address', {
    ...frame(input.provinceName, subject),
    intro:
      `Không gửi được thư nhắc việc ngày ${date} cho ${input.agencyName} (mã ${input.agencyCode}) vì cơ quan chưa có ` +
      'địa chỉ email liên hệ và không có tài khoản nào của cơ quan nhận thư nhắc việc.',
    request:
      'Đề nghị Văn phòng cập nhật địa chỉ email của cơ quan (mục Cơ quan, đơn vị) và thông báo nội dung nhắc việc dưới đây đến cơ quan:',
    counts: [...countsPhrase(counts).split(', '), ...(note ? [note] : [])],
    items: itemViews(shown, input.asOf, input.appUrl),
  });
  return { subject, ...body };
}

/**
 * To the office when the relay refused an agency's digest for good: the points it carried are
 * freed (the next scan sends them again) and the office can fix the address or call the agency.
 */
export function renderDeliveryFailure(input: {
  agencyName: string | null;
  subject: string;
  to: string[];
  error: string;
  points: number;
  appUrl: string;
  provinceName: string;
}): RenderedMail {
  const who = input.agencyName ?? 'cơ quan';
  const subject = `[Nhắc việc] Thư gửi ${who} bị máy chủ thư từ chối`;
  const body = renderMailTemplate('notification', {
    ...frame(input.provinceName, subject),
    recipientName: 'Văn phòng UBND tỉnh',
    title: subject,
    lines: [
      `Thư “${input.subject}” gửi ${input.to.join(', ')} đã bị máy chủ thư từ chối và không thể gửi được.`,
      `Lý do máy chủ thư trả về: ${input.error}`,
      `${input.points} lượt nhắc việc trong thư đã được hoàn lại: lần quét nhắc việc sau sẽ gửi lại các nhiệm vụ này.`,
      `Đề nghị Văn phòng kiểm tra địa chỉ email của ${who}.`,
    ],
    link: `${input.appUrl}/app/mail?status=failed`,
    linkLabel: 'Xem nhật ký thư',
  });
  return { subject, ...body };
}

export interface WeeklyAgencyRow {
  agencyName: string;
  items: DigestItem[];
}

export function weeklySummarySubject(asOf: LocalDate, taskCount: number, agencyCount: number): string {
  const date = formatVietnameseDate(asOf);
  return taskCount
    ? `[Tổng hợp tuần] Nhiệm vụ quá hạn đến ngày ${date}: ${taskCount} nhiệm vụ của ${agencyCount} cơ quan`
    : `[Tổng hợp tuần] Không có nhiệm vụ quá hạn đến ngày ${date}`;
}

/** Monday morning, to the office: overdue open tasks by lead agency. */
export function renderWeeklySummary(input: {
  asOf: LocalDate;
  appUrl: string;
  provinceName: string;
  agencies: WeeklyAgencyRow[];
}): RenderedMail {
  const total = input.agencies.reduce((n, a) => n + a.items.length, 0);
  const subject = weeklySummarySubject(input.asOf, total, input.agencies.length);
  const date = formatVietnameseDate(input.asOf);
  const maxOverdue = (items: DigestItem[]) => Math.max(...items.map((i) => diffDays(i.effectiveDueDate, input.asOf)));
  const body = renderMailTemplate('reminder-weekly-summary', {
    ...frame(input.provinceName, subject),
    none: total === 0 ? `Tính đến ngày ${date}, không có nhiệm vụ nào quá hạn mà chưa hoàn thành.` : null,
    intro: `Tính đến ngày ${date}, có ${total} nhiệm vụ quá hạn chưa hoàn thành của ${input.agencies.length} cơ quan, đơn vị:`,
    total,
    agencies: input.agencies.map((a) => ({
      agencyName: a.agencyName,
      count: a.items.length,
      longest: `${maxOverdue(a.items)} ngày`,
      items: itemViews(a.items, input.asOf, input.appUrl, true),
    })),
  });
  return { subject, ...body };
}
