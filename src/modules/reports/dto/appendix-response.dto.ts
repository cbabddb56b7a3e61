import { ApiProperty } from '@nestjs/swagger';

// The shape of GET /api/reports/appendix and of a run's snapshot (appendix.types.ts), for the
// OpenAPI document. Examples: the 2020 H1 fixture (seeds/fixtures/report-2020-h1.fixture.ts).

export class AppendixPeriodDto {
  @ApiProperty({ type: String, format: 'date', example: '2020-01-01' }) from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2020-06-30' }) to!: string;
  @ApiProperty({ type: String, format: 'date', example: '2020-06-30' }) asOf!: string;
}

export class ProgramItemFiguresDto {
  @ApiProperty({ example: 40, description: '(1) giao đầu năm' }) initial!: number;
  @ApiProperty({ example: 3, description: '(2) giao thêm' }) added!: number;
  @ApiProperty({ example: 1, description: '(3) xin chuyển, xin rút' }) withdrawnOrDeferred!: number;
  @ApiProperty({ example: 42, description: '(4) = (1) + (2) − (3)' }) total!: number;
  @ApiProperty({ example: 37, description: '(5) đã trình: submitted or done, by the submission date, on or before asOf' }) submitted!: number;
  @ApiProperty({ example: 33, description: '(6) đã ban hành (done by asOf)' }) issued!: number;
  @ApiProperty({ example: 5, description: '(7) = (4) − (5)' }) notSubmitted!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.881, description: '(8) = (5) / (4), a fraction; null when (4) is 0' })
  submittedRate!: number | null;
}

export class TaskCountsDto {
  @ApiProperty({ example: 46, description: 'A = B + E' }) total!: number;
  @ApiProperty({ example: 42, description: 'B: done by asOf' }) done!: number;
  @ApiProperty({ example: 42, description: 'C: done by the effective due date' }) doneOnTime!: number;
  @ApiProperty({ example: 0, description: 'D: done after it' }) doneLate!: number;
  @ApiProperty({ example: 4, description: 'E: not done as of asOf' }) open!: number;
  @ApiProperty({ example: 4, description: 'F: open, not past due (or without a due date)' }) openInTime!: number;
  @ApiProperty({ example: 0, description: 'G: open and past due' }) openOverdue!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.913,
    description: 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao: B / A (done over all given, as the provincial reports print it), a fraction; null when A is 0',
  })
  doneRate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn: B / (B + G) (the national formula), a fraction; null when B + G is 0',
  })
  completionRate!: number | null;
}

export class TaskFiguresDto extends TaskCountsDto {
  @ApiProperty({ example: 0, description: 'Assigned before from (chuyển từ kỳ trước)' }) carriedOver!: number;
  @ApiProperty({ example: 46, description: 'Assigned in [from, to]' }) assignedInPeriod!: number;
}

export class AgencyProgramItemFiguresDto extends ProgramItemFiguresDto {
  @ApiProperty({ example: 3 }) agencyId!: number;
  @ApiProperty({ example: 'SKHDT' }) agencyCode!: string;
  @ApiProperty({ example: 'Sở Kế hoạch và Đầu tư' }) agencyName!: string;
}

export class AgencyTaskFiguresDto extends TaskCountsDto {
  @ApiProperty({ example: 3 }) agencyId!: number;
  @ApiProperty({ example: 'SKHDT' }) agencyCode!: string;
  @ApiProperty({ example: 'Sở Kế hoạch và Đầu tư' }) agencyName!: string;
}

export class OverdueTaskDto {
  @ApiProperty({ example: 1, description: 'TT' }) no!: number;
  @ApiProperty({ example: 120 }) taskId!: number;
  @ApiProperty({ type: String, nullable: true, example: 'NV-07' }) code!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Nghị quyết số 84/NQ-CP ngày 29/5/2020 của Chính phủ' }) sourceDocument!: string | null;
  @ApiProperty({ example: 'Rà soát, đề xuất tháo gỡ khó khăn cho doanh nghiệp bị ảnh hưởng bởi dịch Covid-19' }) title!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-06-15' }) dueDate!: string | null;
  @ApiProperty({ type: String, format: 'date', example: '2024-06-17', description: 'After the weekend/holiday rule' }) effectiveDueDate!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) agencyName!: string;
  @ApiProperty({ example: 13 }) daysOverdue!: number;
  @ApiProperty({ example: 'quá hạn 13 ngày' }) note!: string;
}

export class OverduePageDto {
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 100 }) limit!: number;
  @ApiProperty({ example: 8420, description: 'Every row of Phụ lục III (= tasks.openOverdue)' }) total!: number;
}

export class AppendixResponseDto {
  @ApiProperty({ type: AppendixPeriodDto }) period!: AppendixPeriodDto;
  @ApiProperty({ type: ProgramItemFiguresDto, description: 'Phụ lục I (the total row)' }) programItems!: ProgramItemFiguresDto;
  @ApiProperty({ type: [AgencyProgramItemFiguresDto], description: 'Phụ lục I per lead agency' }) programItemsByAgency!: AgencyProgramItemFiguresDto[];
  @ApiProperty({ type: TaskFiguresDto, description: 'Phụ lục II' }) tasks!: TaskFiguresDto;
  @ApiProperty({ type: [AgencyTaskFiguresDto], description: 'Phụ lục II per lead agency' }) byAgency!: AgencyTaskFiguresDto[];
  @ApiProperty({ type: [OverdueTaskDto], description: 'Phụ lục III: the page `overduePage` names (numbered from its first row: `no`)', example: [] })
  overdue!: OverdueTaskDto[];
  @ApiProperty({ type: OverduePageDto, description: 'Which rows of Phụ lục III `overdue` holds' }) overduePage!: OverduePageDto;
}


export class DefaultPeriodDto {
  @ApiProperty({ example: '2026-Q3', description: 'Named period for GET /api/reports/appendix?period=' }) period!: string;
  @ApiProperty({ enum: ['cutoff', 'calendar'], example: 'cutoff' }) window!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-06-15' }) from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' }) to!: string;
  @ApiProperty({ example: 'Quý III năm 2026' }) label!: string;
}

export class TrendMonthDto {
  @ApiProperty({ example: 6 }) month!: number;
  @ApiProperty({ type: String, format: 'date', example: '2026-06-01' }) from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-06-30' }) to!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-06-30', description: 'The month\'s last day, or today for the running month' }) asOf!: string;
  @ApiProperty({ example: 12, description: 'Done on time in the month (C)' }) doneOnTime!: number;
  @ApiProperty({ example: 3, description: 'Done late in the month (D)' }) doneLate!: number;
  @ApiProperty({ example: 5, description: 'Open and overdue at the month\'s end (G)' }) openOverdue!: number;
}
