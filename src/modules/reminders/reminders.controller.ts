import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderLetter } from './reminder-letter.entity';
import { RemindersService } from './reminders.service';
import { ListRemindersLettersQuery, ReminderLetterDto, ReminderLetterPageDto, ScanRequestDto, ScanResultDto, SendNowDto } from './dto/scan.dto';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function toLetterDto(l: ReminderLetter): ReminderLetterDto {
  return {
    id: l.id,
    agencyId: l.agencyId,
    scanDate: l.scanDate,
    filename: basename(l.path),
    size: l.size,
    taskIds: l.taskIds,
    mailMessageId: l.mailMessageId,
    createdAt: l.createdAt,
  };
}

@ApiTags('reminders')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post('scan')
  @HttpCode(200)
  @Roles(UserRole.Office, UserRole.Admin)
  @ApiOperation({
    summary: 'Run the reminder scan now, as of a day (office, admin)',
    description:
      'Finds the reminder points reached by open tasks as of `asOf` (default: today in TZ_APP), records them and queues one digest per lead agency. ' +
      'A point already recorded is never sent again, so running it twice sends nothing twice. Unlike the scheduled scan, it applies every policy whatever its send time or the day.',
  })
  @ApiOkResponse({ type: ScanResultDto })
  @ApiErrors(400)
  scan(@Body() dto: ScanRequestDto): Promise<ScanResultDto> {
    return this.reminders.scan({ asOf: dto.asOf });
  }

  @Post('send-now')
  @HttpCode(200)
  @Roles(UserRole.Office, UserRole.Admin)
  @ApiOperation({
    summary: 'Gửi nhắc việc ngay for selected tasks (office, admin): one digest per lead agency, queued now',
    description:
      'Each digest is written as the scan writes it: a selected task that has reached a reminder point not yet sent records that point ' +
      '(reminder_log, with the digest\'s mail id), so the scan does not send it again; an escalating point copies the leader and the office ' +
      'with the draft công văn. Tasks with no point due are listed without one. A task that is missing, no longer open or without a due date → 400 naming it; nothing is sent.',
  })
  @ApiErrors(400)
  sendNow(@Body() dto: SendNowDto) {
    return this.reminders.sendNow(dto.taskIds);
  }

  @Post('scan-preview')
  @HttpCode(200)
  @Roles(UserRole.Office, UserRole.Admin)
  @ApiOperation({
    summary: '"Nhắc việc ngay", previewed: the digests a scan now would send (office, admin)',
    description: 'Per agency: the tasks, each with its reminder point (days from the due date) and whether it escalates. Records and sends nothing.',
  })
  @ApiErrors(400)
  scanPreview(@Body() dto: ScanRequestDto) {
    return this.reminders.previewScan({ asOf: dto.asOf });
  }

  @Get('letters')
  @Roles(UserRole.Office, UserRole.Admin, UserRole.Leader)
  @ApiOperation({ summary: 'Draft công văn đôn đốc prepared at escalation, newest first' })
  @ApiOkResponse({ type: ReminderLetterPageDto })
  @ApiErrors(400)
  async letters(@Query() query: ListRemindersLettersQuery): Promise<ReminderLetterPageDto> {
    const page = await this.reminders.listLetters(query);
    return { ...page, items: page.items.map(toLetterDto) };
  }

  @Get('letters/:id/file')
  @Roles(UserRole.Office, UserRole.Admin, UserRole.Leader)
  @ApiOperation({ summary: 'Download a draft công văn đôn đốc (DOCX)' })
  @ApiProduces(DOCX)
  @ApiErrors(400, [404, 'Không tìm thấy dự thảo công văn'])
  async letterFile(@Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    const letter = await this.reminders.findLetter(id);
    const path = letter ? this.reminders.letterPath(letter) : null;
    if (!letter || !path || !existsSync(path)) throw new NotFoundException('Không tìm thấy dự thảo công văn');
    return new StreamableFile(createReadStream(path), {
      type: DOCX,
      disposition: `attachment; filename="${basename(letter.path)}"`,
      length: letter.size,
    });
  }
}
