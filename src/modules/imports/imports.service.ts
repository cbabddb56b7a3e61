import { HttpException, HttpStatus, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Repository } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { DomainError } from 'src/core/http/domain-error';
import { JobName } from 'src/core/queue/job-names';
import { DurableRuns } from 'src/core/queue/durable-runs';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { formatVietnameseDate } from 'src/core/time/local-date';
import { Program } from 'src/modules/programs/program.entity';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { TaskActor } from 'src/modules/tasks/task-history.service';
import { ImportedTask, TaskImportWriter } from 'src/modules/tasks/task-import.writer';
import { Task } from 'src/modules/tasks/task.entity';
import { User } from 'src/modules/users/user.entity';
import { loadAgencyGroups } from './agency-groups';
import { AgencyMatcher, agencyLabel, DirectoryAgency } from './agency-matcher';
import { inspectUpload, InspectedFile, UploadedFile } from './import-file';
import { formatCount, IMPORT_LIMITS } from './import-limits';
import { NormaliseContext, NormalisedItem, Normaliser } from './import-normaliser';
import { ImportRun, ImportRunStatus } from './import-run.entity';
import { ImportItemOut, ImportReport, Issue, ParsedFile } from './import.types';
import { parseFile } from './parsers';
import { noItemsError } from './parsers/text.parser';

export interface ImportOptions {
  programId: number;
  dryRun: boolean;
  defaultLeadAgencyId: number | null;
  actor: TaskActor;
  /** Called every few hundred items while checking (the queued path records it). */
  onProgress?: (processed: number, total: number) => Promise<void>;
  /** Called once the file is read, with the number of items. */
  onTotal?: (total: number) => Promise<void>;
}

export type SubmitResult = { kind: 'report'; report: ImportReport } | { kind: 'queued'; run: ImportRun };

/** The answer of a commit refused because of item errors (HTTP 422). */
export function rejectionBody(report: ImportReport) {
  const details = report.items.flatMap((item, i) =>
    item.errors.map((e) => ({ field: `items[${i}].${e.field}`, message: `${item.ref}: ${e.message}` })),
  );
  return {
    statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
    error: 'Unprocessable Entity',
    message: `Tệp có ${formatCount(report.summary.invalid)} mục không hợp lệ; chưa ghi dữ liệu nào`,
    details,
    ...report,
  };
}

function toDirectory(a: Agency): DirectoryAgency {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    aliases: a.aliases ?? [],
    active: a.active,
    validFrom: a.validFrom,
    validTo: a.validTo,
    successorId: a.successorId,
  };
}

