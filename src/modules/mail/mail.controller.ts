import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import {
  ListMailMessagesQuery,
  MailMessageDetailDto,
  MailMessagePageDto,
  toMailMessageDetail,
  toMailMessageResponse,
} from './dto/mail-message.dto';
import { TasksService } from 'src/modules/tasks/tasks.service';
import { MAIL_TASK_REFS } from './dto/mail-message.dto';
import { MailService } from './mail.service';

/** The mail log: every message the system sent or tried to send, and its fate. */
@ApiTags('mail')
@ApiBearerAuth()
@Roles(UserRole.Office, UserRole.Admin)
@ApiErrors(401, 403)
@Controller('mail/messages')
export class MailController {
  constructor(
    private readonly mail: MailService,
    private readonly moduleRef: ModuleRef,
  ) {}

  // TasksModule imports MailModule (notifications), so TasksService is looked up at run time, not imported.
  private get tasks(): TasksService {
    return this.moduleRef.get(TasksService, { strict: false });
  }

  /** Task ids of each message and the code/title of the first few of each (the mail log names tasks, not ids). */
  private async taskInfo(ids: number[]) {
    const taskIds = await this.mail.taskIdsOf(ids);
    const refs = await this.tasks.refsOf([...taskIds.values()].flatMap((list) => list.slice(0, MAIL_TASK_REFS)));
    return { taskIds, refs };
  }

  @Get()
  @ApiOperation({ summary: 'List the mail log, newest first (office, admin)' })
  @ApiOkResponse({ type: MailMessagePageDto })
  @ApiErrors(400)
  async list(@Query() query: ListMailMessagesQuery): Promise<MailMessagePageDto> {
    const page = await this.mail.list(query);
    const { taskIds, refs } = await this.taskInfo(page.items.map((m) => m.id));
    return { ...page, items: page.items.map((m) => toMailMessageResponse(m, taskIds.get(m.id) ?? [], refs)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message with its HTML and plain-text bodies (office, admin)' })
  @ApiOkResponse({ type: MailMessageDetailDto })
  @ApiErrors(400, [404, 'Không tìm thấy thư'])
  async get(@Param('id', ParseIdPipe) id: number): Promise<MailMessageDetailDto> {
    const msg = await this.mail.get(id);
    const { taskIds, refs } = await this.taskInfo([id]);
    return toMailMessageDetail(msg, taskIds.get(id) ?? [], refs);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue a failed message again (office, admin); other statuses are left as they are' })
  @ApiOkResponse({ type: MailMessageDetailDto })
  @ApiErrors(400, [404, 'Không tìm thấy thư'])
  async retry(@Param('id', ParseIdPipe) id: number): Promise<MailMessageDetailDto> {
    const msg = await this.mail.retry(id);
    const { taskIds, refs } = await this.taskInfo([id]);
    return toMailMessageDetail(msg, taskIds.get(id) ?? [], refs);
  }
}
