import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { Optional, ToBoolean } from 'src/core/http/validation';
import { MAX_ID } from 'src/modules/tasks/dto/create-task.dto';

/** The form fields of POST /api/imports (the file itself is the part `file`). */
export class ImportUploadDto {
  @ApiPropertyOptional({
    example: 1,
    description:
      'The program the items belong to; absent: a văn bản giao nhiệm vụ imported on its own (its header must give its number)',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  programId?: number;

  @ApiPropertyOptional({
    default: true,
    example: true,
    description: 'true: check and show what would be written; false: write (all or nothing)',
  })
  @Optional()
  @ToBoolean()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    example: 1,
    description: 'Lead agency of items that name none (each gets a warning); without it they are errors',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  defaultLeadAgencyId?: number;
}