/**
 * Imports of a Chương trình công tác (issue #4): an upload is checked (import-file.ts), parsed
 * (parsers/), normalised against the agency directory (import-normaliser.ts), then either
 * answered (dry run) or written in one transaction by the tasks module (TaskImportWriter). Large
 * files run on the imports queue as an ImportRun with progress. Writes only import_runs (and the
 * uploaded files under DATA_DIR/files/imports); reads agencies, programs, users and tasks.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectRepository(ImportRun) private readonly runs: Repository<ImportRun>,
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly programs: ProgramsService,
    private readonly writer: TaskImportWriter,
    private readonly calendar: CalendarService,
    private readonly producer: JobProducer,
    private readonly durable: DurableRuns,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  // ── API ──────────────────────────────────────────────────────────────────────────────────

  /** POST /api/imports: a small file is imported now; a large one is queued (ImportRun). */
  async submit(
    file: UploadedFile | undefined,
    input: { programId: number; dryRun: boolean; defaultLeadAgencyId: number | null },
    user: AuthUser,
  ): Promise<SubmitResult> {
    if (!file) {
      throw new DomainError('Thiếu tệp: gửi tệp trong trường “file” (multipart/form-data)', HttpStatus.BAD_REQUEST, [
        { field: 'file', message: 'file: là bắt buộc' },
      ]);
    }
    const program = await this.programs.get(input.programId);
    const inspected = await inspectUpload(file);
    const ctx = await this.context(program, input.defaultLeadAgencyId);
    const actor: TaskActor = { id: user.id, name: user.fullName };
    // Large by size, or by the rows seen while checking the file (no need to parse it here).
    const rough = inspected.roughRows ?? 0;
    if (file.buffer.length > IMPORT_LIMITS.queueAboveBytes || rough > IMPORT_LIMITS.queueAboveItems + 50) {
      return { kind: 'queued', run: await this.enqueue(inspected, input, user, 0) };
    }
    const parsed = await parseFile(inspected);
    if (parsed.items.length > IMPORT_LIMITS.queueAboveItems) {
      return { kind: 'queued', run: await this.enqueue(inspected, input, user, parsed.items.length) };
    }
    const report = await this.execute(inspected, parsed, ctx, { ...input, actor });
    return { kind: 'report', report };
  }

  async getRun(id: number): Promise<ImportRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw new NotFoundException('Không tìm thấy lượt nhập');
    return run;
  }

  // ── The pipeline ─────────────────────────────────────────────────────────────────────────

  /** Reads, checks and (unless a dry run) writes one file; used by the API, the worker and the CLI. */
  async importFile(file: UploadedFile, opts: ImportOptions): Promise<ImportReport> {
    const program = await this.programs.get(opts.programId);
    const inspected = await inspectUpload(file);
    const ctx = await this.context(program, opts.defaultLeadAgencyId);
    const parsed = await parseFile(inspected);
    return this.execute(inspected, parsed, ctx, opts);
  }

  private async execute(
    file: InspectedFile,
    parsed: ParsedFile,
    ctx: NormaliseContext,
    opts: ImportOptions,
  ): Promise<ImportReport> {
    const started = Date.now();
    if (parsed.items.length === 0)
      throw noItemsError(file.format === 'xlsx' || file.format === 'csv' ? 'table' : file.format);
    await opts.onTotal?.(parsed.items.length);
    const normaliser = new Normaliser(ctx);
    const normalised: NormalisedItem[] = [];
    for (const [i, raw] of parsed.items.entries()) {
      normalised.push(normaliser.add(raw));
      if (opts.onProgress && (i + 1) % 500 === 0) await opts.onProgress(i + 1, parsed.items.length);
    }
    const valid = normalised.filter((n) => n.errors.length === 0);
    const imported = new Map(valid.map((n) => [n, toImportedTask(n)]));
    const invalid = normalised.length - valid.length;
    const commit = !opts.dryRun && invalid === 0;
    // A refused commit writes nothing and says so: no actions, zero counts.
    const plan = commit
      ? await this.writer.write(opts.programId, [...imported.values()], {
          assignedAt: ctx.assignedAt,
          actor: opts.actor,
          comment: `Nhập từ tệp ${file.fileName}`,
        })
      : opts.dryRun
        ? await this.writer.plan(opts.programId, [...imported.values()])
        : [];
    const planByCode = new Map(plan.map((p) => [p.code, p]));
    const items: ImportItemOut[] = normalised.map((n) => {
      const p = n.errors.length === 0 && n.task.code ? planByCode.get(n.task.code) : undefined;
      return {
        ref: n.raw.ref,
        position: n.raw.position,
        task: n.task,
        action: p?.action ?? null,
        changes: p?.changes ?? [],
        errors: n.errors,
        warnings: n.warnings,
      };
    });
    const count = (a: string) => plan.filter((p) => p.action === a).length;
    const warnings: Issue[] = [...parsed.warnings];
    const inFile = new Set(normalised.map((n) => n.task.code));
    const inProgram = await this.tasks.find({ select: { id: true, code: true }, where: { programId: opts.programId } });
    const untouched = inProgram.filter((t) => !inFile.has(t.code)).length;
    if (untouched > 0) {
      warnings.push({
        field: 'file',
        message: `${formatCount(untouched)} nhiệm vụ của chương trình không có trong tệp: giữ nguyên, không xóa`,
      });
    }
    const report: ImportReport = {
      programId: opts.programId,
      fileName: file.fileName,
      format: file.format,
      dryRun: opts.dryRun,
      committed: commit,
      summary: {
        items: normalised.length,
        valid: valid.length,
        invalid,
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        warnings: normalised.reduce((s, n) => s + n.warnings.length, 0),
      },
      warnings,
      items,
    };
    this.logger.log(
      `import ${file.format} "${file.fileName}" into program ${opts.programId}: ${normalised.length} items, ${invalid} invalid, ` +
        `${commit ? 'committed' : opts.dryRun ? 'dry run' : 'refused'} (${report.summary.created} create, ${report.summary.updated} update) in ${Date.now() - started} ms`,
    );
    return report;
  }

  /** Who may be named, on which day, and the default lead agency (400 when it cannot lead). */
  private async context(program: Program, defaultLeadAgencyId: number | null): Promise<NormaliseContext> {
    const assignedAt = program.issuedAt ?? this.calendar.today();
    const directory = (await this.agencies.find({ order: { id: 'ASC' } })).map(toDirectory);
    const matcher = new AgencyMatcher(directory, loadAgencyGroups(), {
      onDate: assignedAt,
      provinceName: this.config.get('app.provinceName', { infer: true }),
    });
    let defaultLead: DirectoryAgency | null = null;
    if (defaultLeadAgencyId !== null) {
      const found = matcher.findById(defaultLeadAgencyId);
      const problem = !found
        ? `không tìm thấy cơ quan, đơn vị có id ${defaultLeadAgencyId}`
        : matcher.unavailability(found)?.message;
      if (problem) {
        throw new DomainError(`Cơ quan chủ trì mặc định không dùng được: ${problem}`, HttpStatus.BAD_REQUEST, [
          { field: 'defaultLeadAgencyId', message: `defaultLeadAgencyId: ${problem}` },
        ]);
      }
      defaultLead = found!;
      this.logger.debug(`default lead ${agencyLabel(defaultLead)} on ${formatVietnameseDate(assignedAt)}`);
    }
    return { matcher, assignedAt, programYear: program.year, defaultLead };
  }

  // ── The queue ────────────────────────────────────────────────────────────────────────────

  private filesDir(): string {
    return this.config.get('files.dir', { infer: true });
  }

  private async enqueue(
    file: InspectedFile,
    input: { programId: number; dryRun: boolean; defaultLeadAgencyId: number | null },
    user: AuthUser,
    total: number,
  ): Promise<ImportRun> {
    const path = join('imports', `${randomUUID()}.${file.format}`);
    const absolute = join(this.filesDir(), path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.buffer);
    const run = await this.runs.save(
      this.runs.create({
        status: ImportRunStatus.Queued,
        programId: input.programId,
        fileName: file.fileName.slice(0, 255),
        format: file.format,
        path,
        dryRun: input.dryRun,
        defaultLeadAgencyId: input.defaultLeadAgencyId,
        processed: 0,
        total,
        result: null,
        error: null,
        requestedById: user.id,
        finishedAt: null,
      }),
    );
    try {
      await this.producer.enqueue(
        JobName.RunImport,
        { importRunId: run.id },
        { jobId: `import-${run.id}`, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
      );
    } catch (err) {
      await this.finish(
        run,
        ImportRunStatus.Failed,
        null,
        'Hàng đợi công việc không khả dụng; hãy gửi lại tệp sau ít phút',
      );
      throw err;
    }
    this.logger.log(
      `import run ${run.id} queued: ${file.format} "${file.fileName}" (${file.buffer.length} bytes, ${total || '?'} items)`,
    );
    return run;
  }

  /**
   * The worker's part (JobName.RunImport): runs a queued import and records its progress and result.
   * A bad file or item errors end the run as failed (no retry); anything else is retried by BullMQ,
   * and recorded as failed on the last attempt.
   */
  async processRun(id: number, opts: { final: boolean }): Promise<ImportRun | null> {
    const run = await this.runs.findOneBy({ id });
    if (!run || run.status === ImportRunStatus.Done || run.status === ImportRunStatus.Failed) return run;
    await this.runs.update({ id }, { status: ImportRunStatus.Running, processed: 0 });
    const absolute = join(this.filesDir(), run.path);
    // A bad file or an item error (DomainError, HttpException) is final; anything else is retried.
    const permanent = (err: unknown) => err instanceof DomainError || err instanceof HttpException;
    return this.durable.handle(
      opts,
      async () => {
        const buffer = readFileSync(absolute);
        const requester = run.requestedById ? await this.users.findOneBy({ id: run.requestedById }) : null;
        const report = await this.importFile(
          { originalname: run.fileName, mimetype: '', size: buffer.length, buffer },
          {
            programId: run.programId,
            dryRun: run.dryRun,
            defaultLeadAgencyId: run.defaultLeadAgencyId,
            actor: { id: requester?.id ?? null, name: requester?.fullName ?? null },
            onTotal: async (total) => {
              await this.runs.update({ id }, { total });
            },
            onProgress: async (processed) => {
              await this.runs.update({ id }, { processed });
            },
          },
        );
        const refused = !report.dryRun && !report.committed;
        await this.finish(
          run,
          refused ? ImportRunStatus.Failed : ImportRunStatus.Done,
          report,
          refused ? rejectionBody(report).message : null,
        );
        rmSync(absolute, { force: true });
        return this.getRun(id);
      },
      {
        permanent,
        retry: async () => {
          await this.runs.update({ id }, { status: ImportRunStatus.Queued });
        },
        fail: async (_message, err) => {
          const message = permanent(err) ? (err as Error).message : 'Lỗi hệ thống khi nhập tệp; vui lòng thử lại';
          this.logger.warn(`import run ${id} failed: ${(err as Error)?.message ?? String(err)}`);
          await this.finish(run, ImportRunStatus.Failed, null, message);
          rmSync(absolute, { force: true });
          return this.getRun(id);
        },
      },
    );
  }

  private async finish(
    run: ImportRun,
    status: ImportRunStatus,
    report: ImportReport | null,
    error: string | null,
  ): Promise<void> {
    const total = report?.summary.items ?? run.total;
    await this.runs.update(
      { id: run.id },
      {
        status,
        result: report as never,
        error,
        processed: report ? total : run.processed,
        total,
        finishedAt: new Date(),
      },
    );
  }
}

function toImportedTask(n: NormalisedItem): ImportedTask {
  const t = n.task;
  return {
    code: t.code!,
    title: t.title,
    description: t.description,
    kind: t.kind,
    leadAgencyId: t.leadAgency!.id,
    coordinatingAgencyIds: t.coordinatingAgencies.map((a) => a.id),
    dueDate: t.dueDate,
    dueText: t.dueText,
    outputForm: t.outputForm,
    submitTo: t.submitTo,
    leaderInCharge: t.leaderInCharge,
    sourceDocument: t.sourceDocument,
    provided: n.provided,
  };
}
