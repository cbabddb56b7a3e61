import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { insertRows } from 'src/core/database/insert-rows';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { formatVietnameseDate } from 'src/core/time/local-date';
import { renderMailTemplate } from 'src/modules/mail/mail-templates';
import { MailKind } from 'src/modules/mail/mail.enums';
import { MailService, NewMail } from 'src/modules/mail/mail.service';
import { isLeaderInCharge } from 'src/modules/users/leader-in-charge';
import { User } from 'src/modules/users/user.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { UsersService } from 'src/modules/users/users.service';
import { NotificationPreferencesDto } from './dto/notification.dto';
import { NotificationMessage } from './notification-messages';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { NotificationDelivery, NotificationKind, PREFERENCE_KINDS } from './notification.enums';

export type Recipient = Pick<User, 'id' | 'email' | 'fullName'>;

export const MAIL_FOOTER =
  'Thư này được gửi tự động từ Hệ thống theo dõi nhiệm vụ; vui lòng không trả lời thư. ' +
  'Cách nhận thông báo (gửi ngay, tổng hợp hằng ngày hoặc chỉ trên hệ thống) được chọn tại mục Thông báo.';

/** At most this many digest entries per run (the rest wait for the next run). */
const DIGEST_BATCH = 5000;

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
  page: number;
  limit: number;
}

