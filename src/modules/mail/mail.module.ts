import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { MailMessage } from './mail-message.entity';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';

/** MailProcessor and MailScheduler are provided by WorkerProcessorsModule only. */
@Module({
  // TasksModule: the mail log names the tasks a message is about (code, title) through TasksService.
  imports: [TypeOrmModule.forFeature([MailMessage]), TasksModule],
  controllers: [MailController],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
