import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

type Mode = { kind: 'accept' } | { kind: 'reject'; code: number; message: string };

/**
 * A real SMTP listener on loopback (the smtp-server package) that keeps what it receives.
 * `rejectWith(421|550)` makes it answer DATA with that code until `accept()`.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  private mode: Mode = { kind: 'accept' };
  /** Recipients answered 550 at RCPT TO (the rest of the message still goes through). */
  private refused = new Set<string>();
  /** Messages larger than this are answered 552 at the end of DATA, as relays with a size cap do. */
  private maxBytes = Infinity;
  private server!: SMTPServer;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address.toLowerCase())) {
          const err = new Error('Mailbox unavailable') as Error & { responseCode: number };
          err.responseCode = 550;
          callback(err);
          return;
        }
        callback();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const size = chunks.reduce((n, c) => n + c.length, 0);
          if (size > this.maxBytes) {
            const err = new Error('Message size exceeds fixed maximum message size') as Error & { responseCode: number };
            err.responseCode = 552;
            callback(err);
            return;
          }
          if (this.mode.kind === 'reject') {
            const err = new Error(this.mode.message) as Error & { responseCode: number };
            err.responseCode = this.mode.code;
            callback(err);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
              callback();
            })
            .catch((e: Error) => callback(e));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  rejectWith(code: number, message = code >= 500 ? 'Mailbox unavailable' : 'Try again later'): void {
    this.mode = { kind: 'reject', code, message };
  }

  accept(): void {
    this.mode = { kind: 'accept' };
    this.refused.clear();
    this.maxBytes = Infinity;
  }

  /** Answers 550 to these recipients at RCPT TO until accept(). */
  refuseRecipients(...addresses: string[]): void {
    for (const a of addresses) this.refused.add(a.toLowerCase());
  }

  /** Answers 552 to any message larger than `bytes` until accept(). */
  limitSize(bytes: number): void {
    this.maxBytes = bytes;
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} message(s), got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
