import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { MAX_REMINDER_LEAD_DAYS } from '../reminder-points';

export const SEND_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The reminder scan's floor relies on this bound (reminderFloor). */
export const MAX_BEFORE_DAYS = MAX_REMINDER_LEAD_DAYS;
export const MAX_OVERDUE_EVERY_DAYS = 60;
export const MAX_ESCALATE_AFTER_DAYS = 365;

/**
 * A program's override of the reminder policy (PUT /api/programs/:id/reminder-policy). Every field is
 * optional: what is left out follows config/reminders.json. The same class validates that file.
 */
export class ReminderPolicyDto implements Partial<ReminderPolicy> {
  @ApiPropertyOptional({
    type: [Number],
    example: [7, 3, 1],
    description: 'Days before the effective due date (1–60, unique)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_BEFORE_DAYS, { each: true })
  beforeDays?: number[];

  @ApiPropertyOptional({ example: true, description: 'Remind on the due date itself' })
  @IsOptional()
  @IsBoolean()
  onDueDate?: boolean;

  @ApiPropertyOptional({
    example: 7,
    minimum: 1,
    maximum: MAX_OVERDUE_EVERY_DAYS,
    description: 'While overdue, remind every N days (7, 14, 21 … after the due date)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_OVERDUE_EVERY_DAYS)
  overdueEveryDays?: number;

  @ApiPropertyOptional({
    example: 14,
    minimum: 1,
    maximum: MAX_ESCALATE_AFTER_DAYS,
    description:
      'From this many days overdue the leader in charge and the office are copied and a draft công văn đôn đốc is prepared',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ESCALATE_AFTER_DAYS)
  escalateAfterDays?: number;

  @ApiPropertyOptional({ example: '07:30', description: 'Local time (TZ_APP) of the daily scan, HH:MM' })
  @IsOptional()
  @Matches(SEND_TIME_PATTERN, { context: { vi: 'phải là giờ dạng HH:MM, từ 00:00 đến 23:59' } })
  sendTime?: string;

  @ApiPropertyOptional({
    example: true,
    description: 'Send only on working days (weekends and official days off skipped)',
  })
  @IsOptional()
  @IsBoolean()
  workingDaysOnly?: boolean;

  @ApiPropertyOptional({ example: true, description: 'false: no reminders for this program' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class EffectiveReminderPolicyDto implements ReminderPolicy {
  @ApiProperty({ type: [Number], example: [7, 3, 1] }) beforeDays!: number[];
  @ApiProperty({ example: true }) onDueDate!: boolean;
  @ApiProperty({ example: 7 }) overdueEveryDays!: number;
  @ApiProperty({ example: 14 }) escalateAfterDays!: number;
  @ApiProperty({ example: '07:30' }) sendTime!: string;
  @ApiProperty({ example: true }) workingDaysOnly!: boolean;
  @ApiProperty({ example: true }) enabled!: boolean;
}

export class ProgramReminderPolicyResponseDto {
  @ApiProperty({ example: 1 }) programId!: number;
  @ApiProperty({
    type: EffectiveReminderPolicyDto,
    description: 'What the scan applies: the override over the defaults',
  })
  policy!: EffectiveReminderPolicyDto;
  @ApiProperty({
    type: ReminderPolicyDto,
    nullable: true,
    example: { beforeDays: [10, 5, 1], escalateAfterDays: 21 },
    description: 'The fields this program overrides; null when it follows the defaults',
  })
  override!: Partial<ReminderPolicy> | null;
  @ApiProperty({ type: EffectiveReminderPolicyDto, description: 'config/reminders.json' })
  defaults!: EffectiveReminderPolicyDto;
}
