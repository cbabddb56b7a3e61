import {
  ConflictException,
  ForbiddenException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { reportRuns } from 'src/core/metrics/metrics';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, EntityManager, FindOptionsSelect, In, LessThan, Not, Repository } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { DomainError } from 'src/core/http/domain-error';
import { Page, PageQuery, pageWindow } from 'src/core/http/pagination';
import { DurableRun, DurableRuns } from 'src/core/queue/durable-runs';
import { JobAttempt } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { PeriodWindow, periodsEndingOn, ResolvedPeriod, resolvePeriod } from 'src/modules/calendar/periods';
import { DocumentTemplatesService } from 'src/modules/document-templates/document-templates.service';
import { MailKind } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { UsersService } from 'src/modules/users/users.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AppendixService } from './appendix.service';
import { OVERDUE_PAGE_SIZE, snapshotPreview } from './report-run.response';
import { AppendixReport, ReportDocumentInfo } from './appendix.types';
import { CONTENT_TYPES, REPORT_FORMATS, ReportFormat, asciiFileName, formatDocumentDate, reportFileTitle } from './report-format';
import { DefaultPeriodKind, lastClosedPeriod, lowerFirst, ReportWindow, ReportWindowInput, resolveReportWindow } from './report-period';
import { ReportFileRef, ReportRun, ReportRunStatus } from './report-run.entity';
import { REPORTS_CONFIG, ReportsConfig } from './reports.config';
import { APPENDIX_FIELDS, APPENDIX_SAMPLE, APPENDIX_TEMPLATE, writeAppendixDocx } from './renderers/appendix-docx.renderer';
import { renderAppendixXlsx } from './renderers/appendix-xlsx.renderer';
import { reportMail } from './report-mail';

export interface ReportRequest extends ReportWindowInput {
  programId?: number;
  agencyId?: number;
}

/** The on-screen figures may also be scoped to one leader in charge (the dashboard's per-leader view). */
export interface AppendixRequest extends ReportRequest {
  leaderInCharge?: string;
  /** The page of Phụ lục III to list (default the first OVERDUE_PAGE_SIZE rows). */
  overduePage?: number;
  overdueLimit?: number;
}

export interface CreateReportInput extends ReportRequest {
  formats?: ReportFormat[];
  reportNumber?: string;
  reportDate?: string;
}

