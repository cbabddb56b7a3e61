import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { toAgencyResponse } from 'src/modules/agencies/dto/agency-response.dto';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { MergeAgencyDto, MergeAgencyResponseDto } from './dto/merge-agency.dto';
import { ReorganisationService } from './reorganisation.service';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class ReorganisationController {
  constructor(private readonly reorganisation: ReorganisationService) {}

  @Post(':id/merge-preview')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'What merging an agency would do, without doing it',
    description: 'The same checks and handover as POST /merge, rolled back: the open tasks that would move to the successor, and those whose coordinating list would change.',
  })
  @ApiParam({ name: 'id', type: Number, example: 4 })
  @ApiErrors([400, 'Cơ quan, đơn vị Sở Kế hoạch và Đầu tư đã được sáp nhập vào Sở Tài chính'], 401, 403, [404, 'Không tìm thấy cơ quan, đơn vị'])
  async preview(@Param('id', ParseIdPipe) id: number, @Body() dto: MergeAgencyDto, @CurrentUser() user: AuthUser) {
    const r = await this.reorganisation.preview(id, dto, user);
    return { agency: toAgencyResponse(r.agency), successor: toAgencyResponse(r.successor), leadTasks: r.leadTasks, coordinatingTasks: r.coordinatingTasks };
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'Merge an agency into another',
    description:
      'Admin only. Closes the agency (validTo = date, active = false, successorId = intoAgencyId) and, in the same ' +
      'transaction, makes the successor the lead agency of its open tasks (new, in_progress, submitted) and replaces it ' +
      'in the coordinating lists of open tasks; each change is kept in the task history (action "merge"). Done, ' +
      'withdrawn and deferred tasks keep the old agency, so past reports do not change.',
  })
  @ApiParam({ name: 'id', type: Number, example: 4, description: 'The agency that is merged (closed)' })
  @ApiOkResponse({ type: MergeAgencyResponseDto })
  @ApiErrors(
    [400, 'Không thể sáp nhập vào Sở Tài chính: cơ quan, đơn vị này đã ngừng hoạt động'],
    401,
    403,
    [404, 'Không tìm thấy cơ quan, đơn vị'],
  )
  async merge(@Param('id', ParseIdPipe) id: number, @Body() dto: MergeAgencyDto, @CurrentUser() user: AuthUser): Promise<MergeAgencyResponseDto> {
    const r = await this.reorganisation.merge(id, dto, user);
    return { agency: toAgencyResponse(r.agency), successor: toAgencyResponse(r.successor), leadTaskIds: r.leadTaskIds, coordinatingTaskIds: r.coordinatingTaskIds };
  }
}
