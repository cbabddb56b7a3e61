import { ApiProperty } from '@nestjs/swagger';
import { Agency } from 'src/modules/agencies/agency.entity';
import { LocalDate } from 'src/core/time/local-date';
import { daysOverdue as daysPastDue, judgeTimeliness } from 'src/modules/calendar/timeliness';
import { diffDays } from 'src/core/time/local-date';
import { Task } from '../task.entity';
import { TaskKind, TaskOrigin, TaskStatus, Timeliness } from '../task.enums';

export class AgencyRefDto {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
}

export class TaskResponseDto {
  @ApiProperty({ example: 42 }) id!: number;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) programId!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'B.2.3' }) code!: string | null;
  @ApiProperty({ example: 'Đề án phát triển kinh tế ban đêm tỉnh Bình Phước giai đoạn 2024–2030' }) title!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) description!: string | null;
  @ApiProperty({ enum: TaskKind, example: TaskKind.Proposal }) kind!: TaskKind;
  @ApiProperty({ type: String, nullable: true, example: 'Nghị quyết số 01/NQ-CP ngày 06/01/2024 của Chính phủ' })
  sourceDocument!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Quyết định' }) outputForm!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'UBND tỉnh' }) submitTo!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt' }) leaderInCharge!:
    string | null;
  @ApiProperty({ example: 3 }) leadAgencyId!: number;
  @ApiProperty({ type: AgencyRefDto }) leadAgency!: AgencyRefDto;
  @ApiProperty({ type: [AgencyRefDto] }) coordinatingAgencies!: AgencyRefDto[];
  @ApiProperty({ type: String, format: 'date', example: '2024-01-15' }) assignedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-06-29',
    description: 'Thời hạn as given',
  })
  dueDate!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-07-01',
    description: 'The due date moved off weekends and public holidays (Bộ luật Dân sự 2015, Điều 148)',
  })
  effectiveDueDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Quý II/2024' }) dueText!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2024-11-30', description: 'After an approved extension: the due date it replaced' })
  extendedFromDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'tháng 11/2024', description: "That date's phrase in the document" })
  extendedFromText!: string | null;
  @ApiProperty({ enum: TaskOrigin, example: TaskOrigin.Initial }) origin!: TaskOrigin;
  @ApiProperty({ enum: TaskStatus, example: TaskStatus.InProgress }) status!: TaskStatus;
  @ApiProperty({ example: 60 }) progress!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Ngày trình (submitted, or done)' })
  submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) resultDocument!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1234/QĐ-UBND' }) resultNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2024-06-20' }) resultIssuedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) resultSummary!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'UBND tỉnh' }) resultIssuer!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Đang lấy ý kiến các sở, ngành' }) note!: string | null;
  @ApiProperty({ example: 3, description: 'Send it back with PATCH' }) version!: number;
  @ApiProperty({
    enum: Timeliness,
    example: Timeliness.Overdue,
    description: 'As of the asOf of the request (default today)',
  })
  timeliness!: Timeliness;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 12,
    description: 'Days past the effective due date: as of asOf when overdue, at completion when late; null otherwise',
  })
  daysOverdue!: number | null;
  @ApiProperty({ example: '2024-01-15T02:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2024-05-02T09:30:00.000Z' }) updatedAt!: string;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskResponseDto] }) items!: TaskResponseDto[];
  @ApiProperty({ example: 137 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) limit!: number;
}

export function toAgencyRef(a: Pick<Agency, 'id' | 'code' | 'name'>): AgencyRefDto {
  return { id: a.id, code: a.code, name: a.name };
}

function iso(d: Date | string): string {
  return d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}

type AgencyRef = Pick<Agency, 'id' | 'code' | 'name'>;

/** What a task response is built from: a loaded Task, or a listed row (task-listing.service.ts reads these columns raw). */
export type TaskView = Omit<Task, 'program' | 'leadAgency' | 'coordinatingAgencies' | 'searchText' | 'createdById'> & {
  leadAgency?: AgencyRef | null;
  coordinatingAgencies?: AgencyRef[];
};

/** The public shape of a task, judged as of `asOf`; expects leadAgency and coordinatingAgencies loaded. */
export function toTaskResponse(t: TaskView, asOf: LocalDate): TaskResponseDto {
  const timeliness = judgeTimeliness(
    { status: t.status, effectiveDueDate: t.effectiveDueDate, completedAt: t.completedAt },
    asOf,
  );
  let overdue: number | null = null;
  if (timeliness === Timeliness.Overdue) overdue = daysPastDue(t.effectiveDueDate, asOf);
  else if (timeliness === Timeliness.Late) overdue = diffDays(t.effectiveDueDate!, t.completedAt!);
  return {
    id: t.id,
    programId: t.programId,
    code: t.code,
    title: t.title,
    description: t.description,
    kind: t.kind,
    sourceDocument: t.sourceDocument,
    outputForm: t.outputForm,
    submitTo: t.submitTo,
    leaderInCharge: t.leaderInCharge,
    leadAgencyId: t.leadAgencyId,
    leadAgency: t.leadAgency ? toAgencyRef(t.leadAgency) : { id: t.leadAgencyId, code: '', name: '' },
    coordinatingAgencies: (t.coordinatingAgencies ?? []).map(toAgencyRef).sort((a, b) => a.code.localeCompare(b.code)),
    assignedAt: t.assignedAt,
    dueDate: t.dueDate,
    effectiveDueDate: t.effectiveDueDate,
    dueText: t.dueText,
    extendedFromDate: t.extendedFromDate ?? null,
    extendedFromText: t.extendedFromText ?? null,
    origin: t.origin,
    status: t.status,
    progress: t.progress,
    completedAt: t.completedAt,
    submittedAt: t.submittedAt ?? null,
    resultDocument: t.resultDocument,
    resultNumber: t.resultNumber ?? null,
    resultIssuedAt: t.resultIssuedAt ?? null,
    resultSummary: t.resultSummary ?? null,
    resultIssuer: t.resultIssuer ?? null,
    note: t.note,
    version: t.version,
    timeliness,
    daysOverdue: overdue,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}
