import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { toUserResponse } from 'src/modules/users/dto/user.dto';
import { DUMMY_HASH, verifyPassword } from 'src/modules/users/password';
import { UsersService } from 'src/modules/users/users.service';
import { LoginResponseDto } from './dto/login.dto';
import { TokenPayload } from './jwt-auth.guard';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  /** One answer for a wrong email and a wrong password, in the same time. */
  async login(
    email: string,
    password: string,
  ): Promise<Pick<LoginResponseDto, 'accessToken' | 'expiresIn' | 'user'> & { tokenVersion: number }> {
    const user = await this.users.findByEmailWithHash(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw new UnauthorizedException('Email hoặc mật khẩu không đúng');
    await this.users.touchLogin(user.id);
    const payload: TokenPayload = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, user: toUserResponse(user), tokenVersion: user.tokenVersion };
  }
}
