import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponseDto } from 'src/modules/users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'vanphong@nhiemvu.example' })
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  email!: string;

  @ApiProperty({ example: 'nhiemvu-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjcsInR2IjowfQ.c2lnbmF0dXJl', description: 'Send as Authorization: Bearer …' })
  accessToken!: string;
  @ApiProperty({ example: 28800, description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
  @ApiProperty({ description: 'Browser only: send as X-CSRF-Token on unsafe requests made with the session cookie' })
  csrfToken!: string;
  @ApiProperty({ example: '2026-12-05T18:00:00.000Z', description: 'When the browser session ends' })
  sessionExpiresAt!: string;
}

export class SessionResponseDto {
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
  @ApiProperty({ type: String, nullable: true, description: 'Null when called with a bearer token' }) csrfToken!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-05T18:00:00.000Z' }) sessionExpiresAt!: string | null;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'nhiemvu-demo', maxLength: 200, description: 'The password in use now' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({
    example: 'dong-song-be-chay-qua-loc-ninh',
    minLength: 10,
    maxLength: 200,
    description: 'At least 10 characters, not the email, not the demo password, hard to guess (zxcvbn-ts score 3+)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

export class ChangePasswordResponseDto {
  @ApiProperty({ description: 'A fresh bearer token (the old ones ended with the change)' }) accessToken!: string;
  @ApiProperty({ example: 28800 }) expiresIn!: number;
  @ApiProperty({ example: 2, description: 'Other browser sessions of the user that were signed out' }) otherSessionsEnded!: number;
}
