import { ApiProperty } from '@nestjs/swagger';

/** GET /api/tasks/summary: the counts of the list's tabs for the same filters, in one answer. */
export class TaskSummaryDto {
  @ApiProperty({ example: 137, description: 'All matching tasks (the list\'s total)' })
  total!: number;

  @ApiProperty({ example: 12, description: 'Matching tasks overdue as of asOf (timeliness=overdue)' })
  overdue!: number;

  @ApiProperty({ example: 5, description: 'Matching tasks due soon as of asOf (timeliness=due_soon)' })
  dueSoon!: number;

  @ApiProperty({ example: 80, description: 'Matching tasks in an open status: new, in_progress, submitted' })
  open!: number;

  @ApiProperty({ example: 40, description: 'Matching tasks in status done' })
  done!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 9,
    description:
      'With agencyId: the tasks that agency coordinates without leading, under the other filters (what GET /api/tasks?coordinatingAgencyId= lists); null without agencyId',
  })
  coordinating!: number | null;
}
