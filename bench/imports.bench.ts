/**
 * Time to import a generated 10,000-row program spreadsheet (issue #4): dry run, commit, and
 * re-imports (unchanged; 10 % changed), through ImportsService.importFile — what the worker runs for
 * a queued import and what `cli import` runs. Not a test: it prints the timings.
 *
 *   node bench/run-ts.js bench/imports.bench.ts            # SQLite in a temporary DATA_DIR
 *   BENCH_ROWS=20000 BENCH_DATABASE_URL=postgres://… node bench/run-ts.js bench/imports.bench.ts
 *   BENCH_ONLY=pdf node bench/run-ts.js bench/imports.bench.ts   # only the PDF part (issue #12)
 *   BENCH_ONLY=pdf BENCH_SKIP_SCAN=1 …                             # the text PDF only (no OCR)
 *   BENCH_ONLY=corpus-scan node bench/run-ts.js bench/imports.bench.ts  # OCR of the 31 corpus scans, timed and scored
 *
 * Then a 30-page văn bản (the document corpus, test/fixtures/documents, one after another) as a
 * text PDF and as its scan (200 dpi), dry runs: pdfjs-dist, and OCR by Tesseract (two pages at a time, see pdf/ocr.ts).
 */
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { runMigrations } from 'src/core/database/prepare-database';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { inspectUpload } from 'src/modules/imports/import-file';
import { ImportReport } from 'src/modules/imports/import.types';
import { ImportCliModule } from 'src/modules/imports/imports.cli';
import { ImportsService } from 'src/modules/imports/imports.service';
import { parseFile } from 'src/modules/imports/parsers';
import { Program } from 'src/modules/programs/program.entity';
import { ProgramPeriod } from 'src/modules/programs/program.enums';
import { Task } from 'src/modules/tasks/task.entity';
import { AGENCIES } from '../seeds/data/agencies.data';
import { agencySearchText } from 'src/modules/agencies/agency-search';
import { Agency } from 'src/modules/agencies/agency.entity';
import { programSheet } from './lib/program-sheet';
import { freePort } from 'test/utils/free-port';
import { readdirSync, readFileSync } from 'node:fs';
import { toPdf, toScan } from 'test/fixtures/documents/render';
import { extractPdfText } from 'src/modules/imports/pdf/pdf-text';
import { OCR_PARALLEL_PAGES } from 'src/modules/imports/pdf/ocr';
import { corpusNames, formatScore, scoreFormat } from 'test/fixtures/documents/score';

const LEADS = [
  'Sở Tài chính',
  'Sở TN&MT',
  'Sở Y tế',
  'Sở GD&ĐT',
  'Sở Xây dựng',
  'UBND TP. Đồng Xoài',
  'Sở Nội vụ',
  'Cục Thuế',
  'Sở KH&ĐT',
  'Công an tỉnh',
];
const PARTNERS = [
  'Sở Tài chính; Văn phòng UBND tỉnh',
  'UBND các huyện, thị xã, thành phố',
  'Sở Nội vụ',
  '',
  'Sở Tư pháp; Sở Công Thương',
];

/** The demo agencies (seeds/data/agencies.data.ts), with their successors. */
async function insertAgencies(ds: DataSource): Promise<void> {
  const repo = ds.getRepository(Agency);
  const ids = new Map<string, number>();
  for (const a of AGENCIES) {
    const row = await repo.save({
      code: a.code,
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      emails: a.emails,
      active: !a.validTo,
      validFrom: a.validFrom ?? null,
      validTo: a.validTo ?? null,
      successorId: null,
      searchText: agencySearchText(a),
      calendarToken: null,
    });
    ids.set(a.code, row.id);
  }
  for (const a of AGENCIES)
    if (a.successorCode) await repo.update({ id: ids.get(a.code)! }, { successorId: ids.get(a.successorCode)! });
}

