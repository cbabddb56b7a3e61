import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** POST /api/requests/:id/approve. */
export class ApproveTaskRequestDto {
  @ApiPropertyOptional({ example: 'Đồng ý gia hạn theo đề nghị của Sở', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** POST /api/requests/:id/reject: the reason is required. */
export class RejectTaskRequestDto {
  @ApiProperty({ example: 'Không đủ căn cứ; đề nghị Sở khẩn trương hoàn thành đúng hạn', maxLength: 2000 })
  @IsString()
  @Matches(/\S/, { context: { vi: 'không được để trống' } })
  @MaxLength(2000)
  comment!: string;
}
