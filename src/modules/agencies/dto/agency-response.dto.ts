import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from 'src/core/http/pagination';
import { Agency } from '../agency.entity';
import { AgencyKind } from '../agency.enums';

export class AgencyResponseDto {
  @ApiProperty({ example: 5 }) id!: number;
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
  @ApiProperty({ enum: AgencyKind, example: AgencyKind.Department }) kind!: AgencyKind;
  @ApiProperty({ type: [String], example: ['Sở TC'] }) aliases!: string[];
  @ApiProperty({ type: [String], example: ['stc@nhiemvu.example'] }) emails!: string[];
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null }) validTo!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) successorId!: number | null;
  @ApiProperty({ example: '2024-01-02T03:04:05.000Z' }) createdAt!: Date;
  @ApiProperty({ example: '2024-01-02T03:04:05.000Z' }) updatedAt!: Date;
}

export class AgencyPageDto extends PageMetaDto {
  @ApiProperty({ type: [AgencyResponseDto] }) items!: AgencyResponseDto[];
}

export function toAgencyResponse(a: Agency): AgencyResponseDto {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    aliases: a.aliases ?? [],
    emails: a.emails ?? [],
    active: a.active,
    validFrom: a.validFrom,
    validTo: a.validTo,
    successorId: a.successorId,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
