/**
 * The app under test as an operator runs it: the built API (`dist/src/main.js`, WORKERS_IN_API=false)
 * and N workers (`dist/src/worker.js`) as separate processes on loopback, sharing one database,
 * one Redis and one SMTP server. Their logs go to files; their peak memory is read from /proc.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export class AppProcess {
  private exited: Promise<number | null>;
  private output = '';

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    const log = createWriteStream(logFile);
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      // Only the start-up lines are needed in memory.
      if (this.output.length < 64_000) this.output += chunk.toString('utf8');
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        log.end();
        resolve(code);
      }),
    );
  }

  static start(
    name: string,
    script: 'main' | 'worker',
    env: Record<string, string>,
    logDir: string,
    nodeArgs: string[] = [],
  ): AppProcess {
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'src', `${script}.js`)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(name, child, join(logDir, `${name}.log`));
  }

  get pid(): number {
    return this.child.pid!;
  }

  async waitFor(marker: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(marker)) {
      if (this.child.exitCode !== null)
        throw new Error(`${this.name} exited (${this.child.exitCode}):\n${this.output.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print "${marker}" within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** Resets the kernel's peak-RSS counter (VmHWM), so the next reading is the peak of what follows. */
  resetPeak(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      // Not Linux, or not allowed: the reading then is the peak since start.
    }
  }

  /** Peak resident memory in MB (VmHWM) since start or the last resetPeak(). */
  peakMb(): number {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    } catch {
      return 0;
    }
  }

  log(): string {
    return readFileSync(this.logFile, 'utf8');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 35_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