export interface ReportDownload {
  absolutePath: string;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * How far back a closed period is still picked up: a worker that was down on the first working
 * day after a period closed builds it at its next 08:00 run instead of never.
 */
export const CATCH_UP_DAYS = 10;

export interface ScheduledReportResult {
  period: string;
  window: string;
  runId: number;
  outcome: 'built' | 'exists' | 'failed';
}

/** Columns of a run without its (possibly large) snapshot, for lists. */
const RUN_LIST_COLUMNS: FindOptionsSelect<ReportRun> = {
  id: true,
  status: true,
  fromDate: true,
  toDate: true,
  asOf: true,
  periodName: true,
  window: true,
  programId: true,
  agencyId: true,
  formats: true,
  reportNumber: true,
  reportDate: true,
  files: true,
  error: true,
  scheduled: true,
  requestedById: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  updatedAt: true,
};

/**
 * Report runs: on-demand appendix JSON, queued builds (snapshot once, then XLSX/DOCX rendered
 * from it under DATA_DIR/files/reports/<id>/), downloads, and the email of scheduled runs.
 * Writes only report_runs (and mail through MailService); reads tasks, agencies, programs, users.
 */
export interface TrendMonth {
  month: number;
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  doneOnTime: number;
  doneLate: number;
  openOverdue: number;
}

@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    @InjectRepository(ReportRun) private readonly runs: Repository<ReportRun>,
    private readonly agencies: AgenciesService,
    private readonly programs: ProgramsService,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REPORTS_CONFIG) private readonly reportsConfig: ReportsConfig,
    private readonly appendixService: AppendixService,
    private readonly calendar: CalendarService,
    private readonly durable: DurableRuns,
    private readonly mail: MailService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly templates: DocumentTemplatesService,
  ) {}

  /** The appendix document is one of the documents whose template the office may replace. */
  onModuleInit(): void {
    this.templates.register({ name: APPENDIX_TEMPLATE, label: 'Phụ lục báo cáo kết quả thực hiện nhiệm vụ (Phụ lục I, II, III)', fields: APPENDIX_FIELDS, sample: APPENDIX_SAMPLE });
  }

  /** A report run as a durable run: the row first, then BuildReport with jobId report-<id>. */
  private readonly durableRun: DurableRun<JobName.BuildReport> = {
    label: 'report run',
    job: JobName.BuildReport,
    jobId: (id) => `report-${id}`,
    payload: (id) => ({ reportRunId: id }),
    options: () => ({ attempts: 3, backoff: { type: 'exponential', delay: 10_000 } }),
    staleQueued: async (before) =>
      (
        await this.runs.find({
          select: { id: true },
          where: { status: ReportRunStatus.Queued, createdAt: LessThan(before) },
          order: { id: 'ASC' },
          take: 500,
        })
      ).map((r) => r.id),
  };

  get defaultWindow(): PeriodWindow {
    return this.reportsConfig.window;
  }

  // ── On demand ────────────────────────────────────────────────────────────────────────────

  /** GET /api/reports/appendix: the tables computed now. */
  async appendix(request: AppendixRequest, user: AuthUser): Promise<AppendixReport> {
    const window = resolveReportWindow(request, this.defaultWindow);
    const agencyId = this.agencyScope(user, request.agencyId);
    await this.checkScope(request.programId ?? null, agencyId);
    return this.appendixService.compute(
      {
        from: window.from,
        to: window.to,
        asOf: window.asOf,
        programId: request.programId ?? null,
        agencyId,
        leaderInCharge: request.leaderInCharge?.trim() || null,
      },
      { page: request.overduePage ?? 1, limit: request.overdueLimit ?? OVERDUE_PAGE_SIZE },
    );
  }

  /**
   * The month-by-month trend of a year (the dashboard's chart): for each month up to today, the
   * Phụ lục II figures of that month's window — done on time (C) and late (D) in the month, and
   * open overdue (G) at its end (or today, for the running month).
   */
  async trend(year: number, agencyIdRequested: number | undefined, user: AuthUser, leaderInCharge?: string): Promise<TrendMonth[]> {
    const agencyId = this.agencyScope(user, agencyIdRequested);
    await this.checkScope(null, agencyId);
    const today = this.calendar.today();
    const months: TrendMonth[] = [];
    for (let m = 1; m <= 12; m++) {
      const from = `${year}-${String(m).padStart(2, '0')}-01`;
      if (from > today) break;
      const last = resolvePeriod(`${year}-${String(m).padStart(2, '0')}`, 'calendar').to;
      const asOf = last < today ? last : today;
      const r = await this.appendixService.compute({ from, to: last, asOf, programId: null, agencyId, leaderInCharge: leaderInCharge?.trim() || null }, { page: 1, limit: 0 });
      months.push({ month: m, from, to: last, asOf, doneOnTime: r.tasks.doneOnTime, doneLate: r.tasks.doneLate, openOverdue: r.tasks.openOverdue });
    }
    return months;
  }

  today(): LocalDate {
    return this.calendar.today();
  }

  /** The last closed period of `kind`, as of today in TZ_APP. */
  defaultPeriod(kind: DefaultPeriodKind, window: PeriodWindow = this.defaultWindow) {
    const p = lastClosedPeriod(this.calendar.today(), kind, window);
    return { period: p.name, window, from: p.from, to: p.to, label: p.label };
  }

  /** Agency users see their own agency only; the others may pick one. */
  private agencyScope(user: AuthUser, agencyId: number | undefined): number | null {
    if (user.role !== UserRole.Agency) return agencyId ?? null;
    if (!user.agencyId) throw new ForbiddenException('Tài khoản chưa được gắn với cơ quan, đơn vị nào');
    if (agencyId !== undefined && agencyId !== user.agencyId) {
      throw new ForbiddenException('Bạn chỉ được xem số liệu của cơ quan, đơn vị mình');
    }
    return user.agencyId;
  }

  private async checkScope(programId: number | null, agencyId: number | null): Promise<void> {
    if (programId && !(await this.programs.findById(programId))) {
      throw new DomainError('Không tìm thấy chương trình công tác', HttpStatus.NOT_FOUND, [
        { field: 'programId', message: `programId: không có chương trình công tác mã số ${programId}` },
      ]);
    }
    if (agencyId && !(await this.agencies.findById(agencyId))) {
      throw new DomainError('Không tìm thấy cơ quan, đơn vị', HttpStatus.NOT_FOUND, [
        { field: 'agencyId', message: `agencyId: không có cơ quan, đơn vị mã số ${agencyId}` },
      ]);
    }
  }

  // ── Runs ─────────────────────────────────────────────────────────────────────────────────

  /** POST /api/reports: a queued run and its BuildReport job. With Redis down the run waits queued. */
  async create(input: CreateReportInput, user: AuthUser): Promise<ReportRun> {
    const window = resolveReportWindow(input, this.defaultWindow);
    const agencyId = this.agencyScope(user, input.agencyId);
    await this.checkScope(input.programId ?? null, agencyId);
    const run = await this.runs.save(
      this.runs.create({
        ...this.runColumns(window),
        programId: input.programId ?? null,
        agencyId,
        formats: [...new Set(input.formats ?? REPORT_FORMATS)],
        reportNumber: input.reportNumber ?? null,
        reportDate: input.reportDate ?? null,
        scheduled: false,
        requestedById: user.id,
      }),
    );
    await this.enqueue(run.id);
    return run;
  }

  private runColumns(window: ReportWindow) {
    return {
      status: ReportRunStatus.Queued,
      fromDate: window.from,
      toDate: window.to,
      asOf: window.asOf,
      periodName: window.periodName,
      window: window.window,
      snapshot: null,
      files: [] as ReportFileRef[],
      error: null,
      startedAt: null,
      finishedAt: null,
    };
  }

  private async enqueue(runId: number): Promise<boolean> {
    return (await this.durable.dispatch(this.durableRun, [runId])) === 1;
  }

  /** Re-enqueues runs left queued (their job was never added, e.g. Redis was down, or was lost). */
  async requeueQueued(olderThanMs = 60_000): Promise<number> {
    return this.durable.sweep(this.durableRun, olderThanMs);
  }

  /** GET /api/reports: newest first; agency users see their own agency's runs only. */
  async list(query: PageQuery & { status?: ReportRunStatus }, user: AuthUser): Promise<Page<ReportRun>> {
    const w = pageWindow(query);
    const where = {
      ...(query.status ? { status: query.status } : {}),
      ...(user.role === UserRole.Agency ? { agencyId: user.agencyId ?? -1 } : {}),
    };
    // Counted apart: TypeORM 1's findAndCount with `select` counts DISTINCT over the selected columns joined
    // with ||, which is NULL on SQLite as soon as one of them is NULL (it returned 0 for existing runs).
    const items = await this.runs.find({ select: RUN_LIST_COLUMNS, where, order: { id: 'DESC' }, skip: w.skip, take: w.take });
    const total = await this.runs.countBy(where);
    return { items, total, page: w.page, limit: w.limit };
  }

  /** A run the user may see; 404 otherwise (an agency user never learns of another agency's runs). */
  async get(id: number, user: AuthUser): Promise<ReportRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run || (user.role === UserRole.Agency && (run.agencyId === null || run.agencyId !== user.agencyId))) {
      throw new NotFoundException('Không tìm thấy báo cáo');
    }
    return run;
  }

  /** GET /api/reports/:id/files/:format. 400 unknown format, 404 not visible / not built, 409 not finished. */
  async download(id: number, format: string, user: AuthUser): Promise<ReportDownload> {
    if (!REPORT_FORMATS.includes(format as ReportFormat)) {
      throw new DomainError(`Định dạng "${format}" không được hỗ trợ; chọn một trong: ${REPORT_FORMATS.join(', ')}`, HttpStatus.BAD_REQUEST, [
        { field: 'format', message: `format: phải là một trong các giá trị: ${REPORT_FORMATS.join(', ')}` },
      ]);
    }
    const run = await this.get(id, user);
    if (run.status !== ReportRunStatus.Done) {
      throw new ConflictException(
        run.status === ReportRunStatus.Failed
          ? 'Báo cáo tạo không thành công; không có tệp để tải về'
          : 'Báo cáo đang được tạo; vui lòng thử lại sau ít phút',
      );
    }
    const ref = run.files.find((f) => f.format === format);
    if (!ref) throw new NotFoundException(`Báo cáo này không có tệp định dạng ${format}`);
    const absolutePath = join(this.filesDir, ref.path);
    let size: number;
    try {
      size = statSync(absolutePath).size;
    } catch {
      throw new NotFoundException('Tệp báo cáo không còn trên máy chủ');
    }
    return { absolutePath, fileName: `${this.fileTitle(run)}.${format}`, contentType: CONTENT_TYPES[format as ReportFormat], size };
  }

  // ── Building (worker) ────────────────────────────────────────────────────────────────────

  private get filesDir(): string {
    return this.config.get('files.dir', { infer: true });
  }

  /** The period label and the file title of a run. */
  names(run: ReportRun): { label: string; title: string } {
    return { label: this.periodLabel(run), title: this.fileTitle(run) };
  }

  /** "Phụ lục báo cáo Quý II năm 2024" (file name without extension). */
  fileTitle(run: ReportRun): string {
    return reportFileTitle(this.periodLabel(run), run.fromDate, run.toDate, !!run.periodName);
  }

  /** "Quý II năm 2024" or "Từ ngày 01/4/2024 đến ngày 30/6/2024"; never throws (a stored run is shown whatever it holds). */
  periodLabel(run: Pick<ReportRun, 'periodName' | 'window' | 'fromDate' | 'toDate'>): string {
    if (run.periodName) {
      try {
        return resolvePeriod(run.periodName, (run.window as PeriodWindow) ?? this.defaultWindow).label;
      } catch {
        return run.periodName;
      }
    }
    try {
      return `Từ ngày ${formatDocumentDate(run.fromDate)} đến ngày ${formatDocumentDate(run.toDate)}`;
    } catch {
      return `${run.fromDate} – ${run.toDate}`;
    }
  }

  private async documentInfo(run: ReportRun): Promise<ReportDocumentInfo> {
    const label = this.periodLabel(run);
    const program = run.programId ? await this.programs.findById(run.programId) : null;
    const agency = run.agencyId ? await this.agencies.findById(run.agencyId) : null;
    return {
      provinceName: this.config.get('app.provinceName', { infer: true }),
      periodLabel: label,
      periodPhrase: run.periodName ? lowerFirst(label) : 'kỳ báo cáo',
      reportNumber: run.reportNumber,
      reportDate: run.reportDate,
      programTitle: program?.title ?? null,
      agencyName: agency?.name ?? null,
    };
  }

  /**
   * Builds a run: computes the snapshot once (a retry reuses the stored one), renders the files
   * from it, marks the run done and, for a scheduled run, records its email in the same
   * transaction. `final` false (a retry will follow) leaves the run queued with the error.
   */
  async build(id: number, attempt: Pick<JobAttempt, 'final'> = { final: true }): Promise<'done' | 'skipped' | 'failed'> {
    const run = await this.runs.findOneBy({ id });
    if (!run) {
      // Deleted while its job waited for a retry: what an earlier attempt left goes with it.
      await this.removeBuildFiles(id);
      this.logger.warn(`report run ${id} is gone; nothing to build`);
      return 'skipped';
    }
    if (run.status === ReportRunStatus.Done) return 'skipped';
    const started = Date.now();
    await this.runs.update({ id }, { status: ReportRunStatus.Running, startedAt: new Date(), error: null });
    return this.durable.handle(
      attempt,
      async () => {
        let report: AppendixReport;
        let snapshot = run.snapshot as AppendixReport | null;
        if (!snapshot) {
          report = await this.appendixService.compute({
            from: run.fromDate,
            to: run.toDate,
            asOf: run.asOf,
            programId: run.programId,
            agencyId: run.agencyId,
          });
          // The row keeps the figures and Phụ lục III's first page (what the run's page shows); the whole
          // list, which a retry renders again, is a file beside the run's documents.
          await this.writeOverdueFile(id, report);
          snapshot = snapshotPreview(report);
          await this.runs.update({ id }, { snapshot });
        } else {
          report = await this.withAllOverdue(id, snapshot);
        }
        const files = await this.render(run, report);
        let mailId: number | null = null;
        await this.dataSource.transaction(async (m) => {
          await m.update(ReportRun, { id }, { status: ReportRunStatus.Done, files, finishedAt: new Date(), error: null });
          if (run.scheduled) mailId = await this.recordEmail(run, snapshot, files, m);
        });
        await rm(this.overdueFile(id), { force: true });
        if (mailId !== null) await this.mail.dispatch([mailId]);
        reportRuns.inc({ status: ReportRunStatus.Done });
        this.logger.log(`report run ${id} built (${files.map((f) => f.format).join(', ') || 'json'}) in ${Date.now() - started} ms`);
        return 'done' as const;
      },
      {
        retry: async (message) => {
          await this.runs.update({ id }, { status: ReportRunStatus.Queued, error: message, finishedAt: null });
          this.logger.error(`report run ${id} failed (will retry): ${message}`);
        },
        fail: async (message) => {
          await this.runs.update({ id }, { status: ReportRunStatus.Failed, error: message, finishedAt: new Date() });
          // No attempt follows: the whole Phụ lục III kept for a retry and any half-written file go.
          await this.removeBuildFiles(id);
          reportRuns.inc({ status: ReportRunStatus.Failed });
          this.logger.error(`report run ${id} failed: ${message}`);
          return 'failed' as const;
        },
      },
    );
  }

  /** Where a run's whole Phụ lục III is kept while it is built (reports/<id>.overdue.json). */
  private overdueFile(id: number): string {
    return join(this.filesDir, 'reports', `${id}.overdue.json`);
  }

  /**
   * What a run that will never be built leaves (failed for good, or deleted): its overdue list and its
   * directory (a failed run's row lists no file, so anything there is half-written). A file that cannot
   * be removed is logged, and the sweep (removeLeftovers) tries again.
   */
  private async removeBuildFiles(id: number): Promise<void> {
    try {
      await rm(this.overdueFile(id), { force: true });
      await rm(join(this.filesDir, 'reports', String(id)), { recursive: true, force: true });
    } catch (err) {
      this.logger.warn(`report run ${id}: its build files could not be removed: ${(err as Error).message}`);
    }
  }

  /**
   * The sweep's clean-up: reports/<id>.overdue.json of runs that no retry will build (done, failed or
   * deleted) — left by a worker that stopped between the run's last write and the file's removal, or by
   * a run that failed before this clean-up existed. Those of queued and running runs are kept.
   */
  async removeLeftovers(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(join(this.filesDir, 'reports'));
    } catch {
      return 0; // no report built yet
    }
    const ids = names.flatMap((n) => {
      const m = /^(\d+)\.overdue\.json$/.exec(n);
      return m ? [Number(m[1])] : [];
    });
    if (!ids.length) return 0;
    const building = new Set(
      (await this.runs.find({ select: { id: true }, where: { id: In(ids), status: In([ReportRunStatus.Queued, ReportRunStatus.Running]) } })).map((r) => r.id),
    );
    const stale = ids.filter((id) => !building.has(id));
    for (const id of stale) await rm(this.overdueFile(id), { force: true });
    if (stale.length) this.logger.log(`removed the overdue list of ${stale.length} finished or deleted report run(s)`);
    return stale.length;
  }

  private async writeOverdueFile(id: number, report: AppendixReport): Promise<void> {
    await mkdir(join(this.filesDir, 'reports'), { recursive: true });
    await writeFile(this.overdueFile(id), JSON.stringify(report.overdue));
  }

  /** The stored snapshot with its whole Phụ lục III (a snapshot stored before the list was paged holds it all). */
  private async withAllOverdue(id: number, snapshot: AppendixReport): Promise<AppendixReport> {
    if (!snapshot.overduePage || snapshot.overdue.length >= snapshot.overduePage.total) return snapshot;
    const overdue = JSON.parse(await readFile(this.overdueFile(id), 'utf8')) as AppendixReport['overdue'];
    return { ...snapshot, overdue, overduePage: { page: 1, limit: overdue.length, total: overdue.length } };
  }

  private async render(run: ReportRun, snapshot: AppendixReport): Promise<ReportFileRef[]> {
    const info = await this.documentInfo(run);
    const relDir = join('reports', String(run.id));
    const absDir = join(this.filesDir, relDir);
    rmSync(absDir, { recursive: true, force: true });
    mkdirSync(absDir, { recursive: true });
    const base = asciiFileName(this.fileTitle(run));
    const refs: ReportFileRef[] = [];
    for (const format of run.formats as ReportFormat[]) {
      const path = join(relDir, `${base}.${format}`);
      const abs = join(this.filesDir, path);
      if (format === 'xlsx') await renderAppendixXlsx(snapshot, info, abs);
      // The template in use when the run is built: the office's upload, or the shipped default.
      else if (format === 'docx') {
        const template = await this.templates.load(APPENDIX_TEMPLATE);
        const how = await writeAppendixDocx(template.file, snapshot, info, abs);
        if (how === 'whole' && snapshot.overdue.length > 1) {
          this.logger.warn(`report run ${run.id}: the ${template.custom ? "office's" : 'shipped'} template's Phụ lục III loop cannot be streamed; rendered whole (${snapshot.overdue.length} rows)`);
        }
      } else continue;
      refs.push({ format, path, size: statSync(abs).size });
    }
    return refs;
  }

  // ── Scheduled runs ───────────────────────────────────────────────────────────────────────

  /** The scheduled run of a period that is built or being built (failed ones do not count: they are retried). */
  findScheduled(periodName: string, window: PeriodWindow): Promise<ReportRun | null> {
    return this.runs.findOne({
      select: { id: true, status: true },
      where: { scheduled: true, periodName, window, status: Not(ReportRunStatus.Failed) },
      order: { id: 'DESC' },
    });
  }

  async createScheduledRun(period: ResolvedPeriod, window: PeriodWindow): Promise<ReportRun> {
    const w = resolveReportWindow({ period: period.name, window }, window);
    return this.runs.save(
      this.runs.create({
        ...this.runColumns(w),
        programId: null,
        agencyId: null,
        formats: [...this.reportsConfig.formats],
        reportNumber: null,
        reportDate: null,
        scheduled: true,
        requestedById: null,
      }),
    );
  }

  /** The periods whose report is due on `today`: closed on a day whose first working day after is today (or, catching up, before). */
  async duePeriods(today: LocalDate): Promise<ResolvedPeriod[]> {
    const cal = await this.calendar.working();
    if (!cal.isWorkingDay(today)) return [];
    const due: ResolvedPeriod[] = [];
    for (let back = CATCH_UP_DAYS; back >= 1; back--) {
      const closed = addDays(today, -back);
      if (cal.firstWorkingDayAfter(closed) > today) continue;
      for (const p of periodsEndingOn(closed, this.reportsConfig.window)) {
        if ((this.reportsConfig.periods as string[]).includes(p.kind)) due.push(p);
      }
    }
    return due;
  }

  /**
   * The handler of BuildScheduledReports (every day at 08:00, TZ_APP): on the first working day after a
   * quarter, half-year, nine-month or year window closes (config/reports.json), builds that period's
   * report once and emails it with its files. Idempotent: a period's scheduled run is built once; a
   * failed one is built again.
   */
  async buildScheduledReports(day?: LocalDate): Promise<ScheduledReportResult[]> {
    const today = day ?? this.calendar.today();
    const window = this.reportsConfig.window;
    const results: ScheduledReportResult[] = [];
    for (const period of await this.duePeriods(today)) {
      const existing = await this.findScheduled(period.name, window);
      if (existing) {
        results.push({ period: period.name, window, runId: existing.id, outcome: 'exists' });
        continue;
      }
      const run = await this.createScheduledRun(period, window);
      const outcome = await this.build(run.id);
      results.push({ period: period.name, window, runId: run.id, outcome: outcome === 'failed' ? 'failed' : 'built' });
      if (outcome !== 'failed') this.logger.log(`scheduled report ${period.name} (${window}) built as run ${run.id} on ${today}`);
    }
    // Also pick up runs requested while Redis was down.
    await this.requeueQueued();
    return results;
  }

  /** Who receives scheduled reports: config/reports.json recipients, OFFICE_EMAIL and the leaders. */
  async recipients(): Promise<string[]> {
    const cfg = this.reportsConfig;
    const list = [...cfg.recipients];
    if (cfg.includeOfficeEmail) list.push(this.config.get('mail.officeEmail', { infer: true }));
    if (cfg.includeLeaders) {
      const leaders = await this.users.activeByRoles([UserRole.Leader]);
      list.push(...leaders.map((u) => u.email));
    }
    return [...new Set(list.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  }

  private async recordEmail(
    run: ReportRun,
    snapshot: AppendixReport,
    files: ReportFileRef[],
    manager: EntityManager,
  ): Promise<number | null> {
    const to = await this.recipients();
    if (!to.length) {
      this.logger.warn(`report run ${run.id}: no recipient configured (config/reports.json); not emailed`);
      return null;
    }
    const title = this.fileTitle(run);
    const content = reportMail({
      runId: run.id,
      title,
      periodLabel: this.periodLabel(run),
      provinceName: this.config.get('app.provinceName', { infer: true }),
      appUrl: this.config.get('app.appUrl', { infer: true }),
      report: snapshot,
      fileNames: files.map((f) => `${title}.${f.format}`),
    });
    const message = await this.mail.create(
      {
        kind: MailKind.Report,
        to,
        subject: content.subject,
        html: content.html,
        text: content.text,
        attachments: files.map((f) => ({ filename: `${title}.${f.format}`, path: f.path, contentType: CONTENT_TYPES[f.format as ReportFormat] })),
      },
      manager,
    );
    return message.id;
  }
}
