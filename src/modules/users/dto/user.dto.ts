import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageMetaDto, PageQuery } from 'src/core/http/pagination';
import { MAX_ID, Optional, ToBoolean, Trim } from 'src/core/http/validation';
import { User } from '../user.entity';
import { UserRole } from '../user-role.enum';

export class CreateUserDto {
  @ApiProperty({ example: 'nguyenvana@stc.nhiemvu.example', maxLength: 255, description: 'Unique; stored lowercase' })
  @Trim({ case: 'lower' })
  @IsEmail({}, { context: { vi: 'không phải địa chỉ email hợp lệ' } })
  @MaxLength(255)
  email!: string;

  @ApiProperty({ example: 'Nguyễn Văn An', maxLength: 255 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MinLength(2)
  @MaxLength(255)
  fullName!: string;

  @ApiProperty({ enum: UserRole, example: UserRole.Agency, description: 'admin, office (Văn phòng UBND tỉnh), leader (Chủ tịch, Phó Chủ tịch), agency (one agency)' })
  @IsEnum(UserRole)
  role!: UserRole;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 3, description: 'Required for role agency: an existing, active agency. Ignored (null) for the other roles.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  agencyId?: number | null;

  @ApiProperty({ example: 'mat-khau-du-dai', minLength: 10, maxLength: 200, description: 'Never returned' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;
}

/** Every field optional; `null` only for agencyId. A new password signs the user out everywhere. */
export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ example: true, description: 'false locks the account and signs it out' })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Stop receiving the agency reminder digests' })
  @Optional()
  @IsBoolean()
  remindersOptOut?: boolean;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UserRole, example: UserRole.Agency })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  agencyId?: number;

  @ApiPropertyOptional({ type: Boolean, example: true })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export class UserResponseDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 'nguyenvana@stc.nhiemvu.example' }) email!: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName!: string;
  @ApiProperty({ enum: UserRole, example: UserRole.Agency }) role!: UserRole;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) agencyId!: number | null;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: false }) remindersOptOut!: boolean;
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserResponseDto] }) items!: UserResponseDto[];
}

export function toUserResponse(u: User): UserResponseDto {
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, agencyId: u.agencyId, active: u.active, remindersOptOut: u.remindersOptOut };
}
