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
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}
