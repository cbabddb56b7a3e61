import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessage } from './mail-message.entity';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';

/** MailProcessor and MailScheduler are provided by WorkerProcessorsModule only. */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessage])],
  controllers: [MailController],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
