import { HttpException, HttpStatus, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { importRuns } from 'src/core/metrics/metrics';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FindOptionsSelect, Repository } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { DomainError } from 'src/core/http/domain-error';
import { JobName } from 'src/core/queue/job-names';
import { DurableRuns } from 'src/core/queue/durable-runs';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import type { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyGroupsService } from 'src/modules/agencies/groups/agency-groups.service';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { formatVietnameseDate } from 'src/core/time/local-date';
import { Program } from 'src/modules/programs/program.entity';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { programWindow } from 'src/modules/programs/program-window';
import { TaskActor } from 'src/modules/tasks/task-history.service';
import { ImportedTask, TaskImportWriter } from 'src/modules/tasks/task-import.writer';
import { UsersService } from 'src/modules/users/users.service';
import { AgencyMatcher, agencyLabel, DirectoryAgency } from './agency-matcher';
import { inspectUpload, InspectedFile, UploadedFile } from './import-file';
import { formatCount, IMPORT_LIMITS } from './import-limits';
import { NormaliseContext, NormalisedItem, Normaliser } from './import-normaliser';
import { ImportRun, ImportRunStatus } from './import-run.entity';
import { DocumentHeader, ImportItemOut, ImportReport, Issue, ParsedFile } from './import.types';
import { parseFile } from './parsers';
import { EDITABLE_FIELDS, ImportItemsDto } from './dto/import-items.dto';
import { unavailability } from 'src/modules/agencies/agency-availability';
import { checkOcr, ocrError } from './pdf/ocr';
import { DocumentReadOptions, readPdfText } from './parsers/pdf.parser';
import { noItemsError } from './parsers/text.parser';

export interface ImportOptions {
  /** Null: a document imported on its own ("Nhập nhiệm vụ từ văn bản"), outside any program. */
  programId: number | null;
  dryRun: boolean;
  defaultLeadAgencyId: number | null;
  actor: TaskActor;
  /** Called every few hundred items while checking (the queued path records it). */
  onProgress?: (processed: number, total: number) => Promise<void>;
  /** Called once the file is read, with the number of items. */
  onTotal?: (total: number) => Promise<void>;
  /** OCR: after each page read. */
  onPage?: (done: number, total: number) => Promise<void>;
}

