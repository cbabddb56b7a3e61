import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessage } from './mail-message.entity';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const MAIL_ENTITIES = [MailMessage];

/** MailProcessor and MailScheduler are provided by WorkerProcessorsModule only. */
@Module({
  imports: [TypeOrmModule.forFeature(MAIL_ENTITIES)],
  controllers: [MailController],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
