import { Injectable, Logger, NotFoundException, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { join } from 'node:path';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import { insertRows } from 'src/core/database/insert-rows';
import { AppConfig } from 'src/core/config/configuration';
import { Page, pageWindow } from 'src/core/http/pagination';
import { mailDelivered } from 'src/core/metrics/metrics';
import { DurableRun, DurableRuns } from 'src/core/queue/durable-runs';
import { JobAttempt } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { ListMailMessagesQuery } from './dto/mail-message.dto';
import { MailAttachmentRef, MailMessage } from './mail-message.entity';
import { MailKind, MailStatus } from './mail.enums';
import { isPermanentMailError, MailTransport, OutboxTransport, SmtpTransport } from './mail.transport';

export interface NewMail {
  kind: MailKind;
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachmentRef[];
  agencyId?: number | null;
  taskIds?: number[];
  /** Written held (MailStatus.Held): not sent until release() adds what it waits for. */
  held?: boolean;
}

export type DeliveryOutcome = 'sent' | 'partial' | 'failed' | 'skipped';

/** Called after a message is marked failed for good (permanent refusal or the last attempt). */
export type MailFailureListener = (msg: MailMessage, error: string) => Promise<void>;

/**
 * Attempts of one SendEmail job. With MAIL_BACKOFF (5 s doubling, capped at 10 min) that is about
 * a day of retries before a temporary failure (SMTP down, 4xx) is given up as failed; a failed
 * message can be queued again with POST /api/mail/messages/:id/retry.
 */
export const MAIL_ATTEMPTS = 150;
export const MAIL_BACKOFF = 'mail-capped-exponential';
export const MAIL_BACKOFF_BASE_MS = 5_000;
export const MAIL_BACKOFF_MAX_MS = 10 * 60_000;

/** Exponential backoff capped at MAIL_BACKOFF_MAX_MS (BullMQ's own exponential strategy has no cap). */
export function mailBackoff(attemptsMade: number): number {
  return Math.min(MAIL_BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attemptsMade - 1, 20)), MAIL_BACKOFF_MAX_MS);
}

export function mailJobOptions(id: number) {
  return { jobId: `mail-${id}`, attempts: MAIL_ATTEMPTS, backoff: { type: MAIL_BACKOFF, delay: MAIL_BACKOFF_BASE_MS } };
}


