import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { PROCESSORS } from 'src/worker.module';
import { HandlesJob, JobHost, JobProcessor, jobHandlerProblems } from './job-host';
import { JobName } from './job-names';
import { JobOf } from './job-payloads';
import { QueueName } from './queue-names';

@JobProcessor(QueueName.Mail)
class MailOnly extends JobHost {
  protected readonly logger = new Logger('test');
  seen: number[] = [];
  @HandlesJob(JobName.SendEmail)
  send(job: JobOf<JobName.SendEmail>): Promise<string> {
    this.seen.push(job.data.mailMessageId);
    return Promise.resolve('sent');
  }
}

@JobProcessor(QueueName.Mail)
class SecondMailHandler extends JobHost {
  protected readonly logger = new Logger('test');
  @HandlesJob(JobName.SendEmail)
  again(): Promise<void> {
    return Promise.resolve();
  }
}

@JobProcessor(QueueName.Imports)
class WrongQueue extends JobHost {
  protected readonly logger = new Logger('test');
  @HandlesJob(JobName.BuildReport)
  build(): Promise<void> {
    return Promise.resolve();
  }
}

const job = (name: string, data: unknown) => ({ name, data, id: '1', attemptsMade: 0, opts: { attempts: 3 }, queueName: 'mail' }) as unknown as Job;

describe('job handlers', () => {
  it('should find exactly one handler for every job name among the worker processors', () => {
    expect(jobHandlerProblems(PROCESSORS)).toEqual([]);
  });

  it('should name every job left without a handler', () => {
    const problems = jobHandlerProblems(PROCESSORS.filter((p) => p.name !== 'ReportsProcessor'));
    expect(problems).toEqual([
      'build-report has no handler',
      'build-scheduled-reports has no handler',
      'sweep-report-runs has no handler',
    ]);
  });

  it('should refuse a job handled twice', () => {
    expect(jobHandlerProblems([...PROCESSORS, SecondMailHandler])).toEqual(['send-email has two handlers: MailProcessor.send and SecondMailHandler.again']);
  });

  it('should refuse a handler on a processor of another queue', () => {
    expect(jobHandlerProblems([MailOnly, WrongQueue])).toContain('WrongQueue.build handles build-report, which travels on reports, not imports');
  });

  it('should call the handler of the job name with its typed payload, and skip unknown names', async () => {
    const host = new MailOnly();
    await expect(host.process(job(JobName.SendEmail, { mailMessageId: 7 }))).resolves.toBe('sent');
    expect(host.seen).toEqual([7]);
    await expect(host.process(job('no-such-job', {}))).resolves.toBeUndefined();
  });
});