async function timed<T>(
  label: string,
  results: [string, number, string][],
  work: () => Promise<T>,
  note: (r: T) => string = () => '',
): Promise<T> {
  const started = process.hrtime.bigint();
  const r = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  results.push([label, ms, note(r)]);
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${note(r)}`);
  return r;
}

const spreadsheet = (rows: number, changed = 0) =>
  programSheet({ rows, year: 2024, leads: LEADS, partners: PARTNERS, changed });

const summary = (r: ImportReport) => {
  const s = r.summary;
  return `${s.items} items, ${s.invalid} invalid, created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}`;
};

/** The OCR of every scan of the document corpus, timed and scored (what document-corpus.spec.ts checks). */
async function corpusScans(): Promise<void> {
  const names = corpusNames();
  const started = process.hrtime.bigint();
  const r = await scoreFormat('scan', names, { parallel: OCR_PARALLEL_PAGES });
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`corpus scans: ${r.documents} documents, ${OCR_PARALLEL_PAGES} pages at a time: ${s.toFixed(1)} s`);
  console.log(formatScore(r));
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'corpus-scan') return corpusScans();
  const rows = Number(process.env.BENCH_ROWS ?? 10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nhiemvu-bench-imports-'));
  const config = loadConfiguration({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    REDIS_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    ADMIN_PASSWORD: 'bench-admin-password',
    OCR_MAX_PAGES: '60',
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  });
  const redis = await EmbeddedRedis.start({ port: config.redis.embeddedPort, dir: config.redis.embeddedDir });
  await runMigrations(config);
  const app = await NestFactory.createApplicationContext(ImportCliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  const results: [string, number, string][] = [];
  try {
    await app.get(CalendarService).seedFromConfigIfEmpty();
    const ds = app.get(DataSource);
    await insertAgencies(ds);
    const program = await ds.getRepository(Program).save({
      code: 'BENCH',
      title: 'Bench',
      year: 2024,
      period: ProgramPeriod.Year,
      issuingDocument: null,
      issuedAt: '2024-01-05',
      reminderPolicy: null,
    });
    const imports = app.get(ImportsService);
    console.log(`database: ${config.database.type}; ${rows} rows; node ${process.version}`);
    if (process.env.BENCH_ONLY !== 'pdf') await spreadsheetPart(imports, ds, program, rows, results);
    await pdfPart(imports, ds, results);
    console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    await app.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A 30-page document of the corpus (text PDF, then its scan): dry runs through importFile. */
async function pdfPart(imports: ImportsService, ds: DataSource, results: [string, number, string][]): Promise<void> {
  const program = await ds.getRepository(Program).save({
    code: 'BENCH-PDF',
    title: 'Bench PDF',
    year: 2026,
    period: ProgramPeriod.Year,
    issuingDocument: null,
    issuedAt: '2026-01-05',
    reminderPolicy: null,
  });
  const dir = join(__dirname, '..', 'test', 'fixtures', 'documents');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    // One long document: one signature, at the end ("Nơi nhận:" ends the items).
    .map((t, i, all) => (i < all.length - 1 ? t.split('\nNơi nhận:')[0] : t));
  let pdf: Buffer = Buffer.alloc(0);
  let pages = 0;
  for (let copies = 1; pages < 30 && copies < 10; copies++) {
    const body = Array.from({ length: copies }, () => texts.join('\n'))
      .flat()
      .join('\n');
    pdf = await toPdf(body);
    const r = await extractPdfText(pdf, { maxPages: 500 });
    pages = r.ok ? r.numPages : 0;
  }
  const file = (buffer: Buffer, name: string) => ({ originalname: name, mimetype: '', size: buffer.length, buffer });
  const actor = { id: null, name: 'bench' };
  const opts = { programId: program.id, dryRun: true, defaultLeadAgencyId: null, actor };
  await timed(
    `text PDF, ${pages} pages: dry run`,
    results,
    () => imports.importFile(file(pdf, 'vb.pdf'), opts),
    summary,
  );
  if (process.env.BENCH_SKIP_SCAN === '1') return;
  const scan = await timed(
    'scan it (pdftoppm 200 dpi, JPEG)',
    results,
    () => toScan(pdf),
    (b) => `${(b.length / 1024).toFixed(0)} KB`,
  );
  await timed(
    `scanned PDF, ${pages} pages: OCR dry run`,
    results,
    () => imports.importFile(file(scan, 'vb-scan.pdf'), opts),
    (r) => `${summary(r)}; OCR confidence ${r.ocr?.confidence ?? '—'}`,
  );
}

async function spreadsheetPart(
  imports: ImportsService,
  ds: DataSource,
  program: Program,
  rows: number,
  results: [string, number, string][],
): Promise<void> {
  {
    const file = await timed(
      'build the .xlsx (exceljs)',
      results,
      () => spreadsheet(rows),
      (b) => `${(b.length / 1024).toFixed(0)} KB`,
    );
    const upload = (buffer: Buffer) => ({
      originalname: 'chuong-trinh.xlsx',
      mimetype: '',
      size: buffer.length,
      buffer,
    });
    const actor = { id: null, name: 'bench' };
    await timed(
      'check + parse only',
      results,
      async () => parseFile(await inspectUpload(upload(file))),
      (p) => `${p.items.length} items`,
    );
    await timed(
      'dry run',
      results,
      () => imports.importFile(upload(file), { programId: program.id, dryRun: true, defaultLeadAgencyId: null, actor }),
      summary,
    );
    await timed(
      'commit (empty program)',
      results,
      () =>
        imports.importFile(upload(file), { programId: program.id, dryRun: false, defaultLeadAgencyId: null, actor }),
      summary,
    );
    await timed(
      're-import, unchanged',
      results,
      () =>
        imports.importFile(upload(file), { programId: program.id, dryRun: false, defaultLeadAgencyId: null, actor }),
      summary,
    );
    const edited = await spreadsheet(rows, Math.round(rows / 10));
    await timed(
      're-import, 10 % changed',
      results,
      () =>
        imports.importFile(upload(edited), { programId: program.id, dryRun: false, defaultLeadAgencyId: null, actor }),
      summary,
    );
    console.log(`tasks in the program: ${await ds.getRepository(Task).countBy({ programId: program.id })}`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