/**
 * The mail log and delivery. Request paths and scans only create rows (in their transaction) and,
 * after commit, enqueue `SendEmail {mailMessageId}` with jobId mail-<id>; the worker's MailProcessor
 * calls deliver(). The row is the source of truth: a job for a row that is no longer queued does
 * nothing, and the sweep re-enqueues rows whose job never reached Redis.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private transportInstance: MailTransport | null = null;
  private readonly failureListeners: MailFailureListener[] = [];

  constructor(
    @InjectRepository(MailMessage) private readonly repo: Repository<MailMessage>,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly producer: JobProducer,
    private readonly durable: DurableRuns,
  ) {}

  /** A message as a durable run: the row first, then SendEmail with jobId mail-<id>. */
  private readonly durableRun: DurableRun<JobName.SendEmail> = {
    label: 'mail',
    job: JobName.SendEmail,
    jobId: (id) => mailJobOptions(id).jobId,
    payload: (id) => ({ mailMessageId: id }),
    options: (id) => mailJobOptions(id),
    staleQueued: async (before) =>
      (
        await this.repo.find({
          select: { id: true },
          where: { status: MailStatus.Queued, createdAt: LessThan(before) },
          take: 1000,
          order: { id: 'ASC' },
        })
      ).map((m) => m.id),
    // The job completed with 'sent' while the row still says queued (the row update was lost): repair
    // the row instead of sending again.
    repairCompleted: async (id, job) => {
      if (job.returnvalue !== 'sent') return false;
      await this.repo.update(
        { id, status: MailStatus.Queued },
        { status: MailStatus.Sent, sentAt: job.finishedOn ? new Date(job.finishedOn) : new Date() },
      );
      this.logger.warn(`mail ${id} was sent but still marked queued: marked sent without sending again`);
      return true;
    },
  };

  get transport(): MailTransport {
    if (!this.transportInstance) {
      const url = this.config.get('mail.smtpUrl', { infer: true });
      this.transportInstance = url
        ? new SmtpTransport(url)
        : new OutboxTransport(this.config.get('mail.outboxDir', { infer: true }));
    }
    return this.transportInstance;
  }

  /**
   * Lets the module that put work into a message undo it when the message can never be delivered
   * (reminders free the points a refused digest carried). Mail depends on no feature module.
   */
  onPermanentFailure(listener: MailFailureListener): void {
    this.failureListeners.push(listener);
  }

  onModuleDestroy(): void {
    this.transportInstance?.close();
  }

  /**
   * Records a queued message, inside the caller's transaction when `manager` is given, else on its
   * own. Call dispatch() after commit.
   */
  async create(input: NewMail, manager?: EntityManager): Promise<MailMessage> {
    if (!manager) return this.repo.manager.transaction((m) => this.create(input, m));
    const to = unique(input.to);
    if (!to.length) throw new Error(`a ${input.kind} message needs at least one recipient`);
    const cc = unique(input.cc ?? []).filter((a) => !to.includes(a));
    const row = manager.create(MailMessage, {
      kind: input.kind,
      to,
      cc,
      recipientsText: [...to, ...cc].join(','),
      subject: input.subject.slice(0, 500),
      html: input.html,
      text: input.text,
      attachments: input.attachments ?? [],
      status: input.held ? MailStatus.Held : MailStatus.Queued,
      attempts: 0,
      lastError: null,
      messageId: null,
      agencyId: input.agencyId ?? null,
      sentAt: null,
    });
    const saved = await manager.save(MailMessage, row);
    // The task links in multi-row inserts: save() of the relation writes one row per statement,
    // which was most of a reminder scan's time (a digest links hundreds of tasks; npm run bench).
    const links = [...new Set(input.taskIds ?? [])].map((taskId) => ({ mailMessageId: saved.id, taskId }));
    await insertRows(manager, { table: 'mail_message_tasks', columns: ['mailMessageId', 'taskId'] }, links, 500);
    return saved;
  }

  /**
   * A held message gets what it waited for (its attachments, and its body when given) and is queued,
   * in the caller's transaction; false when it is no longer held (another job released it). Call
   * dispatch() after commit.
   */
  async release(
    id: number,
    update: { attachments: MailAttachmentRef[]; html?: string; text?: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager.update(
      MailMessage,
      { id, status: MailStatus.Held },
      { status: MailStatus.Queued, attachments: update.attachments, ...(update.html !== undefined ? { html: update.html, text: update.text } : {}) },
    );
    return (result.affected ?? 0) === 1;
  }

  /** A held message whose attachment cannot be made: failed for good, with the reason in the mail log. */
  async failHeld(id: number, reason: string): Promise<void> {
    await this.repo.update({ id, status: MailStatus.Held }, { status: MailStatus.Failed, lastError: reason.slice(0, 2000) });
  }

  /** Enqueues delivery; when Redis is down the rows stay queued and the outbox sweep sends them later. */
  async dispatch(ids: number[]): Promise<void> {
    await this.durable.dispatch(this.durableRun, ids);
  }

  /** Re-enqueues messages still queued after `olderThanMs` (their job never reached Redis, or was lost). */
  async sweep(olderThanMs = 60_000): Promise<number> {
    return this.durable.sweep(this.durableRun, olderThanMs);
  }

  /**
   * Sends one message. Returns normally when sent or already final; throws to let BullMQ retry a
   * temporary failure; marks a permanent failure (5xx, bad envelope) or the last attempt as failed.
   */
  async deliver(id: number, attempt: JobAttempt): Promise<DeliveryOutcome> {
    const msg = await this.repo.findOneBy({ id });
    if (!msg) {
      this.logger.warn(`mail ${id} is gone; nothing to send`);
      return 'skipped';
    }
    if (msg.status !== MailStatus.Queued) return 'skipped';
    const filesDir = this.config.get('files.dir', { infer: true });
    const attempts = msg.attempts + 1;
    return this.durable.handle(
      attempt,
      async () => {
        const result = await this.transport.send(
          {
            from: this.config.get('mail.from', { infer: true }),
            to: msg.to,
            cc: msg.cc.length ? msg.cc : undefined,
            subject: msg.subject,
            html: msg.html,
            text: msg.text,
            attachments: msg.attachments.map((a) => ({
              filename: a.filename,
              path: join(filesDir, a.path),
              contentType: a.contentType,
            })),
            headers: { 'X-Nhiemvu-Message-Id': String(msg.id), 'X-Nhiemvu-Kind': msg.kind },
          },
          msg.id,
        );
        const rejected = result.rejected ?? [];
        // Some recipients refused: recorded as partial, naming them, so the office sees who did not get it.
        const partial = rejected.length ? `Máy chủ thư từ chối ${rejected.length} người nhận: ${rejected.join(', ')}` : null;
        await this.repo.update(
          { id, status: MailStatus.Queued },
          {
            status: partial ? MailStatus.Partial : MailStatus.Sent,
            attempts,
            messageId: result.messageId,
            sentAt: new Date(),
            lastError: partial,
          },
        );
        this.logger.log(
          `mail ${id} sent (${msg.kind}) to ${msg.to.length + msg.cc.length} recipient(s)${result.file ? ` → ${result.file}` : ''}`,
        );
        mailDelivered.inc({ kind: msg.kind, outcome: partial ? 'partial' : 'sent' });
        if (partial) {
          this.logger.warn(`mail ${id}: refused for ${rejected.join(', ')}`);
          return 'partial' as const;
        }
        return 'sent' as const;
      },
      {
        permanent: isPermanentMailError,
        retry: async (lastError) => {
          await this.repo.update({ id, status: MailStatus.Queued }, { attempts, lastError });
          this.logger.warn(`mail ${id} attempt ${attempt.attempt} failed, will retry: ${lastError}`);
        },
        fail: async (lastError, err) => {
          await this.repo.update({ id, status: MailStatus.Queued }, { attempts, lastError, status: MailStatus.Failed });
          const permanent = isPermanentMailError(err);
          this.logger.error(`mail ${id} failed for good after ${attempts} attempt(s)${permanent ? ' (permanent error)' : ''}: ${lastError}`);
          mailDelivered.inc({ kind: msg.kind, outcome: 'failed' });
          for (const listener of this.failureListeners) {
            // A listener's own failure is logged, never turned into a retry of a message that is final.
            await listener(msg, lastError).catch((e: Error) => this.logger.error(`mail ${id}: failure listener: ${e.message}`, e.stack));
          }
          return 'failed' as const;
        },
      },
    );
  }

  /** Queues a failed message again (office/admin), e.g. after a wrong address was corrected elsewhere. */
  async retry(id: number): Promise<MailMessage> {
    const msg = await this.get(id);
    if (msg.status === MailStatus.Failed) {
      await this.repo.update({ id, status: MailStatus.Failed }, { status: MailStatus.Queued, lastError: null });
      const job = await this.producer
        .queue(QueueName.Mail)
        .getJob(`mail-${id}`)
        .catch(() => undefined);
      await job?.remove().catch(() => undefined);
      await this.dispatch([id]);
    }
    return this.get(id);
  }

  findByIds(ids: number[]): Promise<MailMessage[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Whether a message of `kind` whose subject contains `subjectPart` exists (scheduled summaries sent once a day). */
  exists(kind: MailKind, subjectPart: string): Promise<boolean> {
    return this.repo
      .createQueryBuilder('m')
      .where('m.kind = :kind', { kind })
      .andWhere('m.subject LIKE :part', { part: `%${subjectPart.replace(/[%_]/g, '')}%` })
      .getExists();
  }

  async get(id: number): Promise<MailMessage> {
    const msg = await this.repo.findOneBy({ id });
    if (!msg) throw new NotFoundException('Không tìm thấy thư');
    return msg;
  }

  /** The mail log, newest first, filtered by status, kind, a recipient (part of an address) and a task. */
  async list(q: ListMailMessagesQuery): Promise<Page<MailMessage>> {
    const { page, limit, skip, take } = pageWindow(q);
    const qb = this.repo.createQueryBuilder('m');
    if (q.status?.length) qb.andWhere('m.status IN (:...status)', { status: q.status });
    if (q.kind?.length) qb.andWhere('m.kind IN (:...kind)', { kind: q.kind });
    if (q.to) qb.andWhere('m.recipientsText LIKE :to', { to: `%${q.to.trim().toLowerCase().replace(/[%_]/g, '')}%` });
    if (q.taskId) {
      const e = (name: string) => this.repo.manager.connection.driver.escape(name);
      qb.andWhere(
        `m.id IN (SELECT mt.${e('mailMessageId')} FROM ${e('mail_message_tasks')} mt WHERE mt.${e('taskId')} = :taskId)`,
        {
          taskId: q.taskId,
        },
      );
    }
    const [items, total] = await qb.orderBy('m.id', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items, total, page, limit };
  }

  /** Task ids of each message (one query for a page). */
  async taskIdsOf(ids: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const e = (name: string) => this.repo.manager.connection.driver.escape(name);
    const rows = await this.repo.manager
      .createQueryBuilder()
      .select(`mt.${e('mailMessageId')}`, 'mailMessageId')
      .addSelect(`mt.${e('taskId')}`, 'taskId')
      .from('mail_message_tasks', 'mt')
      .where(`mt.${e('mailMessageId')} IN (:...ids)`, { ids })
      .orderBy(`mt.${e('taskId')}`, 'ASC')
      .getRawMany<{ mailMessageId: number | string; taskId: number | string }>();
    for (const r of rows) out.get(Number(r.mailMessageId))?.push(Number(r.taskId));
    return out;
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}
