import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { SendMailOptions, Transporter } from 'nodemailer';

export interface DeliveryResult {
  messageId: string | null;
  /** Recipients the server refused while accepting the others. */
  rejected?: string[];
  /** Where the outbox wrote the .eml (embedded mode only). */
  file?: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(message: SendMailOptions, id: number): Promise<DeliveryResult>;
  verify(): Promise<boolean>;
  close(): void;
}

/** Messages one worker sends at once (MailProcessor), and the SMTP connections its pool keeps. */
export const MAIL_CONCURRENCY = 8;

/** SMTP_URL set: nodemailer's pooled SMTP transport. */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string) {
    const u = new URL(url);
    if (!u.searchParams.has('pool')) u.searchParams.set('pool', 'true');
    // One connection per concurrent send of a worker (MailProcessor's concurrency): nodemailer's default
    // of 5 left three of its eight jobs waiting for a connection.
    if (!u.searchParams.has('maxConnections')) u.searchParams.set('maxConnections', String(MAIL_CONCURRENCY));
    this.transporter = nodemailer.createTransport(u.toString());
  }

  async send(message: SendMailOptions): Promise<DeliveryResult> {
    const info = await this.transporter.sendMail(message);
    const rejected = ((info.rejected ?? []) as (string | { address: string })[]).map((r) =>
      typeof r === 'string' ? r : r.address,
    );
    return { messageId: info.messageId ?? null, rejected };
  }

  async verify(): Promise<boolean> {
    return this.transporter.verify();
  }

  close(): void {
    this.transporter.close();
  }
}

/** SMTP_URL unset: every message becomes an .eml file under DATA_DIR/outbox (open it in any mail client). */
export class OutboxTransport implements MailTransport {
  readonly kind = 'outbox' as const;
  private readonly transporter: Transporter;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: SendMailOptions, id: number): Promise<DeliveryResult> {
    const info = (await this.transporter.sendMail(message)) as { messageId: string; message: Buffer };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.dir, `${stamp}-${String(id).padStart(6, '0')}.eml`);
    writeFileSync(file, info.message);
    return { messageId: info.messageId ?? null, file };
  }

  verify(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * 5xx answers are final (mailbox unavailable, relaying denied, authentication refused), and so are a
 * message nodemailer cannot build or an attachment file that is gone. Refused connections, time-outs,
 * DNS errors and 4xx answers (421 service not available, 451 try later) are worth retrying.
 */
export function isPermanentMailError(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string };
  if (typeof e?.responseCode === 'number') return e.responseCode >= 500;
  return e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE' || e?.code === 'ENOENT';
}
