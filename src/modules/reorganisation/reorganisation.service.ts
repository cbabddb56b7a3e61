import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { formatVietnameseDate } from 'src/core/time/local-date';
import { MergeAgencyDto } from './dto/merge-agency.dto';
import { HandoverResult, TaskBrief, TaskHandover } from 'src/modules/tasks/task-handover';

/** Thrown to roll a preview's transaction back. */
class RollBack extends Error {}

export interface MergePreview {
  agency: Agency;
  successor: Agency;
  /** Open tasks whose lead would become the successor. */
  leadTasks: TaskBrief[];
  /** Open tasks whose coordinating list would name the successor instead. */
  coordinatingTasks: TaskBrief[];
}

export interface MergeResult extends HandoverResult {
  agency: Agency;
  successor: Agency;
}

function refused(message: string, field: string, detail: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field, message: `${field}: ${detail}` }] });
}

/** The history comment of every task a merge hands over. */
export function mergeComment(from: Agency, to: Agency, lastDay: string): string {
  return `Sáp nhập ${from.name} (${from.code}) vào ${to.name} (${to.code}); ${from.name} hoạt động đến hết ngày ${formatVietnameseDate(lastDay)}`;
}

/**
 * Reorganisations of agencies (DESIGN.md "Agency"). A merge closes the agency and hands its open
 * tasks to the successor in one transaction; done, withdrawn and deferred tasks and past reports keep
 * the old agency.
 */
@Injectable()
export class ReorganisationService {
  private readonly logger = new Logger(ReorganisationService.name);

  constructor(
    private readonly agencies: AgenciesService,
    private readonly handover: TaskHandover,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async merge(id: number, dto: MergeAgencyDto, actor: AuthUser): Promise<MergeResult> {
    const result = await this.dataSource.transaction((m) => this.mergeIn(m, id, dto, actor));
    this.logger.log(
      `agency ${result.agency.code} merged into ${result.successor.code} by user ${actor.id}: ` +
        `${result.leadTaskIds.length} task(s) handed over, ${result.coordinatingTaskIds.length} coordinating list(s) updated`,
    );
    return result;
  }

  /**
   * What a merge would do, without doing it: the merge itself runs (same checks, same handover) in a
   * transaction that is then rolled back, so the preview cannot differ from the merge.
   */
  async preview(id: number, dto: MergeAgencyDto, actor: AuthUser): Promise<MergePreview> {
    let preview: MergePreview | null = null;
    await this.dataSource
      .transaction(async (m) => {
        const r = await this.mergeIn(m, id, dto, actor);
        const ids = [...new Set([...r.leadTaskIds, ...r.coordinatingTaskIds])];
        const rows = await this.handover.briefs(m, ids);
        preview = {
          agency: r.agency,
          successor: r.successor,
          leadTasks: rows.filter((t) => r.leadTaskIds.includes(t.id)),
          coordinatingTasks: rows.filter((t) => r.coordinatingTaskIds.includes(t.id)),
        };
        throw new RollBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RollBack)) throw e;
      });
    return preview!;
  }

  private async mergeIn(m: EntityManager, id: number, dto: MergeAgencyDto, actor: AuthUser): Promise<MergeResult> {
    const agency = await this.agencies.get(id, m);
    if (dto.intoAgencyId === id) {
      throw refused('Không thể sáp nhập một cơ quan, đơn vị vào chính nó', 'intoAgencyId', 'phải khác cơ quan được sáp nhập');
    }
    if (agency.successorId !== null) {
      const previous = await this.agencies.findById(agency.successorId, m);
      throw new BadRequestException(
        `Cơ quan, đơn vị ${agency.name} đã được sáp nhập vào ${previous?.name ?? 'cơ quan khác'}` +
          (agency.validTo ? ` (hoạt động đến hết ngày ${formatVietnameseDate(agency.validTo)})` : ''),
      );
    }
    const into = await this.agencies.requireReference(dto.intoAgencyId, 'intoAgencyId', { allowInactive: true, manager: m });
    if (!into.active || into.successorId !== null) {
      throw refused(`Không thể sáp nhập vào ${into.name}: cơ quan, đơn vị này đã ngừng hoạt động`, 'intoAgencyId', 'cơ quan tiếp nhận phải còn hoạt động');
    }
    if (agency.validFrom && dto.date < agency.validFrom) {
      throw refused(
        `Ngày sáp nhập không được trước ngày ${agency.name} bắt đầu hoạt động (${formatVietnameseDate(agency.validFrom)})`,
        'date',
        'không được trước ngày bắt đầu hoạt động của cơ quan được sáp nhập',
      );
    }
    const closed = await this.agencies.closeInto(agency, into, dto.date, m);
    const handover = await this.handover.handOverOpenTasks(m, {
      from: agency,
      to: into,
      comment: mergeComment(agency, into, dto.date),
      actor: { userId: actor.id, userName: actor.fullName },
    });
    return { agency: closed, successor: into, ...handover };
  }
}