export interface CommitItemsResult {
  programId: number | null;
  created: number;
  updated: number;
  unchanged: number;
  items: { code: string; action: string; taskId: number | null }[];
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
 * uploaded files under DATA_DIR/files/imports); reads agencies, programs, users and tasks through their modules' services.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectRepository(ImportRun) private readonly runs: Repository<ImportRun>,
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly programs: ProgramsService,
    private readonly groups: AgencyGroupsService,
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
    input: { programId: number | null; dryRun: boolean; defaultLeadAgencyId: number | null },
    user: AuthUser,
  ): Promise<SubmitResult> {
    if (!file) {
      throw new DomainError('Thiếu tệp: gửi tệp trong trường “file” (multipart/form-data)', HttpStatus.BAD_REQUEST, [
        { field: 'file', message: 'file: là bắt buộc' },
      ]);
    }
    const program = input.programId === null ? null : await this.programs.get(input.programId);
    const inspected = await inspectUpload(file);
    // The default lead is checked before the file is read (the document's number only after).
    await this.context(program, input.defaultLeadAgencyId, null, true);
    const actor: TaskActor = { id: user.id, name: user.fullName };
    // Large by size, or by the rows seen while checking the file (no need to parse it here).
    const rough = inspected.roughRows ?? 0;
    // Scans and images are read by OCR, which takes a while: always on the queue, with progress. A PDF
    // of any size is checked first (encrypted, damaged, too many pages) and a server without Tesseract
    // says so now (503 naming the package), not from a failed run.
    if (inspected.format === 'image')
      await checkOcr({ tesseractBin: this.config.get('imports', { infer: true }).tesseractBin });
    const ocr = inspected.format === 'image' || (inspected.format === 'pdf' && (await this.needsOcr(inspected)));
    if (ocr || file.buffer.length > IMPORT_LIMITS.queueAboveBytes || rough > IMPORT_LIMITS.queueAboveItems + 50) {
      return { kind: 'queued', run: await this.enqueue(inspected, input, user, 0) };
    }
    const parsed = await parseFile(inspected, this.readOptions());
    if (parsed.items.length > IMPORT_LIMITS.queueAboveItems) {
      return { kind: 'queued', run: await this.enqueue(inspected, input, user, parsed.items.length) };
    }
    const ctx = await this.context(program, input.defaultLeadAgencyId, parsed.document ?? null);
    const report = await this.execute(inspected, parsed, ctx, { ...input, actor });
    return { kind: 'report', report };
  }

  /**
   * POST /api/imports/items: the preview as the clerk corrected it, written all or nothing. Checked as
   * the importer checks: agencies exist and may take the task on the assignment date, the deadline is
   * not before it, codes are unique.
   */
  async commitItems(dto: ImportItemsDto, user: AuthUser): Promise<CommitItemsResult> {
    const programId = dto.programId ?? null;
    if (programId !== null) await this.programs.get(programId);
    const directory = (await this.agencies.all()).map(toDirectory);
    const byId = new Map(directory.map((a) => [a.id, a]));
    const problems: Issue[] = [];
    const add = (i: number, field: string, message: string) =>
      problems.push({ field: `items[${i}].${field}`, message: `Mục ${i + 1}: ${message}` });
    const why = (id: number) => {
      const a = byId.get(id);
      if (!a) return `không tìm thấy cơ quan, đơn vị có mã định danh ${id}`;
      return unavailability(a, dto.assignedAt, (x) => byId.get(x), directory)?.message ?? null;
    };
    const codes = new Set<string>();
    for (const [i, item] of dto.items.entries()) {
      const lead = why(item.leadAgencyId);
      if (lead) add(i, 'leadAgencyId', lead);
      for (const id of item.coordinatingAgencyIds ?? []) {
        const c = why(id);
        if (c) add(i, 'coordinatingAgencyIds', c);
      }
      if ((item.coordinatingAgencyIds ?? []).includes(item.leadAgencyId))
        add(i, 'coordinatingAgencyIds', 'cơ quan chủ trì không được đồng thời là cơ quan phối hợp');
      if (item.dueDate && item.dueDate < dto.assignedAt)
        add(
          i,
          'dueDate',
          `thời hạn ${formatVietnameseDate(item.dueDate)} trước ngày giao nhiệm vụ ${formatVietnameseDate(dto.assignedAt)}`,
        );
      if (codes.has(item.code)) add(i, 'code', `trùng số thứ tự “${item.code}”`);
      codes.add(item.code);
    }
    if (problems.length)
      throw new DomainError(
        `Có ${formatCount(problems.length)} lỗi; chưa ghi dữ liệu nào`,
        HttpStatus.BAD_REQUEST,
        problems,
      );
    const plan = await this.writer.write(
      programId,
      dto.items.map((item) => ({
        code: item.code,
        title: item.title,
        description: item.description ?? null,
        kind: item.kind,
        leadAgencyId: item.leadAgencyId,
        coordinatingAgencyIds: item.coordinatingAgencyIds ?? [],
        dueDate: item.dueDate ?? null,
        dueText: item.dueText ?? null,
        outputForm: item.outputForm ?? null,
        submitTo: item.submitTo ?? null,
        leaderInCharge: item.leaderInCharge ?? null,
        sourceDocument: item.sourceDocument ?? null,
        // A new task takes every field; an existing one only what the file gave or the clerk set.
        provided: item.provided ?? EDITABLE_FIELDS,
      })),
      {
        assignedAt: dto.assignedAt,
        actor: { id: user.id, name: user.fullName },
        comment: `Nhập từ văn bản ${dto.fileName}`,
      },
    );
    const count = (a: string) => plan.filter((p) => p.action === a).length;
    this.logger.log(`import of ${dto.items.length} edited items from "${dto.fileName}" committed`);
    return {
      programId,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      items: plan.map((p) => ({ code: p.code, action: p.action, taskId: p.taskId })),
    };
  }

  async getRun(id: number): Promise<ImportRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw new NotFoundException('Không tìm thấy lượt nhập');
    return run;
  }

  /**
   * A run for GET /api/imports/:id, its report as the stored JSON text (`result` left unread on the
   * entity). A 10,000-item report is ~11 MB of JSON: parsed and serialised again it cost the API ~50 MB
   * of heap per request (issue #15, row 9); the text is sent as it is.
   */
  async getRunWithResultJson(id: number): Promise<{ run: Omit<ImportRun, 'result'>; resultJson: string | null }> {
    const select = Object.fromEntries(
      this.runs.metadata.columns.filter((c) => c.propertyName !== 'result').map((c) => [c.propertyName, true]),
    ) as FindOptionsSelect<ImportRun>;
    const run = await this.runs.findOne({ where: { id }, select });
    if (!run) throw new NotFoundException('Không tìm thấy lượt nhập');
    const raw = await this.runs
      .createQueryBuilder('r')
      .select('r.result', 'result')
      .where('r.id = :id', { id })
      .getRawOne<{ result: string | null }>();
    return { run, resultJson: raw?.result ?? null };
  }

  // ── The pipeline ─────────────────────────────────────────────────────────────────────────

  /** Reads, checks and (unless a dry run) writes one file; used by the API, the worker and the CLI. */
  async importFile(file: UploadedFile, opts: ImportOptions): Promise<ImportReport> {
    const program = opts.programId === null ? null : await this.programs.get(opts.programId);
    const inspected = await inspectUpload(file);
    const parsed = await parseFile(inspected, this.readOptions(opts.onPage));
    const ctx = await this.context(program, opts.defaultLeadAgencyId, parsed.document ?? null);
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
    if (opts.programId === null) standaloneCodes(normalised, ctx);
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
        provided: n.provided,
        ocrConfidence: n.raw.confidence ?? null,
        leadGroup: n.leadGroup ?? null,
        errors: n.errors,
        warnings: n.warnings,
      };
    });
    const count = (a: string) => plan.filter((p) => p.action === a).length;
    const warnings: Issue[] = [...parsed.warnings];
    const inFile = new Set(normalised.map((n) => n.task.code));
    const inProgram =
      opts.programId === null
        ? []
        : await this.writer.codesInProgram(opts.programId);
    const untouched = inProgram.filter((code) => !inFile.has(code)).length;
    if (untouched > 0) {
      warnings.push({
        field: 'file',
        message: `${formatCount(untouched)} nhiệm vụ của chương trình không có trong tệp: giữ nguyên, không xóa`,
      });
    }
    const report: ImportReport = {
      programId: opts.programId,
      assignedAt: ctx.assignedAt,
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
      document: parsed.document ?? null,
      ocr: parsed.ocr ?? null,
      items,
    };
    this.logger.log(
      `import ${file.format} "${file.fileName}" into ${opts.programId === null ? 'no program' : `program ${opts.programId}`}: ${normalised.length} items, ${invalid} invalid, ` +
        `${commit ? 'committed' : opts.dryRun ? 'dry run' : 'refused'} (${report.summary.created} create, ${report.summary.updated} update) in ${Date.now() - started} ms`,
    );
    return report;
  }

  /** Who may be named, on which day, and the default lead agency (400 when it cannot lead). */
  private async context(
    program: Program | null,
    defaultLeadAgencyId: number | null,
    document: DocumentHeader | null,
    early = false,
  ): Promise<NormaliseContext> {
    if (document?.dateError) {
      throw new DomainError(`Đầu văn bản: ${document.dateError}`, HttpStatus.BAD_REQUEST, [
        { field: 'file', message: `file: ${document.dateError}` },
      ]);
    }
    if (!program && !document?.number && !early) {
      const message =
        'Văn bản không có số, ký hiệu ở phần đầu (“Số: …/…”): để nhập ngoài chương trình cần văn bản giao nhiệm vụ có số, ký hiệu; hoặc hãy chọn chương trình';
      throw new DomainError(message, HttpStatus.BAD_REQUEST, [
        { field: 'programId', message: `programId: ${message}` },
      ]);
    }
    // The document's own date; else the program's issue date; else the start of its window, not today.
    const assignedAt =
      document?.date ?? program?.issuedAt ?? (program ? programWindow(program).from : this.calendar.today());
    const year = program?.year ?? +assignedAt.slice(0, 4);
    const directory = (await this.agencies.all()).map(toDirectory);
    const matcher = new AgencyMatcher(directory, await this.groups.definitions(), {
      onDate: assignedAt,
      provinceName: this.config.get('app.provinceName', { infer: true }),
    });
    let defaultLead: DirectoryAgency | null = null;
    if (defaultLeadAgencyId !== null) {
      const found = matcher.findById(defaultLeadAgencyId);
      const problem = !found
        ? `không tìm thấy cơ quan, đơn vị có mã định danh ${defaultLeadAgencyId}`
        : matcher.unavailability(found)?.message;
      if (problem) {
        throw new DomainError(`Cơ quan chủ trì mặc định không dùng được: ${problem}`, HttpStatus.BAD_REQUEST, [
          { field: 'defaultLeadAgencyId', message: `defaultLeadAgencyId: ${problem}` },
        ]);
      }
      defaultLead = found!;
      this.logger.debug(`default lead ${agencyLabel(defaultLead)} on ${formatVietnameseDate(assignedAt)}`);
    }
    return {
      matcher,
      assignedAt,
      programYear: document?.date ? Math.max(year, +document.date.slice(0, 4)) : year,
      defaultLead,
      sourceDocument: document?.sourceDocument ?? null,
      documentNumber: document?.number ?? null,
    };
  }

  private readOptions(onPage?: (done: number, total: number) => Promise<void>): DocumentReadOptions {
    const c = this.config.get('imports', { infer: true });
    return {
      ocr: { tesseractBin: c.tesseractBin, pdftoppmBin: c.pdftoppmBin, maxPages: c.ocrMaxPages, onPage },
      pdfMaxPages: c.pdfMaxPages,
    };
  }

  /** A PDF without a text layer (refusing encrypted, damaged and too long ones here, as a 400). */
  private async needsOcr(file: InspectedFile): Promise<boolean> {
    const c = this.config.get('imports', { infer: true });
    const text = await readPdfText(file.buffer, file.fileName, c.pdfMaxPages);
    if (text.scanned && text.numPages > c.ocrMaxPages) {
      throw ocrError(
        `Bản scan có ${text.numPages} trang, vượt quá giới hạn ${c.ocrMaxPages} trang nhận dạng chữ (OCR) mỗi lần nhập; hãy tách văn bản thành các tệp nhỏ hơn`,
      );
    }
    if (text.scanned) await checkOcr({ tesseractBin: c.tesseractBin });
    return text.scanned;
  }

  // ── The queue ────────────────────────────────────────────────────────────────────────────

  private filesDir(): string {
    return this.config.get('files.dir', { infer: true });
  }

  private async enqueue(
    file: InspectedFile,
    input: { programId: number | null; dryRun: boolean; defaultLeadAgencyId: number | null },
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
        const requester = run.requestedById ? ((await this.users.findByIds([run.requestedById]))[0] ?? null) : null;
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
            // OCR: pages first (processed/total count pages until the items are known).
            onPage: async (done, total) => {
              await this.runs.update({ id }, { processed: done, total });
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
    importRuns.inc({ status });
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

/**
 * Outside a program, codes are unique per document: "1066/UBND-VXNV:2" — so importing the same
 * document again updates its tasks instead of adding them twice.
 */
function standaloneCodes(items: NormalisedItem[], ctx: NormaliseContext): void {
  const prefix = ctx.documentNumber ?? '';
  for (const n of items) {
    if (!n.task.code) continue;
    const code = `${prefix}:${n.task.code}`;
    if (code.length > IMPORT_LIMITS.maxCodeLength)
      n.errors.push({
        field: 'code',
        message: `Số, ký hiệu văn bản và số thứ tự “${code.slice(0, 30)}…” dài quá ${IMPORT_LIMITS.maxCodeLength} ký tự`,
      });
    n.task.code = code;
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
