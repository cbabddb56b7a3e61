import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsLocalDate, MAX_ID } from 'src/core/http/validation';
import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';

export class MergeAgencyDto {
  @ApiProperty({ example: 5, description: 'The agency that takes over (must be active)' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  intoAgencyId!: number;

  @ApiProperty({ type: String, format: 'date', example: '2025-02-28', description: 'Last day of the merged agency: becomes its validTo' })
  @IsLocalDate()
  date!: string;
}

export class MergeAgencyResponseDto {
  @ApiProperty({ type: AgencyResponseDto, description: 'The merged agency, now closed' }) agency!: AgencyResponseDto;
  @ApiProperty({ type: AgencyResponseDto, description: 'The agency that took over' }) successor!: AgencyResponseDto;
  @ApiProperty({ type: [Number], example: [12, 15], description: 'Open tasks whose lead agency is now the successor' })
  leadTaskIds!: number[];
  @ApiProperty({ type: [Number], example: [31], description: 'Open tasks whose coordinating list changed' })
  coordinatingTaskIds!: number[];
}
