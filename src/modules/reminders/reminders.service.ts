import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainError } from 'src/core/http/domain-error';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { formatInTimeZone } from 'date-fns-tz';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource, EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { DurableRun, DurableRuns } from 'src/core/queue/durable-runs';
import { JobAttempt } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { insertRows } from 'src/core/database/insert-rows';
import { AppConfig } from 'src/core/config/configuration';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { MAX_PAGE_LIMIT, Page, PageQuery, pageWindow } from 'src/core/http/pagination';
import { remindersSent } from 'src/core/metrics/metrics';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import type { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { diffDays, formatVietnameseDate, LocalDate, parseLocalDate } from 'src/core/time/local-date';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { MailAttachmentRef, MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { DeadlineTask, TaskDeadlinesQuery } from 'src/modules/tasks/queries/task-deadlines.query';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { User } from 'src/modules/users/user.entity';
import { duePoint, MAX_REMINDER_LEAD_DAYS, nextPointOn, pointAt, standingText } from './reminder-points';
import { isInAgencyHands } from 'src/modules/calendar/timeliness';
import { ReminderDate, TaskReminderDates } from 'src/modules/tasks/task-reminder-dates';
import { ReminderState } from './reminder-state.entity';
import { parsePolicyFingerprint, policyFingerprint, policyResetScope } from './policy-fingerprint';
import { deadlineRemindersMessage } from 'src/modules/notifications/notification-messages';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { isLeaderInCharge } from 'src/modules/users/leader-in-charge';
import { UserRole } from 'src/modules/users/user-role.enum';
import { UsersService } from 'src/modules/users/users.service';
import { ReminderLetter } from './reminder-letter.entity';
import { ReminderLog } from './reminder-log.entity';
import { ReminderPolicyService } from './reminder-policy.service';
import { AgencyPlan, appliesInScope, batchScanTime, planScan, ScanScope, ScanTaskRow } from './reminder-scan';
import { renderDigestSheet } from './templates/digest-sheet.xlsx';
import { CONG_VAN_FIELDS, CONG_VAN_SAMPLE, CONG_VAN_TEMPLATE, congVanData } from './templates/cong-van-don-doc.docx';
import { DocumentTemplatesService } from 'src/modules/document-templates/document-templates.service';
import {
  BODY_MAX_TASKS,
  DigestAttachmentInfo,
  DigestItem,
  renderDeliveryFailure,
  renderDigest,
  renderEscalation,
  renderMissingAddress,
  renderWeeklySummary,
  WeeklyAgencyRow,
  sortItems,
} from './templates/reminder-mail.templates';

/** reminder_state key of the policies task_reminder_days was computed with. */
const POLICY_FINGERPRINT = 'policyFingerprint';

/** Working days the công văn gives the agency to finish or to ask for an extension or withdrawal. */
export const LETTER_REPLY_WORKING_DAYS = 7;

/** A letter still undrawn this long after its scan is queued again by the next scan. */
const LETTER_SWEEP_AFTER_MS = 10 * 60_000;

/** Attempts of one RenderReminderLetter job before its mail is failed (exponential from 5 s). */
export const LETTER_ATTEMPTS = 5;

/** Attempts of one BuildReminderDigest job; after them its points stay pending and the next scan queues it again. */
export const DIGEST_ATTEMPTS = 5;

/** A letter that no retry can draw (its agency is gone). */
class LetterError extends Error {}

/** Another digest job claimed these points first (a duplicate job): it wrote the digest. */
class PointsTaken extends Error {}

/** Ids per statement when a digest claims its points (under SQLite's and PostgreSQL's parameter limits). */
const CLAIM_CHUNK = 5000;

const LOG_INSERT_CHUNK = 200;

export interface ScanOptions {
  /** The day judged; default: today in TZ_APP at `now`. */
  asOf?: LocalDate;
  /** The instant of the run (tests pin it); default: now. */
  now?: Date;
  /**
   * A run of the job scheduler: each policy applies only once its send time has come (local time of
   * `now`), and a policy with workingDaysOnly skips days off. Manual scans (API, CLI) apply every policy.
   */
  scheduled?: boolean;
  /**
   * 'inline' (API, CLI: the caller sees the digests written): each agency's points and digest in one
   * transaction. 'queued' (the scan job): the scan records the points and queues one
   * BuildReminderDigest job per agency, which writes the digest (buildDigest); the workers build
   * them in parallel and the scan stays proportional to the day's points.
   */
  digests?: 'inline' | 'queued';
}

/** An agency's points recorded by a queued scan, waiting for their BuildReminderDigest job. */
export interface QueuedDigest {
  agencyId: number;
  agencyCode: string;
  /** `digest-<first reminder_log id of the batch>`; null when a racing scan queued it and its job has written it already. */
  jobId: string | null;
  points: { taskId: number; offsetDays: number }[];
}

export interface DigestSummary {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /** ReminderDigest to the agency, or MissingAddress to the office when the agency has no address. */
  kind: MailKind;
  mailMessageId: number;
  subject: string;
  to: string[];
  cc: string[];
  points: { taskId: number; offsetDays: number }[];
  /** The office's copy with the draft công văn, at escalation. */
  escalationMailMessageId: number | null;
  letterId: number | null;
}

export interface ScanPreview {
  asOf: LocalDate;
  digests: {
    agencyId: number;
    agencyName: string;
    to: string[];
    escalates: boolean;
    items: { taskId: number; code: string | null; title: string; dueDate: LocalDate; offsetDays: number; escalate: boolean }[];
  }[];
}

export interface ScanResult {
  asOf: LocalDate;
  /** Tasks read: those whose reminder day (task_reminder_days) had come (an index range, not every open task). */
  candidates: number;
  /** Reminder points recorded (one per task reminded). */
  points: number;
  digests: DigestSummary[];
  /** A queued scan: the agencies whose points it recorded, each with its digest job. */
  queued?: QueuedDigest[];
  /** Agencies whose points another scan recorded first: nothing sent by this one. */
  conflicts: string[];
  /** Agencies whose digest could not be written (database error); retried by the next scan. */
  failed: string[];
  /** Why nothing was scanned (day off, send time not reached, reminders disabled). */
  skipped: string | null;
  durationMs: number;
}

export interface SendNowResult {
  /** One digest per lead agency (the office's copies at escalation not included). */
  mailMessageIds: number[];
  agencies: number;
  tasks: number;
  /** Reminder points recorded: the selected tasks whose point of the day went out with this send. */
  points: number;
  /** Digests that escalated (leader and office copied, draft công văn). */
  escalations: number;
  /** Agencies whose digest was not written (the scan recorded it meanwhile, or a database error). */
  notSent: string[];
}

export interface WeeklySummaryResult {
  asOf: LocalDate;
  mailMessageId: number | null;
  tasks: number;
  agencies: number;
  skipped: string | null;
}

/**
 * The daily reminder scan (DESIGN.md "Reminders"): reads candidate tasks and recorded points in two
 * queries, plans with the pure core (reminder-scan.ts), then writes each agency's digest in its own
 * transaction together with its reminder_log rows. The unique key of reminder_log makes a point go
 * out at most once: a second scan or worker hitting it rolls that agency back and sends nothing.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly logger = new Logger(RemindersService.name);
  /**
   * Scans of one process run one at a time. Across processes the unique key decides; within one,
   * this also keeps SQLite (a single shared connection in TypeORM, where concurrent transactions
   * nest as savepoints) from interleaving two scans' transactions.
   */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ReminderLog) private readonly logs: Repository<ReminderLog>,
    @InjectRepository(ReminderLetter) private readonly letters: Repository<ReminderLetter>,
    private readonly deadlines: TaskDeadlinesQuery,
    private readonly agencies: AgenciesService,
    private readonly calendar: CalendarService,
    private readonly policies: ReminderPolicyService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly notifications: NotificationsService,
    private readonly templates: DocumentTemplatesService,
    private readonly durable: DurableRuns,
    @InjectRepository(ReminderState) private readonly state: Repository<ReminderState>,
    private readonly reminderDates: TaskReminderDates,
  ) {}

  /**
   * The công văn đôn đốc is one of the documents whose template the office may replace; a digest
   * refused for good frees the reminder points it carried (freePoints).
   */
  onModuleInit(): void {
    this.templates.register({ name: CONG_VAN_TEMPLATE, label: 'Công văn đôn đốc thực hiện nhiệm vụ quá hạn', fields: CONG_VAN_FIELDS, sample: congVanData(CONG_VAN_SAMPLE) });
    this.mail.onPermanentFailure(async (msg, error) => {
      await this.freePoints(msg, error);
    });
  }

  /** The scan's day: `asOf` when given, else today in TZ_APP at `now` (never the server's zone). */
  scanDay(opts: Pick<ScanOptions, 'asOf' | 'now'> = {}): LocalDate {
    return opts.asOf ?? this.calendar.today(opts.now ?? new Date());
  }

  scan(opts: ScanOptions = {}): Promise<ScanResult> {
    return this.exclusive(() => this.runScan(opts));
  }


  /**
   * A digest the relay refused for good (5xx, or every retry spent) carried reminder points that
   * nobody received: they are freed so the next scan sends them again, and the office is told.
   */
  async freePoints(msg: MailMessage, error: string): Promise<number> {
    if (msg.kind !== MailKind.ReminderDigest && msg.kind !== MailKind.MissingAddress) return 0;
    const officeEmail = this.config.get('mail.officeEmail', { infer: true });
    const agency = msg.agencyId ? await this.agencies.findById(msg.agencyId) : null;
    const row = await this.dataSource.transaction(async (m) => {
      const points = await m.find(ReminderLog, { select: { taskId: true }, where: { mailMessageId: msg.id } });
      const freed = (await m.delete(ReminderLog, { mailMessageId: msg.id })).affected ?? 0;
      if (!freed) return null;
      // The scan moved these tasks past the freed points: back to the floor, so the next scan reads them.
      await this.reminderDates.resetToFloor(MAX_REMINDER_LEAD_DAYS, m, [...new Set(points.map((p) => p.taskId))]);
      // Telling the office about its own refused message would loop: the log entry is enough then.
      if (msg.to.includes(officeEmail) && msg.kind === MailKind.MissingAddress) return { freed, row: null };
      const rendered = renderDeliveryFailure({
        agencyName: agency?.name ?? null,
        subject: msg.subject,
        to: msg.to,
        error,
        points: freed,
        appUrl: this.config.get('app.appUrl', { infer: true }),
        provinceName: this.config.get('app.provinceName', { infer: true }),
      });
      const created = await this.mail.create({ kind: MailKind.DeliveryFailure, to: [officeEmail], ...rendered, agencyId: msg.agencyId }, m);
      return { freed, row: created };
    });
    if (!row) return 0;
    this.logger.warn(`mail ${msg.id} refused for good: ${row.freed} reminder point(s) freed for the next scan`);
    if (row.row) await this.mail.dispatch([row.row.id]);
    return row.freed;
  }

  async listLetters(q: PageQuery & { agencyId?: number }): Promise<Page<ReminderLetter>> {
    const { page, limit, skip, take } = pageWindow(q);
    const [items, total] = await this.letters.findAndCount({
      where: q.agencyId ? { agencyId: q.agencyId } : {},
      order: { id: 'DESC' },
      skip,
      take,
    });
    return { items, total, page, limit };
  }

  findLetter(id: number): Promise<ReminderLetter | null> {
    return this.letters.findOneBy({ id });
  }

  letterPath(letter: ReminderLetter): string {
    return join(this.config.get('files.dir', { infer: true }), letter.path);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async runScan(opts: ScanOptions): Promise<ScanResult> {
    const started = Date.now();
    const now = opts.now ?? new Date();
    const asOf = this.scanDay({ asOf: opts.asOf, now });
    const result: ScanResult = {
      asOf,
      candidates: 0,
      points: 0,
      digests: [],
      conflicts: [],
      failed: [],
      skipped: null,
      durationMs: 0,
    };
    const working = await this.calendar.working();
    const defaults = this.policies.defaults();
    const overrides = await this.policies.overrides();

    const localTime = formatInTimeZone(now, this.calendar.timeZone, 'HH:mm');
    const workingDay = working.isWorkingDay(asOf);
    // Recorded with each point (reminder_log.scanTime): its digest job lists the same policies' overdue tasks.
    const scope: ScanScope = opts.scheduled ? { time: localTime, workingDay } : null;
    const applies = (p: ReminderPolicy): ReminderPolicy | null => (appliesInScope(p, scope) ? p : null);
    const defaultPolicy = applies(defaults);
    const programPolicies = new Map([...overrides].map(([id, p]) => [id, applies(p)]));
    const active = [defaultPolicy, ...programPolicies.values()].filter((p): p is ReminderPolicy => p !== null);
    if (!active.length) {
      result.skipped = !defaults.enabled
        ? 'reminders are disabled'
        : !workingDay
          ? `${asOf} is not a working day`
          : `no policy's send time has come by ${localTime}`;
      this.logger.log(`reminder scan ${asOf}: skipped (${result.skipped})`);
      result.durationMs = Date.now() - started;
      return result;
    }

    await this.syncPolicyFingerprint(defaults, overrides);
    await this.sweepPending();
    const queued = opts.digests === 'queued';
    if (queued) result.queued = [];
    const { candidates, stale, recorded, plans, policyFor } = await this.planFor(asOf, defaultPolicy, programPolicies);
    const notWritten = new Set<number>();
    result.candidates = candidates.length + stale.length;
    const readMs = Date.now() - started;

    if (plans.length) {
      const agencies = new Map(
        (await this.agencies.findByIds(plans.map((p) => p.agencyId))).map((a) => [a.id, a]),
      );
      const leaders = !queued && plans.some((p) => p.reminders.some((r) => r.point.escalate)) ? await this.leaders() : [];
      // Concurrent scans (several workers, or a manual run during the scheduled one) start at
      // different agencies and skip those another scan has written, so they share the work.
      const start = Math.floor(Math.random() * plans.length);
      const toRecord: { plan: AgencyPlan; agency: Agency }[] = [];
      for (let k = 0; k < plans.length; k++) {
        const plan = plans[(start + k) % plans.length];
        const agency = agencies.get(plan.agencyId);
        if (!agency) {
          notWritten.add(plan.agencyId);
          continue;
        }
        if (queued) {
          toRecord.push({ plan, agency });
          continue;
        }
        // The công văn lists every overdue task of the agency in this run's scope, not only those
        // whose point came today (the candidates are only the latter).
        if (plan.reminders.some((r) => r.point.escalate))
          plan.overdue = (await this.deadlines.overdueInHands(asOf, agency.id)).map(toScanRow).filter((t) => policyFor(t)?.enabled);
        const summary = await this.commitAgency(plan, agency, asOf, working, leaders, result, [], null, scope?.time ?? null);
        if (!summary) notWritten.add(plan.agencyId);
        if (summary) {
          result.digests.push(summary);
          result.points += summary.points.length;
          remindersSent.inc(summary.points.length);
        }
      }
      if (queued) {
        const recorded = await this.recordAll(toRecord, asOf, result, scope?.time ?? null);
        for (const { plan, agency } of toRecord) {
          if (!recorded.has(agency.id)) {
            notWritten.add(plan.agencyId);
            continue;
          }
          result.queued!.push({ agencyId: agency.id, agencyCode: agency.code, jobId: null, points: pointsOf(plan) });
          result.points += plan.reminders.length;
        }
      }
      result.digests.sort((a, b) => a.agencyId - b.agencyId);
      result.conflicts.sort();
    }
    if (result.queued?.length) await this.queueDigests(asOf, result.queued);
    const writtenAt = Date.now();
    const settled = await this.settleCandidates(asOf, candidates, stale, recorded, result, notWritten, policyLookup(overrides, defaults),
      policyFor,
    );
    result.durationMs = Date.now() - started;
    this.logger.log(
      `reminder scan ${asOf}: ${candidates.length} candidate task(s) (${settled} moved to their next point), ${result.points} point(s), ${result.digests.length} digest(s)` +
        `${result.conflicts.length ? `, ${result.conflicts.length} already sent by another scan` : ''}` +
        `${result.queued ? ` (${result.queued.length} queued as jobs)` : ''}` +
        `${result.failed.length ? `, ${result.failed.length} failed` : ''} in ${result.durationMs} ms` +
        ` (read ${readMs} ms, ${queued ? 'points' : 'digests'} ${writtenAt - started - readMs} ms, next days ${Date.now() - writtenAt} ms)`,
    );
    return result;
  }

  /** What the scan plans for `asOf`: one plan per agency with its reminder points (nothing recorded). */
  private async planFor(
    asOf: LocalDate,
    defaultPolicy: ReminderPolicy | null,
    programPolicies: Map<number, ReminderPolicy | null>,
  ): Promise<{
    candidates: ScanTaskRow[];
    stale: ScanTaskRow[];
    recorded: Map<number, number>;
    plans: AgencyPlan[];
    policyFor: (t: ScanTaskRow) => ReminderPolicy | null;
  }> {
    const [{ candidates, stale }, recorded] = await Promise.all([this.loadCandidates(asOf), this.loadRecorded(asOf)]);
    const policyFor = policyLookup(programPolicies, defaultPolicy);
    const plans = planScan({ asOf, tasks: candidates, recorded, policyFor });
    return { candidates, stale, recorded, plans, policyFor };
  }

  /**
   * Moves each candidate judged by this run to its next reminder day (nextPointOn, after the point
   * recorded now or before), so tomorrow's scan does not read it again before that day. Left as they
   * are: tasks whose policy did not apply in this run (send time not reached, day off) and those of
   * agencies whose digest was not written (another scan's, or a failure retried). A task whose
   * policy is off gets null; a change of policy resets it (syncPolicyFingerprint).
   */
  private async settleCandidates(
    asOf: LocalDate,
    candidates: ScanTaskRow[],
    stale: ScanTaskRow[],
    recorded: Map<number, number>,
    result: ScanResult,
    notWritten: Set<number>,
    effective: (t: ScanTaskRow) => ReminderPolicy,
    applying: (t: ScanTaskRow) => ReminderPolicy | null,
  ): Promise<number> {
    const sentNow = new Map(
      [...result.digests, ...(result.queued ?? [])].flatMap((d) => d.points.map((p) => [p.taskId, p.offsetDays] as const)),
    );
    const rows: ReminderDate[] = stale.map((t) => ({ id: t.id, effectiveDueDate: t.effectiveDueDate, nextReminderOn: null }));
    for (const t of candidates) {
      if (notWritten.has(t.leadAgencyId)) continue;
      const policy = effective(t);
      if (policy.enabled && !applying(t)) continue;
      const next = nextPointOn(policy, t, sentNow.get(t.id) ?? recorded.get(t.id) ?? null);
      rows.push({ id: t.id, effectiveDueDate: t.effectiveDueDate, nextReminderOn: next });
    }
    if (!rows.length) return 0;
    return retryWhenBusy(() => this.dataSource.transaction((m) => this.reminderDates.settle(rows, asOf, m)));
  }

  /**
   * task_reminder_days was computed with the policies of the last scan (reminder_state: a hash of the
   * defaults and of each overriding program's effective policy). The tasks whose effective policy
   * changed since — a program's override came, went or changed: that program's; the defaults
   * (config/reminders.json) changed: those of no program or of a program without an override — go back
   * to the writers' floor, and this scan reads and settles them again. Nothing stored yet (the first
   * scan): the writers' floor is there already; a value of an earlier version (one hash): every task.
   */
  private async syncPolicyFingerprint(defaults: ReminderPolicy, overrides: Map<number, ReminderPolicy>): Promise<void> {
    const now = policyFingerprint(defaults, overrides);
    const value = JSON.stringify(now);
    const stored = await this.state.findOneBy({ key: POLICY_FINGERPRINT });
    if (stored?.value === value) return;
    const before = parsePolicyFingerprint(stored?.value);
    const scope = before ? policyResetScope(before, now) : null;
    const reset = await retryWhenBusy(() =>
      this.dataSource.transaction(async (m) => {
        let n = 0;
        if (stored && !scope) n += await this.reminderDates.resetToFloor(MAX_REMINDER_LEAD_DAYS, m);
        if (scope?.programIds.length) n += await this.reminderDates.resetToFloor(MAX_REMINDER_LEAD_DAYS, m, undefined, { only: scope.programIds });
        if (scope?.others) n += await this.reminderDates.resetToFloor(MAX_REMINDER_LEAD_DAYS, m, undefined, { except: Object.keys(now.programs).map(Number) });
        await m.upsert(ReminderState, { key: POLICY_FINGERPRINT, value }, ['key']);
        return n;
      }),
    );
    if (stored) {
      const what = !scope ? 'every program' : [...(scope.others ? ['the defaults'] : []), ...scope.programIds.map((id) => `program ${id}`)].join(', ');
      this.logger.log(`reminder policies changed (${what}): ${reset} task(s) will be judged again from their first possible point`);
    }
  }

  /**
   * "Nhắc việc ngay", previewed: the digests a manual scan as of `asOf` would send now (every
   * enabled policy applies, as in a manual scan), per agency, with each task's point and whether it
   * escalates. Records and sends nothing.
   */
  async previewScan(opts: { asOf?: LocalDate } = {}): Promise<ScanPreview> {
    const asOf = this.scanDay(opts);
    const defaults = this.policies.defaults();
    const overrides = await this.policies.overrides();
    const defaultPolicy = defaults.enabled ? defaults : null;
    const programPolicies = new Map([...overrides].map(([id, p]) => [id, p.enabled ? p : null]));
    const active = [defaultPolicy, ...programPolicies.values()].filter((p): p is ReminderPolicy => p !== null);
    if (!active.length) return { asOf, digests: [] };
    const { plans } = await this.planFor(asOf, defaultPolicy, programPolicies);
    const agencies = new Map(plans.length ? (await this.agencies.findByIds(plans.map((p) => p.agencyId))).map((a) => [a.id, a]) : []);
    return {
      asOf,
      digests: plans
        .map((p) => ({
          agencyId: p.agencyId,
          agencyName: agencies.get(p.agencyId)?.name ?? '',
          to: agencies.get(p.agencyId)?.emails ?? [],
          escalates: p.reminders.some((r) => r.point.escalate),
          items: p.reminders.map((r) => ({ taskId: r.task.id, code: r.task.code, title: r.task.title, dueDate: r.task.effectiveDueDate, offsetDays: r.point.offsetDays, escalate: r.point.escalate })),
        }))
        .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi')),
    };
  }

  /**
   * "Gửi nhắc việc ngay" for tasks the office selected: one digest per lead agency listing them as
   * they stand today, written the way the scan writes its digests (commitAgency): each selected task
   * that has reached a reminder point of its policy not yet sent records that point in reminder_log
   * with the digest's mail id (so the history shows it and the scan does not send it again), and a
   * point that escalates copies the leader and the office with the draft công văn, as the scan would.
   * A task with no point due (not reached yet, already sent, submitted, reminders off) is still
   * listed in the digest, without a point. All or nothing on input: a task that is missing, no longer
   * open or without a due date → 400 and nothing is sent.
   */
  async sendNow(taskIds: number[]): Promise<SendNowResult> {
    const ids = [...new Set(taskIds)];
    const rows = await this.deadlines.byIds(ids);
    const byId = new Map(rows.map((t) => [t.id, t]));
    const problems = ids.flatMap((id, i) => {
      const t = byId.get(id);
      if (!t) return [{ field: `taskIds.${i}`, message: `taskIds.${i}: không tìm thấy nhiệm vụ ${id}` }];
      if (!isInAgencyHands(t.status) && t.status !== TaskStatus.Submitted)
        return [{ field: `taskIds.${i}`, message: `taskIds.${i}: nhiệm vụ ${id} không còn đang thực hiện` }];
      if (!t.effectiveDueDate) return [{ field: `taskIds.${i}`, message: `taskIds.${i}: nhiệm vụ ${id} không có thời hạn (thường xuyên)` }];
      return [];
    });
    if (problems.length) {
      throw new DomainError(
        `${problems.length === 1 ? problems[0].message.replace(/^taskIds\.\d+: /, '') : 'Có nhiệm vụ không gửi nhắc việc được'}; không thư nào được gửi`,
        HttpStatus.BAD_REQUEST,
        problems,
      );
    }
    return this.exclusive(async () => {
      const asOf = this.calendar.today();
      const working = await this.calendar.working();
      const defaults = this.policies.defaults();
      const overrides = await this.policies.overrides();
      const policyFor = policyLookup(overrides, defaults);
      const recorded = await this.loadRecordedOf(ids);
      const plans = new Map<number, { plan: AgencyPlan; unrecorded: ScanTaskRow[] }>();
      for (const t of ids.map((id) => byId.get(id)!)) {
        const row = toScanRow(t);
        const entry = plans.get(row.leadAgencyId) ?? { plan: { agencyId: row.leadAgencyId, reminders: [], overdue: [] }, unrecorded: [] };
        plans.set(row.leadAgencyId, entry);
        // The point the scan would send today, if any (submitted tasks are never in the scan's series).
        const point = isInAgencyHands(t.status) ? duePoint(policyFor(row), row, asOf, recorded.get(row.id) ?? null) : null;
        if (point) entry.plan.reminders.push({ task: row, point });
        else entry.unrecorded.push(row);
        if (row.effectiveDueDate < asOf && policyFor(row).enabled) entry.plan.overdue.push(row);
      }
      const agencies = new Map((await this.agencies.findByIds(plans.keys())).map((a) => [a.id, a]));
      const escalates = [...plans.values()].some((p) => p.plan.reminders.some((r) => r.point.escalate));
      const leaders = escalates ? await this.leaders() : [];
      const result: ScanResult = { asOf, candidates: ids.length, points: 0, digests: [], conflicts: [], failed: [], skipped: null, durationMs: 0 };
      let tasks = 0;
      for (const [agencyId, { plan, unrecorded }] of [...plans].sort((a, b) => a[0] - b[0])) {
        const summary = await this.commitAgency(plan, agencies.get(agencyId)!, asOf, working, leaders, result, unrecorded);
        if (!summary) continue;
        result.digests.push(summary);
        result.points += summary.points.length;
        tasks += plan.reminders.length + unrecorded.length;
        remindersSent.inc(summary.points.length);
      }
      this.logger.log(
        `reminders sent now: ${tasks} task(s), ${result.digests.length} digest(s), ${result.points} point(s) recorded` +
          `${result.conflicts.length ? `; ${result.conflicts.join(', ')} sent by the scan meanwhile` : ''}${result.failed.length ? `; ${result.failed.join(', ')} failed` : ''}`,
      );
      if (!result.digests.length && (result.failed.length || result.conflicts.length)) {
        throw new DomainError('Không gửi được thư nhắc việc; vui lòng thử lại', HttpStatus.SERVICE_UNAVAILABLE);
      }
      return {
        mailMessageIds: result.digests.map((d) => d.mailMessageId),
        agencies: result.digests.length,
        tasks,
        points: result.points,
        escalations: result.digests.filter((d) => d.escalationMailMessageId !== null).length,
        notSent: [...result.conflicts, ...result.failed].sort(),
      };
    });
  }

  /** The highest offset recorded per task for its current effective due date, for these tasks only. */
  private async loadRecordedOf(taskIds: number[]): Promise<Map<number, number>> {
    if (!taskIds.length) return new Map();
    const qb = this.logs.createQueryBuilder('l').select('l.taskId', 'taskId').addSelect('MAX(l.offsetDays)', 'maxOffset');
    const rows = await this.deadlines
      .joinTask(qb, 't', 't.id = l.taskId AND t.effectiveDueDate = l.effectiveDueDate')
      .andWhere('l.taskId IN (:...taskIds)', { taskIds })
      .groupBy('l.taskId')
      .getRawMany<{ taskId: number | string; maxOffset: number | string }>();
    return new Map(rows.map((r) => [Number(r.taskId), Number(r.maxOffset)]));
  }

  /**
   * The tasks whose reminder day has come by `asOf` (an index range; see
   * TaskDeadlinesQuery.reminderCandidates), split into those still in the agency's hands with a due
   * date and the rest (a day left by a writer that changed the status: settled to null).
   */
  private async loadCandidates(asOf: LocalDate): Promise<{ candidates: ScanTaskRow[]; stale: ScanTaskRow[] }> {
    const rows = await this.deadlines.reminderCandidates(asOf);
    const candidates: ScanTaskRow[] = [];
    const stale: ScanTaskRow[] = [];
    for (const t of rows) (isInAgencyHands(t.status) && t.effectiveDueDate ? candidates : stale).push(toScanRow(t));
    return { candidates, stale };
  }

  /**
   * The highest offset recorded per candidate task for its current effective due date, in one
   * grouped query joined to the same filter (no per-task queries, no long IN lists). Points recorded
   * for an earlier due date (before an extension) do not match the join: a new series.
   */
  private async loadRecorded(asOf: LocalDate): Promise<Map<number, number>> {
    const qb = this.logs.createQueryBuilder('l').select('l.taskId', 'taskId').addSelect('MAX(l.offsetDays)', 'maxOffset');
    const rows = await this.deadlines
      .joinReminderCandidates(qb, 'l.taskId', 'l.effectiveDueDate', asOf)
      .groupBy('l.taskId')
      .getRawMany<{ taskId: number | string; maxOffset: number | string }>();
    return new Map(rows.map((r) => [Number(r.taskId), Number(r.maxOffset)]));
  }

  private async leaders(): Promise<User[]> {
    // Leaders are a handful; one page holds them all.
    return (await this.users.list({ role: UserRole.Leader, active: true, limit: MAX_PAGE_LIMIT })).items;
  }

  /** The leaders whose full name appears in the tasks' "lãnh đạo phụ trách" (case and diacritics ignored). */
  private leadersFor(tasks: ScanTaskRow[], leaders: User[]): string[] {
    return leaders.filter((l) => tasks.some((t) => isLeaderInCharge(t.leaderInCharge, l.fullName))).map((l) => l.email);
  }

  /**
   * One agency's digest in one transaction: the mail rows, the reminder_log points and the letter.
   * Returns null (and sends nothing) when another scan recorded one of its points first.
   */
  private async commitAgency(
    plan: AgencyPlan,
    agency: Agency,
    asOf: LocalDate,
    working: WorkingCalendar,
    leaders: User[],
    result: ScanResult,
    /** "Nhắc việc ngay": tasks listed in the digest without a reminder point (none due today). */
    unrecorded: ScanTaskRow[] = [],
    /** A digest job: the reminder_log ids a queued scan recorded, claimed instead of recorded. */
    claim: number[] | null = null,
    /** The scheduled scan's local time, recorded with the points (reminder_log.scanTime); null: manual. */
    scanTime: string | null = null,
  ): Promise<DigestSummary | null> {
    const appUrl = this.config.get('app.appUrl', { infer: true });
    const provinceName = this.config.get('app.provinceName', { infer: true });
    const officeEmail = this.config.get('mail.officeEmail', { infer: true });
    // In the order every list of the digest shows them (body, sheet, inbox): sorted once here, the
    // later sorts of an already sorted list are a single pass.
    const items: DigestItem[] = sortItems([
      ...plan.reminders.map(({ task, point }) => toItem(task, point.escalate)),
      ...unrecorded.map((task) => toItem(task, false)),
    ]);
    const taskIds = items.map((i) => i.taskId);
    const escalated = items.filter((i) => i.escalate);
    const recipients = unique([
      ...(agency.emails ?? []),
      ...(await this.users.digestRecipients(agency.id)).map((u) => u.email),
    ]);
    const leaderCc = escalated.length
      ? this.leadersFor(
          plan.reminders.filter((r) => r.point.escalate).map((r) => r.task),
          leaders,
        )
      : [];
    const common = { agencyName: agency.name, asOf, appUrl, provinceName };

    const buildMain = (attachment: DigestAttachmentInfo | null) =>
      recipients.length
        ? {
            kind: MailKind.ReminderDigest,
            to: recipients,
            cc: leaderCc,
            ...renderDigest({
              ...common,
              items,
              copiedTo: leaderCc.length ? 'lãnh đạo UBND tỉnh phụ trách và Văn phòng UBND tỉnh' : 'Văn phòng UBND tỉnh',
              attachment,
            }),
          }
        : {
            kind: MailKind.MissingAddress,
            to: [officeEmail],
            cc: leaderCc,
            ...renderMissingAddress({ ...common, agencyCode: agency.code, items, attachment }),
          };

    // The công văn is drawn by a job of its own after the digests are queued (renderLetter): here only
    // its task list, file name and reply date; the office's copy is held until the file is attached.
    let letterPlan: ReturnType<RemindersService['planLetter']> | null = null;
    let sheetFile: MailAttachmentRef | null = null;
    try {
      // Another scan wrote this agency's digest (it records all its points at once): nothing to
      // render. The unique key still decides when both get past this check.
      if (!claim && (await this.recordedElsewhere(plan))) {
        result.conflicts.push(agency.code);
        return null;
      }
      if (escalated.length) letterPlan = this.planLetter(plan, agency, asOf, working);
      // A big digest lists the most urgent tasks in its body and carries the full list as XLSX,
      // so the message stays under what relays accept.
      let attachmentInfo: DigestAttachmentInfo | null = null;
      if (items.length > BODY_MAX_TASKS) {
        const sheet = await this.writeDigestSheet(agency, asOf, appUrl, items);
        sheetFile = sheet.ref;
        attachmentInfo = { filename: sheet.ref.filename, listed: sheet.listed };
      }
      const main = buildMain(attachmentInfo);
      const committed = await retryWhenBusy(() =>
        this.dataSource.transaction(async (m) => {
          // The first statement writes, so on SQLite the transaction takes the write lock at once.
          const mainRow = await this.mail.create(
            { ...main, agencyId: agency.id, taskIds, ...(sheetFile ? { attachments: [sheetFile] } : {}) },
            m,
          );
          if (claim) await this.claimPoints(m, claim, mainRow.id);
          else await this.recordPoints(m, plan, asOf, mainRow.id, scanTime);
          // The same reminder in the inbox of the agency's users (in-app only: this digest is its email).
          await this.notifications.notify(
            m,
            deadlineRemindersMessage({
              subject: main.subject,
              items: items.map((it) => ({
                task: { id: it.taskId, code: it.code, title: it.title, leadAgencyName: agency.name },
                dueDate: it.effectiveDueDate,
                standing: standingText(it.effectiveDueDate, asOf),
              })),
            }),
            await this.notifications.agencyUsers([agency.id]),
          );
          let escalationRow: MailMessage | null = null;
          let letter: ReminderLetter | null = null;
          if (letterPlan) {
            escalationRow = await this.mail.create(
              {
                kind: MailKind.Escalation,
                to: [officeEmail],
                ...renderEscalation({
                  ...common,
                  items: escalated,
                  letterFilename: letterPlan.filename,
                  letterTaskCount: letterPlan.taskIds.length,
                  replyBy: letterPlan.replyBy,
                  digestRecipients: recipients,
                }),
                held: true,
                agencyId: agency.id,
                taskIds: letterPlan.taskIds,
              },
              m,
            );
            // size 0 until renderLetter has written the file.
            letter = await m.save(
              m.create(ReminderLetter, {
                agencyId: agency.id,
                scanDate: asOf,
                path: letterPlan.path,
                size: 0,
                taskIds: letterPlan.taskIds,
                mailMessageId: escalationRow.id,
              }),
            );
          }
          return { mainRow, escalationRow, letter };
        }),
      );
      await this.mail.dispatch([committed.mainRow.id]);
      if (committed.letter) await this.durable.dispatch(this.letterRun, [committed.letter.id]);
      return {
        agencyId: agency.id,
        agencyCode: agency.code,
        agencyName: agency.name,
        kind: main.kind,
        mailMessageId: committed.mainRow.id,
        subject: main.subject,
        to: committed.mainRow.to,
        cc: committed.mainRow.cc,
        points: pointsOf(plan),
        escalationMailMessageId: committed.escalationRow?.id ?? null,
        letterId: committed.letter?.id ?? null,
      };
    } catch (err) {
      if (sheetFile) rmSync(join(this.config.get('files.dir', { infer: true }), sheetFile.path), { force: true });
      if (isUniqueViolation(err) || err instanceof PointsTaken) {
        this.logger.log(`reminders of ${agency.code} for ${asOf} were written by another scan or digest job; nothing sent twice`);
        result.conflicts.push(agency.code);
      } else {
        this.logger.error(
          `reminders of ${agency.code} for ${asOf} not written: ${(err as Error).message}`,
          (err as Error).stack,
        );
        result.failed.push(agency.code);
      }
      return null;
    }
  }

  private async recordedElsewhere(plan: AgencyPlan): Promise<boolean> {
    if (!plan.reminders.length) return false;
    const { task, point } = plan.reminders[0];
    return this.logs.exists({
      where: { taskId: task.id, effectiveDueDate: task.effectiveDueDate, offsetDays: point.offsetDays },
    });
  }

  /**
   * A queued scan: the points of every agency recorded without their digest (mailMessageId NULL) in
   * one transaction — agencies another scan has recorded are skipped first. On SQLite each transaction
   * of a racing scan is a hand-over of the one write lock between processes (a busy wait), so one
   * transaction rather than one per agency. When a racing scan got there in between (the unique key),
   * agency by agency as the inline scan does. Returns the agencies recorded.
   */
  private async recordAll(
    items: { plan: AgencyPlan; agency: Agency }[],
    asOf: LocalDate,
    result: ScanResult,
    scanTime: string | null,
  ): Promise<Set<number>> {
    const fresh: { plan: AgencyPlan; agency: Agency }[] = [];
    for (const it of items) {
      if (await this.recordedElsewhere(it.plan)) result.conflicts.push(it.agency.code);
      else fresh.push(it);
    }
    if (!fresh.length) return new Set();
    try {
      await retryWhenBusy(() =>
        this.dataSource.transaction(async (m) => {
          for (const { plan } of fresh) await this.recordPoints(m, plan, asOf, null, scanTime);
        }),
      );
      return new Set(fresh.map((it) => it.agency.id));
    } catch (err) {
      if (!isUniqueViolation(err)) this.logger.warn(`reminder points of ${asOf} not recorded at once (${(err as Error).message}); agency by agency`);
    }
    const recorded = new Set<number>();
    for (const { plan, agency } of fresh) {
      // The racing scan has most likely recorded them all by now: a read, not a failed write, each.
      if (await this.recordedElsewhere(plan)) result.conflicts.push(agency.code);
      else if (await this.recordAgency(plan, agency, asOf, result, scanTime)) recorded.add(agency.id);
    }
    return recorded;
  }

  /** One agency's points recorded without their digest; false (left to the other scan, or to a retry) when not. */
  private async recordAgency(plan: AgencyPlan, agency: Agency, asOf: LocalDate, result: ScanResult, scanTime: string | null): Promise<boolean> {
    try {
      await retryWhenBusy(() => this.dataSource.transaction((m) => this.recordPoints(m, plan, asOf, null, scanTime)));
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) {
        this.logger.log(`reminders of ${agency.code} for ${asOf} were recorded by another scan; nothing sent twice`);
        result.conflicts.push(agency.code);
      } else {
        this.logger.error(`reminders of ${agency.code} for ${asOf} not recorded: ${(err as Error).message}`, (err as Error).stack);
        result.failed.push(agency.code);
      }
      return false;
    }
  }

  /**
   * After a queued scan has recorded its points: one BuildReminderDigest job per pending batch (an
   * agency and day whose points have no digest yet), 500 per round trip. The job id is the batch's first
   * point (`digest-<id>`), so a batch queued twice (a retried scan, a concurrent one) is one job.
   */
  private async queueDigests(asOf: LocalDate, queued: QueuedDigest[]): Promise<void> {
    const batches = await this.pendingBatches();
    await this.durable.dispatch(this.digestRun, batches.map((b) => b.id));
    const ofDay = new Map(batches.filter((b) => b.scanDate === asOf).map((b) => [b.agencyId, b.id]));
    for (const q of queued) {
      const id = ofDay.get(q.agencyId);
      if (id !== undefined) q.jobId = this.digestRun.jobId(id);
    }
  }

  /** The first point of each agency and day whose points wait for their digest (the index IDX_reminder_log_mail). */
  private async pendingBatches(agencyId?: number, scanDate?: LocalDate): Promise<{ id: number; agencyId: number; scanDate: LocalDate }[]> {
    const qb = this.logs
      .createQueryBuilder('l')
      .select('MIN(l.id)', 'id')
      .addSelect('l.agencyId', 'agencyId')
      .addSelect('l.scanDate', 'scanDate')
      .where('l.mailMessageId IS NULL');
    if (agencyId !== undefined) qb.andWhere('l.agencyId = :agencyId AND l.scanDate = :scanDate', { agencyId, scanDate });
    const rows = await qb
      .groupBy('l.agencyId')
      .addGroupBy('l.scanDate')
      .orderBy('MIN(l.id)', 'ASC')
      .limit(1000)
      .getRawMany<{ id: number | string; agencyId: number | string; scanDate: LocalDate | Date }>();
    return rows.map((r) => ({ id: Number(r.id), agencyId: Number(r.agencyId), scanDate: rawDay(r.scanDate) }));
  }

  /**
   * Pending batches as durable runs: queued after a queued scan, swept by the next scan (a batch whose
   * job is missing, completed or failed for good gets a new one; one waiting or running is left alone).
   */
  private readonly digestRun: DurableRun<JobName.BuildReminderDigest> = {
    label: 'reminder digest',
    job: JobName.BuildReminderDigest,
    jobId: (id) => `digest-${id}`,
    payload: (id) => ({ reminderLogId: id }),
    options: () => ({ attempts: DIGEST_ATTEMPTS, backoff: { type: 'exponential', delay: 5_000 } }),
    staleQueued: async () => (await this.pendingBatches()).map((b) => b.id),
  };

  /**
   * Queues again what earlier scans left undone: letters whose job never reached Redis (their mail is
   * held until drawn), and points recorded by a queued scan whose digest job never ran or failed for
   * good (Redis down, a crash before the enqueue, a job lost). Run before every scan and by the
   * SweepReminderDigests schedule. A digest job still waiting or running is left alone, and a digest
   * queued twice is written once (buildDigest claims its points).
   */
  async sweepPending(): Promise<{ digests: number; letters: number }> {
    const letters = await this.durable
      .sweep(this.letterRun, LETTER_SWEEP_AFTER_MS)
      .catch((err: Error) => (this.logger.warn(`letter sweep failed: ${err.message}`), 0));
    const digests = await this.durable
      .sweep(this.digestRun, 0)
      .catch((err: Error) => (this.logger.warn(`digest sweep failed: ${err.message}`), 0));
    return { digests, letters };
  }

  /**
   * The job BuildReminderDigest: writes the digest of the points a queued scan recorded for one agency
   * and day (the batch of `reminderLogId`, with any point of that agency and day still pending), exactly
   * as the inline scan writes it (commitAgency): the mail rows, the inbox, the office's held copy and
   * the letter at escalation, and the points claimed with the digest's mail id, in one transaction. The
   * tasks are read as they stand now; a point whose task has left the agency's hands since (done,
   * withdrawn, deleted) is dropped, not sent. A point already claimed (a duplicate job, a retry after a
   * commit) → 'skipped'; any failure throws, nothing written, and BullMQ retries (after the last attempt
   * the points stay pending and sweepPending queues the digest again, within SweepReminderDigests' interval).
   */
  async buildDigest(reminderLogId: number): Promise<'written' | 'skipped'> {
    const first = await this.logs.findOneBy({ id: reminderLogId });
    if (!first || first.mailMessageId !== null) return 'skipped';
    const { agencyId, scanDate } = first;
    const rows = await this.logs.find({ where: { agencyId, scanDate, mailMessageId: IsNull() }, order: { id: 'ASC' } });
    const agency = await this.agencies.findById(agencyId);
    const tasks = new Map((await this.deadlines.byIds([...new Set(rows.map((r) => r.taskId))])).map((t) => [t.id, t]));
    const defaults = this.policies.defaults();
    const overrides = await this.policies.overrides();
    const policyOf = policyLookup(overrides, defaults);
    const plan: AgencyPlan = { agencyId, reminders: [], overdue: [] };
    const dropped: number[] = [];
    const claim: number[] = [];
    for (const r of rows) {
      const t = tasks.get(r.taskId);
      if (!agency || !t || !isInAgencyHands(t.status) || t.effectiveDueDate === null) {
        dropped.push(r.id);
        continue;
      }
      // The point as the scan judged it: for the due date it was recorded for.
      const task = { ...toScanRow(t), effectiveDueDate: r.effectiveDueDate };
      plan.reminders.push({ task, point: pointAt(policyOf(task), r.effectiveDueDate, r.offsetDays) });
      claim.push(r.id);
    }
    if (dropped.length) {
      await retryWhenBusy(() =>
        this.dataSource.transaction((m) => m.delete(ReminderLog, { id: In(dropped), mailMessageId: IsNull() })),
      );
      this.logger.log(`digest of agency ${agencyId} for ${scanDate}: ${dropped.length} point(s) dropped (task no longer in the agency's hands${agency ? '' : ', agency gone'})`);
    }
    if (!agency || !plan.reminders.length) return 'skipped';
    const escalates = plan.reminders.some((r) => r.point.escalate);
    const working = await this.calendar.working();
    // The letter's scope is the recording scan's (its time is on the points, so a retry or a batch the
    // sweep queued again judges the same): not the programs whose send time comes later that day.
    const time = batchScanTime(rows.map((r) => r.scanTime));
    const scope: ScanScope = time === null ? null : { time, workingDay: working.isWorkingDay(scanDate) };
    if (escalates)
      plan.overdue = (await this.deadlines.overdueInHands(scanDate, agency.id)).map(toScanRow).filter((t) => appliesInScope(policyOf(t), scope));
    const leaders = escalates ? await this.leaders() : [];
    const result: ScanResult = { asOf: scanDate, candidates: 0, points: 0, digests: [], conflicts: [], failed: [], skipped: null, durationMs: 0 };
    const summary = await this.commitAgency(plan, agency, scanDate, working, leaders, result, [], claim);
    if (result.failed.length) throw new Error(`the digest of ${agency.code} for ${scanDate} was not written; retrying`);
    if (!summary) return 'skipped';
    remindersSent.inc(summary.points.length);
    // Points of this agency and day recorded after this batch was read (a later scan): a job of their own.
    const later = await this.pendingBatches(agencyId, scanDate);
    if (later.length) await this.durable.dispatch(this.digestRun, later.map((b) => b.id));
    return 'written';
  }

  /** A digest job's points get its mail id; all of them, or none (PointsTaken: another job has them). */
  private async claimPoints(m: EntityManager, ids: number[], mailMessageId: number): Promise<void> {
    let claimed = 0;
    for (let i = 0; i < ids.length; i += CLAIM_CHUNK) {
      const r = await m
        .createQueryBuilder()
        .update(ReminderLog)
        .set({ mailMessageId })
        .where({ id: In(ids.slice(i, i + CLAIM_CHUNK)), mailMessageId: IsNull() })
        .execute();
      claimed += r.affected ?? 0;
    }
    if (claimed !== ids.length) throw new PointsTaken();
  }

  private async recordPoints(
    m: EntityManager,
    plan: AgencyPlan,
    asOf: LocalDate,
    mailMessageId: number | null,
    scanTime: string | null,
  ): Promise<void> {
    const rows = plan.reminders.map(({ task, point }) => ({
      taskId: task.id,
      agencyId: plan.agencyId,
      effectiveDueDate: task.effectiveDueDate,
      offsetDays: point.offsetDays,
      scanDate: asOf,
      mailMessageId,
      scanTime,
    }));
    await insertRows(m, ReminderLog, rows, LOG_INSERT_CHUNK);
  }

  /** Writes a big digest's task list under DATA_DIR/files/digests/<year>/ before the transaction (removed if it rolls back). */
  private async writeDigestSheet(agency: Agency, asOf: LocalDate, appUrl: string, items: DigestItem[]) {
    const { buffer, listed } = await renderDigestSheet({ agencyName: agency.name, asOf, appUrl, items });
    const safeCode = agency.code.replace(/[^A-Za-z0-9_-]/g, '_');
    const [year] = parseLocalDate(asOf);
    const path = `digests/${year}/${asOf}-${safeCode}-${randomBytes(4).toString('hex')}.xlsx`;
    const full = join(this.config.get('files.dir', { infer: true }), path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, buffer);
    const ref: MailAttachmentRef = {
      filename: `danh-sach-nhac-viec-${safeCode}-${asOf}.xlsx`,
      path,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    return { ref, listed };
  }

  /** The draft công văn of one escalated digest: the overdue tasks it lists, its file and reply date. */
  private planLetter(plan: AgencyPlan, agency: Agency, asOf: LocalDate, working: WorkingCalendar) {
    let replyBy = asOf;
    for (let i = 0; i < LETTER_REPLY_WORKING_DAYS; i++) replyBy = working.firstWorkingDayAfter(replyBy);
    const overdue = [...plan.overdue].sort((a, b) => a.effectiveDueDate.localeCompare(b.effectiveDueDate) || a.id - b.id);
    const safeCode = agency.code.replace(/[^A-Za-z0-9_-]/g, '_');
    const [year] = parseLocalDate(asOf);
    return {
      path: `letters/${year}/${asOf}-${safeCode}-${randomBytes(4).toString('hex')}.docx`,
      filename: `cong-van-don-doc-${safeCode}-${asOf}.docx`,
      taskIds: overdue.map((t) => t.id),
      replyBy,
    };
  }

  /**
   * The job RenderReminderLetter: draws the công văn of a letter row the scan wrote (its tasks as they
   * stand now, in the scan's order), writes it under DATA_DIR/files/letters/<year>/, and in one
   * transaction records its size and releases the office's copy with the file attached; then the copy
   * is queued for delivery. A letter already drawn, or whose mail is no longer held, is left alone.
   * A letter that cannot be drawn fails its mail (the mail log says why): never sent without it.
   */
  async renderLetter(letterId: number, attempt: JobAttempt): Promise<'rendered' | 'skipped' | 'failed'> {
    const letter = await this.letters.findOneBy({ id: letterId });
    if (!letter || letter.size > 0 || letter.mailMessageId === null) return 'skipped';
    const mailId = letter.mailMessageId;
    const [mail] = await this.mail.findByIds([mailId]);
    if (mail?.status !== MailStatus.Held) return 'skipped';
    const full = join(this.config.get('files.dir', { infer: true }), letter.path);
    return this.durable.handle(
      attempt,
      async () => {
        const agency = await this.agencies.findById(letter.agencyId);
        if (!agency) throw new LetterError(`agency ${letter.agencyId} is gone`);
        const byId = new Map((await this.deadlines.byIds(letter.taskIds)).map((t) => [t.id, t]));
        const working = await this.calendar.working();
        let replyBy = letter.scanDate;
        for (let i = 0; i < LETTER_REPLY_WORKING_DAYS; i++) replyBy = working.firstWorkingDayAfter(replyBy);
        const tasks = letter.taskIds.flatMap((id) => {
          const t = byId.get(id);
          return t?.effectiveDueDate ? [{ ...t, effectiveDueDate: t.effectiveDueDate }] : [];
        });
        // The office's own template when it uploaded one, else the shipped default (document-templates).
        const buffer = await this.templates.render(
          CONG_VAN_TEMPLATE,
          congVanData({
            provinceName: this.config.get('app.provinceName', { infer: true }),
            agencyName: agency.name,
            asOf: letter.scanDate,
            replyBy,
            tasks: tasks.map((t) => ({
              code: t.code,
              title: t.title,
              sourceDocument: t.sourceDocument,
              effectiveDueDate: t.effectiveDueDate,
              daysOverdue: diffDays(t.effectiveDueDate, letter.scanDate),
            })),
          }),
        );
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, buffer);
        const safeCode = agency.code.replace(/[^A-Za-z0-9_-]/g, '_');
        const attachment: MailAttachmentRef = {
          filename: `cong-van-don-doc-${safeCode}-${letter.scanDate}.docx`,
          path: letter.path,
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        };
        const released = await retryWhenBusy(() =>
          this.dataSource.transaction(async (m) => {
            await m.update(ReminderLetter, { id: letter.id, size: 0 }, { size: buffer.length });
            return this.mail.release(mailId, { attachments: [attachment] }, m);
          }),
        );
        if (!released) return 'skipped' as const;
        await this.mail.dispatch([mailId]);
        this.logger.log(`reminder letter ${letter.id} drawn (${tasks.length} task(s)); mail ${mailId} queued`);
        return 'rendered' as const;
      },
      {
        permanent: (err) => err instanceof LetterError,
        retry: (message) => {
          this.logger.warn(`reminder letter ${letter.id} attempt ${attempt.attempt} failed, will retry: ${message}`);
          return Promise.resolve();
        },
        fail: async (message) => {
          try {
            rmSync(full, { force: true });
          } catch {
            // Nothing was written where nothing could be.
          }
          await this.mail.failHeld(mailId, `Không tạo được dự thảo công văn đôn đốc: ${message}`);
          this.logger.error(`reminder letter ${letter.id} failed for good; mail ${mailId} not sent: ${message}`);
          return 'failed' as const;
        },
      },
    );
  }

  /** Letters the scan wrote whose job never reached Redis (or was lost): queued again by the next scan. */
  private readonly letterRun: DurableRun<JobName.RenderReminderLetter> = {
    label: 'reminder letter',
    job: JobName.RenderReminderLetter,
    jobId: (id) => `letter-${id}`,
    payload: (id) => ({ reminderLetterId: id }),
    options: () => ({ attempts: LETTER_ATTEMPTS, backoff: { type: 'exponential', delay: 5_000 } }),
    staleQueued: async (before) => {
      const pending = await this.letters.find({
        select: { id: true, mailMessageId: true },
        where: { size: 0, createdAt: LessThan(before) },
        order: { id: 'ASC' },
        take: 1000,
      });
      const held = new Set(
        (await this.mail.findByIds(pending.flatMap((l) => (l.mailMessageId ? [l.mailMessageId] : []))))
          .filter((m) => m.status === MailStatus.Held)
          .map((m) => m.id),
      );
      return pending.filter((l) => l.mailMessageId !== null && held.has(l.mailMessageId)).map((l) => l.id);
    },
  };

  /**
   * Monday morning: the overdue tasks still in the agencies' hands (new, in_progress), by lead agency,
   * to the office. Sent once per day: a second run finds the message of that day and stops.
   */
  async weeklySummary(opts: { asOf?: LocalDate; now?: Date } = {}): Promise<WeeklySummaryResult> {
    return this.exclusive(async () => {
      const asOf = this.scanDay(opts);
      const rows = await this.deadlines.overdueInHands(asOf);
      const byAgency = new Map<number, DigestItem[]>();
      for (const t of rows) {
        const list = byAgency.get(t.leadAgencyId) ?? [];
        list.push({
          taskId: t.id,
          code: t.code,
          title: t.title,
          effectiveDueDate: t.effectiveDueDate!,
          sourceDocument: t.sourceDocument,
          escalate: false,
        });
        byAgency.set(t.leadAgencyId, list);
      }
      const names = new Map(
        byAgency.size ? (await this.agencies.findByIds(byAgency.keys())).map((a) => [a.id, a.name]) : [],
      );
      const agencies: WeeklyAgencyRow[] = [...byAgency]
        .map(([id, items]) => ({ agencyName: names.get(id) ?? `#${id}`, items }))
        .sort((a, b) => b.items.length - a.items.length || a.agencyName.localeCompare(b.agencyName, 'vi'));
      // Every subject of the day names it ("… đến ngày 15/07/2024 …").
      if (await this.mail.exists(MailKind.WeeklySummary, `đến ngày ${formatVietnameseDate(asOf)}`)) {
        return {
          asOf,
          mailMessageId: null,
          tasks: rows.length,
          agencies: agencies.length,
          skipped: 'already sent for this day',
        };
      }
      const rendered = renderWeeklySummary({
        asOf,
        appUrl: this.config.get('app.appUrl', { infer: true }),
        provinceName: this.config.get('app.provinceName', { infer: true }),
        agencies,
      });
      const row = await this.mail.create({
        kind: MailKind.WeeklySummary,
        to: [this.config.get('mail.officeEmail', { infer: true })],
        ...rendered,
        taskIds: rows.map((r) => r.id),
      });
      await this.mail.dispatch([row.id]);
      this.logger.log(
        `weekly overdue summary ${asOf}: ${rows.length} task(s) of ${agencies.length} agency(ies), mail ${row.id}`,
      );
      return { asOf, mailMessageId: row.id, tasks: rows.length, agencies: agencies.length, skipped: null };
    });
  }
}