/**
 * The inbox ("Thông báo") and the notification emails. Callers pass what happened
 * (notification-messages.ts) inside their own transaction; each recipient gets an inbox row and,
 * by their preference for the kind, an email now (the mail outbox), in the daily digest, or none.
 * Callers dispatch() the returned mail ids after commit.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectRepository(Notification) private readonly repo: Repository<Notification>,
    @InjectRepository(NotificationPreference) private readonly prefs: Repository<NotificationPreference>,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly calendar: CalendarService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  // ── who ─────────────────────────────────────────────────────────────────────────────────

  /** The agency users of these agencies. */
  agencyUsers(agencyIds: number[]): Promise<Recipient[]> {
    return this.users.activeOfAgencies(agencyIds);
  }

  // ── send ────────────────────────────────────────────────────────────────────────────────

  /**
   * To the office and the leader in charge. When the office has no active account to receive it, the
   * email goes to OFFICE_EMAIL instead, so a request is never left unannounced.
   */
  async notifyOffice(m: EntityManager, message: NotificationMessage, leaderInCharge: string | null): Promise<number[]> {
    const people = await this.users.activeByRoles([UserRole.Office, UserRole.Leader]);
    const recipients = people.filter((u) => u.role === UserRole.Office || isLeaderInCharge(leaderInCharge, u.fullName));
    const ids = await this.notify(m, message, recipients);
    if (recipients.some((u) => u.role === UserRole.Office)) return ids;
    const officeEmail = this.config.get('mail.officeEmail', { infer: true });
    const mail = await this.mail.create(this.immediateMail(message, { email: officeEmail, fullName: 'Văn phòng UBND tỉnh' }), m);
    this.logger.warn(`no active office account: ${message.kind} notification emailed to OFFICE_EMAIL`);
    return [...ids, mail.id];
  }

  /** Inbox rows (and immediate emails) for `recipients`, in `m`'s transaction; returns the mail ids. */
  async notify(m: EntityManager, message: NotificationMessage, recipients: Recipient[], exceptUserId?: number): Promise<number[]> {
    const people = [...new Map(recipients.filter((r) => r.id !== exceptUserId).map((r) => [r.id, r])).values()];
    if (!people.length) return [];
    const choices = await this.deliveries(
      m,
      people.map((p) => p.id),
      message.kind,
    );
    const mailIds: number[] = [];
    const rows: Partial<Notification>[] = [];
    for (const person of people) {
      const delivery = choices.get(person.id) ?? NotificationDelivery.Immediate;
      let mailMessageId: number | null = null;
      if (delivery === NotificationDelivery.Immediate && person.email) {
        const mail = await this.mail.create(this.immediateMail(message, person), m);
        mailMessageId = mail.id;
        mailIds.push(mail.id);
      }
      rows.push({
        userId: person.id,
        kind: message.kind,
        title: message.title.slice(0, 500),
        body: message.lines.join('\n'),
        link: message.link,
        taskId: message.taskId,
        requestId: message.requestId,
        delivery,
        mailMessageId,
        digestedAt: null,
        readAt: null,
      });
    }
    // Every recipient's inbox row in one multi-row INSERT.
    await insertRows(m, Notification, rows);
    return mailIds;
  }

  private immediateMail(message: NotificationMessage, to: Pick<Recipient, 'email' | 'fullName'>): NewMail {
    const appUrl = this.config.get('app.appUrl', { infer: true });
    const body = renderMailTemplate('notification', {
      subject: message.title,
      header: 'HỆ THỐNG THEO DÕI NHIỆM VỤ – THÔNG BÁO',
      recipientName: to.fullName,
      title: message.title,
      lines: message.lines,
      link: message.link ? `${appUrl}${message.link}` : null,
      linkLabel: 'Xem nhiệm vụ',
      footer: MAIL_FOOTER,
    });
    return {
      kind: MailKind.Notification,
      to: [to.email],
      subject: `[Thông báo] ${message.title}`,
      html: body.html,
      text: body.text,
      taskIds: message.taskId ? [message.taskId] : [],
    };
  }

  /** After commit: hands the emails to the queue (the outbox sweep catches up when Redis is down). */
  dispatch(mailIds: number[]): Promise<void> {
    return mailIds.length ? this.mail.dispatch(mailIds) : Promise.resolve();
  }

  private async deliveries(m: EntityManager, userIds: number[], kind: NotificationKind): Promise<Map<number, NotificationDelivery>> {
    // Deadline reminders are emailed as the agency's reminder digest: the inbox entry only.
    if (kind === NotificationKind.DeadlineReminder) return new Map(userIds.map((id) => [id, NotificationDelivery.InApp]));
    const rows = await m.findBy(NotificationPreference, { userId: In(userIds), kind });
    return new Map(rows.map((r) => [r.userId, r.delivery]));
  }

  // ── the daily digest ────────────────────────────────────────────────────────────────────

  /** One email per user with the digest entries not yet sent; returns how many emails were made. */
  async sendDigests(): Promise<number> {
    const pending = await this.repo.find({
      where: { delivery: NotificationDelivery.Digest, digestedAt: IsNull() },
      order: { userId: 'ASC', id: 'ASC' },
      take: DIGEST_BATCH,
    });
    if (!pending.length) return 0;
    const byUser = new Map<number, Notification[]>();
    for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
    const users = new Map((await this.users.findByIds([...byUser.keys()])).map((u) => [u.id, u]));
    const appUrl = this.config.get('app.appUrl', { infer: true });
    const date = formatVietnameseDate(this.calendar.today());
    const mailIds: number[] = [];
    for (const [userId, items] of byUser) {
      const user = users.get(userId);
      await this.repo.manager.transaction(async (m) => {
        if (user?.active && user.email) {
          const subject = `[Thông báo] Tổng hợp ngày ${date}: ${items.length} thông báo`;
          const body = renderMailTemplate('notification-digest', {
            subject,
            header: 'HỆ THỐNG THEO DÕI NHIỆM VỤ – TỔNG HỢP THÔNG BÁO',
            recipientName: user.fullName,
            date,
            count: items.length,
            items: items.map((n) => ({ title: n.title, lines: n.body.split('\n'), link: n.link ? `${appUrl}${n.link}` : null })),
            inboxLink: `${appUrl}/app/notifications`,
            footer: MAIL_FOOTER,
          });
          const mail = await this.mail.create(
            {
              kind: MailKind.NotificationDigest,
              to: [user.email],
              subject,
              html: body.html,
              text: body.text,
              taskIds: items.flatMap((n) => (n.taskId ? [n.taskId] : [])),
            },
            m,
          );
          mailIds.push(mail.id);
        }
        await m.update(Notification, { id: In(items.map((n) => n.id)), digestedAt: IsNull() }, { digestedAt: new Date() });
      });
    }
    await this.dispatch(mailIds);
    this.logger.log(`notification digests: ${mailIds.length} email(s) for ${pending.length} notification(s)`);
    return mailIds.length;
  }

  // ── the inbox ───────────────────────────────────────────────────────────────────────────

  async list(userId: number, q: { unread?: boolean; page?: number; limit?: number }): Promise<NotificationPage> {
    const page = q.page ?? 1;
    const limit = q.limit ?? 20;
    const where = { userId, ...(q.unread ? { readAt: IsNull() } : {}) };
    const [items, total] = await this.repo.findAndCount({ where, order: { id: 'DESC' }, skip: (page - 1) * limit, take: limit });
    return { items, total, unread: await this.unreadCount(userId), page, limit };
  }

  unreadCount(userId: number): Promise<number> {
    return this.repo.countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: number, id: number): Promise<Notification> {
    const n = await this.repo.findOneBy({ id, userId });
    if (!n) throw new NotFoundException('Không tìm thấy thông báo');
    if (!n.readAt) {
      n.readAt = new Date();
      await this.repo.update({ id, readAt: IsNull() }, { readAt: n.readAt });
    }
    return n;
  }

  async markAllRead(userId: number): Promise<number> {
    const r = await this.repo.update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return r.affected ?? 0;
  }

  // ── preferences ─────────────────────────────────────────────────────────────────────────

  async preferences(userId: number): Promise<Record<(typeof PREFERENCE_KINDS)[number], NotificationDelivery>> {
    const rows = await this.prefs.findBy({ userId });
    const out = Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, NotificationDelivery.Immediate])) as Record<
      (typeof PREFERENCE_KINDS)[number],
      NotificationDelivery
    >;
    for (const r of rows) if ((PREFERENCE_KINDS as readonly string[]).includes(r.kind)) out[r.kind as (typeof PREFERENCE_KINDS)[number]] = r.delivery;
    return out;
  }

  /** Sets the kinds given (validated by the DTO: unknown kinds and values are a 400 before this). */
  async setPreferences(userId: number, dto: NotificationPreferencesDto) {
    await this.prefs.manager.transaction(async (m) => {
      for (const kind of PREFERENCE_KINDS) {
        const delivery = dto[kind];
        if (!delivery) continue;
        await m.delete(NotificationPreference, { userId, kind });
        await m.insert(NotificationPreference, { userId, kind, delivery });
      }
    });
    return this.preferences(userId);
  }
}
