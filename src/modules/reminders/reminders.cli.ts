import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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

/** `remind [--as-of YYYY-MM-DD]` (also `--as-of=YYYY-MM-DD`). */
export function parseRemindArgs(args: string[]): { asOf?: string } {
  let asOf: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === '--as-of' ? args[++i] : arg.startsWith('--as-of=') ? arg.slice('--as-of='.length) : null;
    if (value === null) throw new CliUsageError(`unknown option ${arg}; usage: remind [--as-of YYYY-MM-DD]`);
    if (!isAcceptedLocalDate(value))
      throw new CliUsageError(`--as-of must be a real day as YYYY-MM-DD between 2000 and 2100 (got ${JSON.stringify(value ?? '')})`);
    asOf = value;
  }
  return asOf ? { asOf } : {};
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
export async function runRemindCommand(args: string[]): Promise<void> {
  const opts = parseRemindArgs(args);
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