const BUSY_RETRIES = 5;

/**
 * SQLite answers SQLITE_BUSY at once (without waiting out busy_timeout) when a transaction that has
 * read must write after another process wrote: with TypeORM's single shared connection another flow's
 * read can slip into our transaction first. The transaction rolled back whole, so it is simply run
 * again; the unique key still decides who records a point.
 */
async function retryWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= BUSY_RETRIES || !isBusy(err)) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.floor(Math.random() * 50)));
    }
  }
}

/** SQLITE_BUSY: better-sqlite3 says "database is locked" (code on the driver error), sqlite3 said "SQLITE_BUSY: …". */
function isBusy(err: unknown): boolean {
  const e = err as { message?: unknown; code?: unknown; driverError?: { code?: unknown } };
  return e?.code === 'SQLITE_BUSY' || e?.driverError?.code === 'SQLITE_BUSY' || /SQLITE_BUSY|database is locked/.test(String(e?.message));
}

/** A task's policy: its program's own (null there: not in this run), else the default one. */
function policyLookup<P extends ReminderPolicy | null>(byProgram: Map<number, P>, fallback: P): (t: ScanTaskRow) => P {
  return (t) => (t.programId !== null && byProgram.has(t.programId) ? byProgram.get(t.programId)! : fallback);
}

function toScanRow(t: DeadlineTask): ScanTaskRow {
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    leadAgencyId: t.leadAgencyId,
    programId: t.programId,
    assignedAt: t.assignedAt,
    effectiveDueDate: t.effectiveDueDate!,
    sourceDocument: t.sourceDocument,
    leaderInCharge: t.leaderInCharge,
  };
}

function toItem(task: ScanTaskRow, escalate: boolean): DigestItem {
  return {
    taskId: task.id,
    code: task.code,
    title: task.title,
    effectiveDueDate: task.effectiveDueDate,
    sourceDocument: task.sourceDocument,
    escalate,
  };
}

/** A `date` column read raw: a string on SQLite, a Date at local midnight from node-postgres. */
function rawDay(v: LocalDate | Date): LocalDate {
  if (!(v instanceof Date)) return String(v).slice(0, 10);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${two(v.getMonth() + 1)}-${two(v.getDate())}`;
}

function pointsOf(plan: AgencyPlan): { taskId: number; offsetDays: number }[] {
  return plan.reminders.map((r) => ({ taskId: r.task.id, offsetDays: r.point.offsetDays }));
}

function unique(list: string[]): string[] {
  return [...new Set(list.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}
