import { diffDays, formatVietnameseDate, LocalDate } from 'src/modules/calendar/local-date';
import { standingText } from '../reminder-points';
import { Cell, escapeHtml, htmlDocument, htmlTable, paragraph } from './html';

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

/** Most overdue first, then the nearest deadline, then by code. */
export function sortItems<T extends { effectiveDueDate: LocalDate; code: string | null; taskId: number }>(
  items: T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      a.effectiveDueDate.localeCompare(b.effectiveDueDate) ||
      (a.code ?? '').localeCompare(b.code ?? '', 'vi', { numeric: true }) ||
      a.taskId - b.taskId,
  );
}

function itemRows(items: DigestItem[], asOf: LocalDate, appUrl: string, withSource: boolean): Cell[][] {
  return sortItems(items).map((it, i) => [
    { text: String(i + 1), align: 'center' },
    { text: it.code ?? '', nowrap: true },
    { text: it.title },
    ...(withSource ? [{ text: it.sourceDocument ?? '' }] : []),
    { text: formatVietnameseDate(it.effectiveDueDate), align: 'center', nowrap: true },
    { text: standingText(it.effectiveDueDate, asOf), nowrap: true },
    { text: 'Xem', href: taskUrl(appUrl, it.taskId), align: 'center' },
  ]);
}

function itemTable(items: DigestItem[], asOf: LocalDate, appUrl: string, withSource = false): string {
  const headers = [
    'TT',
    'Mã',
    'Nội dung nhiệm vụ',
    ...(withSource ? ['Văn bản giao nhiệm vụ'] : []),
    'Thời hạn',
    'Tình trạng',
    'Chi tiết',
  ];
  return htmlTable(headers, itemRows(items, asOf, appUrl, withSource));
}

