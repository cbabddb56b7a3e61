import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { AppConfig } from 'src/core/config/configuration';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import type { Agency } from 'src/modules/agencies/agency.entity';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { diffDays, LocalDate } from 'src/core/time/local-date';
import { TaskDeadlinesQuery } from 'src/modules/tasks/queries/task-deadlines.query';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { CalendarFeedTokenDto } from './dto/calendar-feed-token.dto';
import { IcsEvent, renderCalendar } from './ics';

/** 32 random bytes, base64url: 43 characters. */
export const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43,64}$/;
export const AGENCY_NOT_FOUND = 'Không tìm thấy cơ quan, đơn vị';
export const FEED_NOT_FOUND = 'Không tìm thấy lịch; địa chỉ có thể đã được thay bằng địa chỉ mới';

const STATUS_LABELS: Partial<Record<TaskStatus, string>> = {
  [TaskStatus.New]: 'Mới giao',
  [TaskStatus.InProgress]: 'Đang thực hiện',
  [TaskStatus.Submitted]: 'Đã trình',
};

export interface CalendarFeed {
  fileName: string;
  body: string;
}

function viDate(d: LocalDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

/**
 * The agency calendar feed (.ics) and its secret. The token lives in `agencies.calendarToken`, read
 * and written through AgenciesService (findByCalendarToken, setCalendarToken); the agencies API
 * neither returns nor accepts it. Tasks come from the tasks module's TaskDeadlinesQuery.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly deadlines: TaskDeadlinesQuery,
    private readonly calendar: CalendarService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The current feed address of an agency (null until one is issued). */
  async current(agencyId: number, user: AuthUser): Promise<CalendarFeedTokenDto> {
    const agency = await this.agencyFor(agencyId, user);
    return this.toDto(agency, agency.calendarToken);
  }

  /** Issues a new token; the previous address stops working at once. */
  async rotate(agencyId: number, user: AuthUser): Promise<CalendarFeedTokenDto> {
    const agency = await this.agencyFor(agencyId, user);
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    await this.agencies.setCalendarToken(agency.id, token);
    return this.toDto(agency, token);
  }

  /** The .ics of the agency holding `token`: its open tasks with a due date, led or coordinated. */
  async feed(token: string): Promise<CalendarFeed> {
    if (!TOKEN_PATTERN.test(token)) throw new NotFoundException(FEED_NOT_FOUND);
    const agency = await this.agencies.findByCalendarToken(token);
    if (!agency) throw new NotFoundException(FEED_NOT_FOUND);

    const tasks = await this.deadlines.openForAgency(agency.id);

    const appUrl = this.config.get('app.appUrl', { infer: true });
    const host = new URL(appUrl).hostname || 'nhiemvu';
    const today = this.calendar.today();
    const events: IcsEvent[] = tasks.map((t) => {
      const due = t.effectiveDueDate!;
      const leads = t.leadAgencyId === agency.id;
      const label = t.code ? `${t.code} – ${t.title}` : t.title;
      const lines = [
        `Nội dung: ${t.title}`,
        `Cơ quan chủ trì: ${t.leadAgency?.name ?? ''}${leads ? '' : ` (${agency.name} phối hợp)`}`,
        `Thời hạn: ${viDate(t.dueDate ?? due)}${t.dueText ? ` (${t.dueText})` : ''}`,
        ...(t.dueDate && t.dueDate !== due ? [`Hạn tính theo ngày làm việc: ${viDate(due)}`] : []),
        `Trạng thái: ${STATUS_LABELS[t.status] ?? t.status}, tiến độ ${t.progress}%`,
        ...(due < today ? [`Quá hạn ${diffDays(due, today)} ngày`] : []),
        ...(t.sourceDocument ? [`Văn bản giao nhiệm vụ: ${t.sourceDocument}`] : []),
        `Xem chi tiết: ${appUrl}/app/tasks/${t.id}`,
      ];
      return {
        uid: `task-${t.id}@${host}`,
        date: due,
        summary: `${leads ? '' : '[Phối hợp] '}Hạn hoàn thành: ${label}`,
        description: lines.join('\n'),
        url: `${appUrl}/app/tasks/${t.id}`,
        modifiedAt: t.updatedAt instanceof Date ? t.updatedAt : new Date(t.updatedAt),
        sequence: t.version,
        categories: [leads ? 'Chủ trì' : 'Phối hợp'],
      };
    });
    const body = renderCalendar({
      prodId: '-//nhiemvu//Lich nhiem vu//VI',
      name: `Nhiệm vụ – ${agency.name}`,
      description: `Thời hạn các nhiệm vụ đang thực hiện của ${agency.name}`,
      timeZone: this.config.get('app.tz', { infer: true }),
      events,
    });
    return { fileName: `nhiem-vu-${agency.code.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.ics`, body };
  }

  /** Office and admin: any agency; agency users: their own. */
  private async agencyFor(agencyId: number, user: AuthUser): Promise<Agency> {
    if (user.role === UserRole.Agency && user.agencyId !== agencyId) {
      throw new ForbiddenException('Bạn chỉ được quản lý lịch của cơ quan, đơn vị mình');
    }
    const agency = await this.agencies.findById(agencyId);
    if (!agency) throw new NotFoundException(AGENCY_NOT_FOUND);
    return agency;
  }

  private toDto(agency: Agency, token: string | null): CalendarFeedTokenDto {
    const path = token ? `/calendar/${token}.ics` : null;
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      token,
      path,
      url: path ? `${this.config.get('app.appUrl', { infer: true })}${path}` : null,
    };
  }
}
