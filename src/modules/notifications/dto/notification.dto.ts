import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToBoolean } from 'src/core/http/validation';
import { Notification } from '../notification.entity';
import { NOTIFICATION_KIND_LABELS, NotificationDelivery, NotificationKind } from '../notification.enums';

const DELIVERIES = Object.values(NotificationDelivery);

/** PUT body: a delivery per kind; a kind not listed here is refused (forbidNonWhitelisted → 400). */
export class NotificationPreferencesDto {
  @ApiPropertyOptional({ enum: NotificationDelivery })
  @IsOptional()
  @IsIn(DELIVERIES)
  [NotificationKind.RequestCreated]?: NotificationDelivery;

  @ApiPropertyOptional({ enum: NotificationDelivery })
  @IsOptional()
  @IsIn(DELIVERIES)
  [NotificationKind.RequestDecided]?: NotificationDelivery;

  @ApiPropertyOptional({ enum: NotificationDelivery })
  @IsOptional()
  @IsIn(DELIVERIES)
  [NotificationKind.TaskReopened]?: NotificationDelivery;

  @ApiPropertyOptional({ enum: NotificationDelivery })
  @IsOptional()
  @IsIn(DELIVERIES)
  [NotificationKind.TaskReassigned]?: NotificationDelivery;
}

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class NotificationResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: NotificationKind }) kind!: NotificationKind;
  @ApiProperty({ example: 'Đề nghị gia hạn' }) kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) lines!: string[];
  @ApiProperty({ type: String, nullable: true, example: '/app/tasks/12' }) link!: string | null;
  @ApiProperty({ type: Number, nullable: true }) taskId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) requestId!: number | null;
  @ApiProperty({ enum: NotificationDelivery }) delivery!: NotificationDelivery;
  @ApiProperty() read!: boolean;
  @ApiProperty() createdAt!: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationResponseDto] }) items!: NotificationResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Unread notifications of the user (all pages)' }) unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export function toNotificationResponse(n: Notification): NotificationResponseDto {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind,
    title: n.title,
    lines: n.body ? n.body.split('\n') : [],
    link: n.link,
    taskId: n.taskId,
    requestId: n.requestId,
    delivery: n.delivery,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}
