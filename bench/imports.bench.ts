/**
 * Time to import a generated 10,000-row program spreadsheet (issue #4): dry run, commit, and
 * re-imports (unchanged; 10 % changed), through ImportsService.importFile — what the worker runs for
 * a queued import and what `cli import` runs. Not a test: it prints the timings.
 *
 *   node bench/run-ts.js bench/imports.bench.ts            # SQLite in a temporary DATA_DIR
 *   BENCH_ROWS=20000 BENCH_DATABASE_URL=postgres://… node bench/run-ts.js bench/imports.bench.ts
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

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nhiemvu-bench-imports-'));
  const config = loadConfiguration({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    REDIS_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    ADMIN_PASSWORD: 'bench-admin-password',
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
    console.log(
      `tasks in the program: ${await ds.getRepository(Task).countBy({ programId: program.id })}; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
    );
  } finally {
    await app.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
