import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ProgramReminderPolicyResponseDto, ReminderPolicyDto } from './dto/reminder-policy.dto';
import { ReminderPolicyService } from './reminder-policy.service';
import { ReminderSchedulesService } from './reminder-schedules.service';

/** Routed under /api/programs/:id, owned by the reminders module (only the reminderPolicy column). */
@ApiTags('reminders')
@ApiBearerAuth()
@Roles(UserRole.Office, UserRole.Admin)
@ApiErrors(401, 403, [404, 'Không tìm thấy chương trình công tác'])
@Controller('programs')
export class ReminderPolicyController {
  constructor(
    private readonly policies: ReminderPolicyService,
    private readonly schedules: ReminderSchedulesService,
  ) {}

  @Get(':id/reminder-policy')
  @ApiOperation({
    summary: "A program's reminder policy: the override, the defaults (config/reminders.json) and what applies",
  })
  @ApiOkResponse({ type: ProgramReminderPolicyResponseDto })
  @ApiErrors(400)
  get(@Param('id', ParseIdPipe) id: number): Promise<ProgramReminderPolicyResponseDto> {
    return this.policies.get(id);
  }

  @Put(':id/reminder-policy')
  @ApiOperation({
    summary: "Replace a program's reminder policy override",
    description: 'Fields left out follow the defaults; an empty object {} returns the program to the defaults.',
  })
  @ApiOkResponse({ type: ProgramReminderPolicyResponseDto })
  @ApiErrors(400)
  async put(
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ReminderPolicyDto,
  ): Promise<ProgramReminderPolicyResponseDto> {
    const view = await this.policies.put(id, { ...dto });
    // A new send time needs its scheduler; not awaited so an outage of Redis does not fail the change
    // (the worker syncs again at boot and after every scheduled scan).
    void this.schedules.sync().catch(() => undefined);
    return view;
  }
}
