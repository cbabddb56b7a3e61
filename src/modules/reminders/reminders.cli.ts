import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { loadConfigOrExit, prepareRuntime } from 'src/core/bootstrap';
import { AppConfig } from 'src/core/config/configuration';
import { CoreModule } from 'src/core/core.module';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { isAcceptedLocalDate } from 'src/core/time/local-date';
import { RemindersModule } from './reminders.module';
import { ScanResult, RemindersService } from './reminders.service';

/** What `cli remind` needs: the core (config, database, queues) and the reminders module; no HTTP, no processors. */
@Module({})
export class RemindCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: RemindCliModule, imports: [CoreModule.forRoot(config), RemindersModule] };
  }
}

export class CliUsageError extends Error {}

/** The value of `--as-of`: a real day as YYYY-MM-DD, or a usage error (exit 1, nothing scanned). */
export function parseAsOf(value: string): string {
  if (!isAcceptedLocalDate(value))
    throw new CliUsageError(`--as-of must be a real day as YYYY-MM-DD between 2000 and 2100 (got ${JSON.stringify(value ?? '')})`);
  return value;
}

/** The summary the command prints. */
export function formatScanSummary(r: ScanResult): string {
  const lines = [
    `reminder scan as of ${r.asOf}: ${r.points} point(s), ${r.digests.length} digest(s) in ${r.durationMs} ms` +
      (r.skipped ? ` (skipped: ${r.skipped})` : ''),
  ];
  for (const d of r.digests) {
    lines.push(
      `  ${d.agencyCode.padEnd(10)} mail #${d.mailMessageId} ${d.kind} → ${d.to.join(', ')}${d.cc.length ? ` (cc ${d.cc.join(', ')})` : ''}`,
    );
    lines.push(`  ${''.padEnd(10)} ${d.subject}`);
    if (d.escalationMailMessageId)
      lines.push(
        `  ${''.padEnd(10)} + mail #${d.escalationMailMessageId} escalation to the office with draft letter #${d.letterId}`,
      );
  }
  if (r.conflicts.length) lines.push(`already reminded by another scan: ${r.conflicts.join(', ')}`);
  if (r.failed.length) lines.push(`could not be written (retried by the next scan): ${r.failed.join(', ')}`);
  if (r.digests.length)
    lines.push(
      'messages are queued: a running worker delivers them (SMTP_URL, or DATA_DIR/outbox/*.eml when it is unset).',
    );
  return lines.join('\n');
}

/** `npm run cli -- remind [--as-of YYYY-MM-DD]`: runs the scan now and prints what it queued. */
export async function runRemindCommand(opts: { asOf?: string }): Promise<void> {
  const config = loadConfigOrExit();
  const { redis } = await prepareRuntime(config);
  const app = await NestFactory.createApplicationContext(RemindCliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    await app.get(CalendarService).seedFromConfigIfEmpty();
    const result = await app.get(RemindersService).scan(opts);
    console.log(formatScanSummary(result));
  } finally {
    await app.close();
    await redis?.stop();
  }
}

/** `remind [--as-of YYYY-MM-DD]` (also `--as-of=YYYY-MM-DD`). */
@Command({
  name: 'remind',
  description: 'run the reminder scan now (as of that day; default today in TZ_APP) and print the digests queued',
})
export class RemindCommand extends CommandRunner {
  async run(_args: string[], options: { asOf?: string }): Promise<void> {
    await runRemindCommand(options.asOf ? { asOf: options.asOf } : {});
  }

  @Option({ flags: '--as-of <YYYY-MM-DD>', description: 'the day the scan runs as of (default: today in TZ_APP)' })
  parseAsOf(value: string): string {
    return parseAsOf(value);
  }
}
