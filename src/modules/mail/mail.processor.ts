import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobAttempt, JobHost } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { MAIL_ATTEMPTS, MAIL_BACKOFF, mailBackoff, MailService } from './mail.service';

@Processor(QueueName.Mail, {
  concurrency: 8,
  settings: {
    // Jobs ask for MAIL_BACKOFF (mailJobOptions): exponential, capped.
    backoffStrategy: (attemptsMade: number, type?: string) => (type === MAIL_BACKOFF ? mailBackoff(attemptsMade) : 0),
  },
})
export class MailProcessor extends JobHost {
  protected readonly logger = new Logger(MailProcessor.name);

  constructor(private readonly mail: MailService) {
    super();
  }

  protected async handle(job: Job, { attempt }: JobAttempt): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.SendEmail: {
        const { mailMessageId } = job.data as JobPayloads[JobName.SendEmail];
        return await this.mail.deliver(mailMessageId, attempt, job.opts.attempts ?? MAIL_ATTEMPTS);
      }
      case JobName.SweepMailOutbox:
        return await this.mail.sweep();
      default:
        return this.unknownJob(job);
    }
  }
}
