import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfigOrExit, prepareRuntime } from 'src/core/bootstrap';
import { AppConfig } from 'src/core/config/configuration';
import { CoreModule } from 'src/core/core.module';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { ImportReport } from './import.types';
import { ImportsModule } from './imports.module';
import { ImportsService } from './imports.service';

/** What `cli import` needs: the core and the imports module; no HTTP, no processors. */
@Module({})
export class ImportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ImportCliModule, imports: [CoreModule.forRoot(config), ImportsModule] };
  }
}

export class ImportUsageError extends Error {}

export interface ImportArgs {
  file: string;
  program: string;
  dryRun: boolean;
  defaultLead: string | null;
  json: boolean;
}

/** The summary the command prints: counts, then every item with a problem (and the first items). */
export function formatImportReport(r: ImportReport, limit = 20): string {
  const s = r.summary;
  const lines = [
    `${r.fileName} (${r.format}) → program #${r.programId}: ${s.items} item(s), ${s.valid} valid, ${s.invalid} invalid, ${s.warnings} warning(s)`,
    r.committed
      ? `written: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged`
      : r.dryRun
        ? `dry run, nothing written; a commit would create ${s.created}, update ${s.updated}, leave ${s.unchanged} unchanged`
        : 'refused: nothing written (fix the errors below)',
  ];
  for (const w of r.warnings) lines.push(`  ! ${w.message}`);
  let shown = 0;
  for (const item of r.items) {
    const interesting = item.errors.length > 0 || shown < 5;
    if (!interesting || shown >= limit) continue;
    shown++;
    const t = item.task;
    const coord = t.coordinatingAgencies.length ? ` + ${t.coordinatingAgencies.length} phối hợp` : '';
    lines.push(
      `  ${(t.code ?? '?').padEnd(8)} ${item.ref.padEnd(10)} ${t.kind.padEnd(8)} ${(t.leadAgency?.code ?? '—').padEnd(8)}${coord} ${t.dueDate ?? ''}  ${t.title.slice(0, 70)}`,
    );
    for (const e of item.errors) lines.push(`           ✗ ${e.message}`);
  }
  return lines.join('\n');
}

/** `npm run cli -- import FILE --program CODE [--dry-run]`: imports directly (no queue), whatever the size. */
export async function runImportCommand(opts: ImportArgs): Promise<void> {
  if (!existsSync(opts.file)) throw new ImportUsageError(`no such file: ${opts.file}`);
  const buffer = readFileSync(opts.file);
  const config = loadConfigOrExit();
  const { redis } = await prepareRuntime(config);
  const app = await NestFactory.createApplicationContext(ImportCliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    await app.get(CalendarService).seedFromConfigIfEmpty();
    const program = await app.get(ProgramsService).findByCode(opts.program);
    if (!program) throw new ImportUsageError(`no program with code ${opts.program}`);
    let defaultLeadAgencyId: number | null = null;
    if (opts.defaultLead) {
      const agency = await app.get(AgenciesService).findByCode(opts.defaultLead);
      if (!agency) throw new ImportUsageError(`no agency with code ${opts.defaultLead}`);
      defaultLeadAgencyId = agency.id;
    }
    const report = await app.get(ImportsService).importFile(
      { originalname: basename(opts.file), mimetype: '', size: statSync(opts.file).size, buffer },
      {
        programId: program.id,
        dryRun: opts.dryRun,
        defaultLeadAgencyId,
        actor: { id: null, name: 'Dòng lệnh (cli import)' },
      },
    );
    console.log(opts.json ? JSON.stringify(report, null, 2) : formatImportReport(report));
    if (report.summary.invalid > 0)
      throw new Error(`${report.summary.invalid} invalid item(s)${report.dryRun ? '' : ': nothing written'}`);
  } finally {
    await app.close();
    await redis?.stop();
  }
}

interface ImportOptions {
  program: string;
  dryRun?: boolean;
  defaultLead?: string;
  json?: boolean;
}

/** `import FILE --program CODE [--dry-run] [--default-lead AGENCY_CODE] [--json]` (also `--program=CODE`). */
@Command({
  name: 'import',
  arguments: '<file>',
  argsDescription: { file: 'the program file (.xlsx, .csv, .docx, .txt)' },
  description:
    'import a program file into the program CODE; --dry-run only checks. Runs here, not on the queue, whatever the size. Exit status 1 when an item has an error.',
})
export class ImportCommand extends CommandRunner {
  async run([file]: string[], options: ImportOptions): Promise<void> {
    await runImportCommand({
      file,
      program: options.program,
      dryRun: options.dryRun ?? false,
      defaultLead: options.defaultLead ?? null,
      json: options.json ?? false,
    });
  }

  @Option({ flags: '--program <CODE>', description: 'the code of the program the items go into', required: true })
  parseProgram(value: string): string {
    return value;
  }

  @Option({ flags: '--dry-run', description: 'check and report only; nothing is written' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--default-lead <AGENCY_CODE>', description: 'the lead agency of items that name none' })
  parseDefaultLead(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the whole report as JSON' })
  parseJson(): boolean {
    return true;
  }
}
