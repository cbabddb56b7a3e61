import { Controller, Get, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiErrors } from 'src/core/http/api-errors';
import { ParseIdPipe } from 'src/core/http/validation';
import { AuthUser, CurrentUser, Public, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { AGENCY_NOT_FOUND, CalendarFeedService, FEED_NOT_FOUND } from './calendar-feed.service';
import { CalendarFeedTokenDto } from './dto/calendar-feed-token.dto';

/** GET /calendar/<token>.ics: public (the token is the secret), outside the /api prefix. */
@ApiTags('calendar feed')
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Public()
  @Get(':file')
  @ApiOperation({
    summary: "An agency's deadlines as an iCalendar feed (no sign-in: the token in the address is the secret)",
    description:
      'RFC 5545: one all-day VEVENT per open task with a due date that the agency leads or coordinates, on its effective due date. ' +
      'Subscribe to it in Outlook or Google Calendar. A rotated token answers 404.',
  })
  @ApiParam({ name: 'file', example: 'q4Zc9Y0m8r1pD2JvX7kT3bQeW6nL5sA0fH8uR2iE1oM.ics' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar; charset=utf-8' })
  @ApiErrors([404, FEED_NOT_FOUND])
  async feed(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    if (!token) throw new NotFoundException(FEED_NOT_FOUND);
    const feed = await this.feeds.feed(token);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${feed.fileName}"`);
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
    return feed.body;
  }
}

/** The feed's secret, under /api/agencies/:id. */
@ApiTags('calendar feed')
@ApiBearerAuth()
@Roles(UserRole.Admin, UserRole.Office, UserRole.Agency)
@ApiErrors(401, [403, 'Bạn chỉ được quản lý lịch của cơ quan, đơn vị mình'], [404, AGENCY_NOT_FOUND])
@Controller('agencies')
export class CalendarTokenController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':id/calendar-token')
  @ApiOperation({ summary: "The agency's calendar feed address (admin, office, the agency's own users)" })
  @ApiParam({ name: 'id', type: Number, example: 5 })
  @ApiOkResponse({ type: CalendarFeedTokenDto })
  current(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<CalendarFeedTokenDto> {
    return this.feeds.current(id, user);
  }

  @Post(':id/calendar-token')
  @ApiOperation({
    summary: 'Issue a new calendar feed address (admin, office, the agency’s own users)',
    description: 'A new random token (32 bytes, base64url); the previous address stops working at once.',
  })
  @ApiParam({ name: 'id', type: Number, example: 5 })
  @ApiCreatedResponse({ type: CalendarFeedTokenDto })
  rotate(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<CalendarFeedTokenDto> {
    return this.feeds.rotate(id, user);
  }
}
