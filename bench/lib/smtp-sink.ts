/**
 * A real SMTP server on loopback (the smtp-server package) that counts what it is given, keyed by
 * the X-Nhiemvu-Message-Id header every message of the app carries: a key seen twice is a message
 * delivered twice. It reads only the header block, so it is not what limits the measured rate.
 */
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

export class SmtpSink {
  /** mail_messages id → how many times it arrived. */
  readonly received = new Map<number, number>();
  total = 0;
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
      maxClients: 200,
      onData: (stream: SMTPServerDataStream, _session, callback: (err?: Error | null) => void) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 16_384 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          const id = Number(/^X-Nhiemvu-Message-Id:\s*(\d+)/im.exec(head)?.[1] ?? 0);
          this.total++;
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          callback();
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

  /** Ids that arrived more than once. */
  duplicates(): number[] {
    return [...this.received].filter(([, n]) => n > 1).map(([id]) => id);
  }

  countOf(ids: Iterable<number>): number {
    let n = 0;
    for (const id of ids) if (this.received.has(id)) n++;
    return n;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