function itemLines(items: DigestItem[], asOf: LocalDate, appUrl: string, withSource = false): string {
  return sortItems(items)
    .map((it, i) => {
      const lines = [`${i + 1}. ${it.code ? `[${it.code}] ` : ''}${it.title}`];
      if (withSource && it.sourceDocument) lines.push(`   Văn bản giao: ${it.sourceDocument}`);
      lines.push(
        `   Thời hạn: ${formatVietnameseDate(it.effectiveDueDate)} (${standingText(it.effectiveDueDate, asOf)})`,
      );
      lines.push(`   ${taskUrl(appUrl, it.taskId)}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function countsList(c: DigestCounts): { html: string; text: string } {
  const parts = countsPhrase(c).split(', ');
  return {
    html: `<ul>${parts.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`,
    text: parts.map((p) => `- ${p}`).join('\n'),
  };
}

const FOOTER_TEXT =
  'Thư này được gửi tự động từ Hệ thống theo dõi nhiệm vụ; vui lòng không trả lời thư. ' +
  'Người nhận là tài khoản của cơ quan có thể đề nghị quản trị hệ thống ngừng gửi thư nhắc việc.';

/**
 * The daily digest to one lead agency: every point it reached in this scan. `copiedTo` names who else
 * is told about its escalated tasks ("Văn phòng UBND tỉnh", with the leader in charge when found).
 */
export function renderDigest(input: Common & { items: DigestItem[]; copiedTo: string | null }): RenderedMail {
  const counts = countItems(input.items, input.asOf);
  const subject = digestSubject(input.agencyName, counts);
  const date = formatVietnameseDate(input.asOf);
  const list = countsList(counts);
  const escalated = input.items.filter((i) => i.escalate).length;
  const intro =
    `Hệ thống theo dõi nhiệm vụ của UBND tỉnh ${input.provinceName} xin thông báo tình hình thực hiện ` +
    `các nhiệm vụ do quý cơ quan chủ trì, tính đến ngày ${date}:`;
  const request =
    'Đề nghị quý cơ quan khẩn trương tổ chức thực hiện, cập nhật tiến độ và kết quả trên hệ thống; ' +
    'trường hợp không thể hoàn thành đúng thời hạn, đề nghị gửi đề xuất gia hạn, xin rút hoặc xin chuyển nhiệm vụ qua hệ thống.';
  const escalation =
    escalated > 0 && input.copiedTo
      ? `Lưu ý: ${escalated} nhiệm vụ đã quá hạn nhiều ngày; nội dung nhắc việc này được gửi đồng thời đến ${input.copiedTo}.`
      : null;
  const html = htmlDocument(
    subject,
    paragraph(`Kính gửi: <b>${escapeHtml(input.agencyName)}</b>`) +
      paragraph(escapeHtml(intro)) +
      list.html +
      itemTable(input.items, input.asOf, input.appUrl) +
      paragraph(escapeHtml(request)) +
      (escalation ? paragraph(`<b>${escapeHtml(escalation)}</b>`) : '') +
      paragraph(escapeHtml(FOOTER_TEXT), 'color:#666;font-size:13px'),
  );
  const text = [
    `Kính gửi: ${input.agencyName}`,
    '',
    intro,
    list.text,
    '',
    itemLines(input.items, input.asOf, input.appUrl),
    '',
    request,
    ...(escalation ? ['', escalation] : []),
    '',
    '--',
    FOOTER_TEXT,
    '',
  ].join('\n');
  return { subject, html, text };
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
  const intro = `Tính đến ngày ${date}, ${input.agencyName} có ${input.items.length} nhiệm vụ quá hạn đã đến mức đôn đốc:`;
  const letter =
    `Dự thảo công văn đôn đốc (tệp đính kèm ${input.letterFilename}) liệt kê ${input.letterTaskCount} nhiệm vụ quá hạn của cơ quan, ` +
    `đề nghị hoàn thành hoặc có văn bản đề xuất gia hạn, xin rút trước ngày ${formatVietnameseDate(input.replyBy)}. ` +
    'Đề nghị Phòng Tổng hợp rà soát, ghi số văn bản và trình lãnh đạo ký ban hành.';
  const sentTo = input.digestRecipients.length
    ? `Thư nhắc việc gửi cơ quan: ${input.digestRecipients.join(', ')}.`
    : 'Cơ quan chưa có địa chỉ nhận thư: thư nhắc việc chưa được gửi đến cơ quan.';
  const html = htmlDocument(
    subject,
    paragraph('Kính gửi: <b>Văn phòng UBND tỉnh</b>') +
      paragraph(escapeHtml(intro)) +
      itemTable(input.items, input.asOf, input.appUrl, true) +
      paragraph(escapeHtml(letter)) +
      paragraph(escapeHtml(sentTo)) +
      paragraph(escapeHtml(FOOTER_TEXT), 'color:#666;font-size:13px'),
  );
  const text = [
    'Kính gửi: Văn phòng UBND tỉnh',
    '',
    intro,
    '',
    itemLines(input.items, input.asOf, input.appUrl, true),
    '',
    letter,
    sentTo,
    '',
    '--',
    FOOTER_TEXT,
    '',
  ].join('\n');
  return { subject, html, text };
}

/** To the office when an agency has no address at all: its reminders are not silently dropped. */
export function renderMissingAddress(input: Common & { agencyCode: string; items: DigestItem[] }): RenderedMail {
  const counts = countItems(input.items, input.asOf);
  const subject = `[Nhắc việc] Chưa có địa chỉ nhận thư: ${input.agencyName} (${input.items.length} nhiệm vụ)`;
  const date = formatVietnameseDate(input.asOf);
  const intro =
    `Không gửi được thư nhắc việc ngày ${date} cho ${input.agencyName} (mã ${input.agencyCode}) vì cơ quan chưa có ` +
    'địa chỉ email liên hệ và không có tài khoản nào của cơ quan nhận thư nhắc việc.';
  const request =
    'Đề nghị Văn phòng cập nhật địa chỉ email của cơ quan (mục Cơ quan, đơn vị) và thông báo nội dung nhắc việc dưới đây đến cơ quan:';
  const list = countsList(counts);
  const html = htmlDocument(
    subject,
    paragraph('Kính gửi: <b>Văn phòng UBND tỉnh</b>') +
      paragraph(escapeHtml(intro)) +
      paragraph(escapeHtml(request)) +
      list.html +
      itemTable(input.items, input.asOf, input.appUrl) +
      paragraph(escapeHtml(FOOTER_TEXT), 'color:#666;font-size:13px'),
  );
  const text = [
    'Kính gửi: Văn phòng UBND tỉnh',
    '',
    intro,
    request,
    list.text,
    '',
    itemLines(input.items, input.asOf, input.appUrl),
    '',
    '--',
    FOOTER_TEXT,
    '',
  ].join('\n');
  return { subject, html, text };
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
  if (!total) {
    const line = `Tính đến ngày ${date}, không có nhiệm vụ nào quá hạn mà chưa hoàn thành.`;
    return {
      subject,
      html: htmlDocument(subject, paragraph('Kính gửi: <b>Văn phòng UBND tỉnh</b>') + paragraph(escapeHtml(line))),
      text: `Kính gửi: Văn phòng UBND tỉnh\n\n${line}\n`,
    };
  }
  const maxOverdue = (items: DigestItem[]) => Math.max(...items.map((i) => diffDays(i.effectiveDueDate, input.asOf)));
  const summaryRows: Cell[][] = input.agencies.map((a, i) => [
    { text: String(i + 1), align: 'center' },
    { text: a.agencyName },
    { text: String(a.items.length), align: 'right' },
    { text: `${maxOverdue(a.items)} ngày`, align: 'right', nowrap: true },
  ]);
  summaryRows.push([{ text: '' }, { text: 'Tổng cộng' }, { text: String(total), align: 'right' }, { text: '' }]);
  const intro = `Tính đến ngày ${date}, có ${total} nhiệm vụ quá hạn chưa hoàn thành của ${input.agencies.length} cơ quan, đơn vị:`;
  const html = htmlDocument(
    subject,
    paragraph('Kính gửi: <b>Văn phòng UBND tỉnh</b>') +
      paragraph(escapeHtml(intro)) +
      htmlTable(['TT', 'Cơ quan chủ trì', 'Số nhiệm vụ quá hạn', 'Quá hạn lâu nhất'], summaryRows) +
      input.agencies
        .map(
          (a) =>
            `<h3 style="font-size:15px">${escapeHtml(a.agencyName)}</h3>` +
            itemTable(a.items, input.asOf, input.appUrl, true),
        )
        .join('') +
      paragraph(escapeHtml(FOOTER_TEXT), 'color:#666;font-size:13px'),
  );
  const text = [
    'Kính gửi: Văn phòng UBND tỉnh',
    '',
    intro,
    ...input.agencies.map(
      (a, i) => `${i + 1}. ${a.agencyName}: ${a.items.length} nhiệm vụ (quá hạn lâu nhất ${maxOverdue(a.items)} ngày)`,
    ),
    '',
    ...input.agencies.map((a) => `== ${a.agencyName} ==\n\n${itemLines(a.items, input.asOf, input.appUrl, true)}\n`),
    '--',
    FOOTER_TEXT,
    '',
  ].join('\n');
  return { subject, html, text };
}
