import { Logger } from '@nestjs/common';
import { HandlesJob, JobAttempt, JobHost, JobProcessor } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobOf } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { DeliveryOutcome, MAIL_BACKOFF, mailBackoff, MailService } from './mail.service';
import { MAIL_CONCURRENCY } from './mail.transport';

@JobProcessor(QueueName.Mail, {
  concurrency: MAIL_CONCURRENCY,
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

  @HandlesJob(JobName.SendEmail)
  async send(job: JobOf<JobName.SendEmail>, attempt: JobAttempt): Promise<DeliveryOutcome> {
    return this.mail.deliver(job.data.mailMessageId, attempt);
  }

  @HandlesJob(JobName.SweepMailOutbox)
  async sweep(): Promise<number> {
    return this.mail.sweep();
  }
}
