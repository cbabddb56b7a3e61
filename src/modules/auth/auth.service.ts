import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toUserResponse } from 'src/modules/users/dto/user.dto';
import { DUMMY_HASH, verifyPassword } from 'src/modules/users/password';
import { UsersService } from 'src/modules/users/users.service';
import { ChangePasswordResponseDto, LoginResponseDto } from './dto/login.dto';
import { SessionsService } from './sessions.service';
import { TokenPayload } from './jwt-auth.guard';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /**
   * The signed-in user changes their own password. In one transaction: the password and a bumped
   * tokenVersion (every bearer token and session of the user ends), every other browser session
   * revoked, and the caller's own session (`sessionId`, when signed in by cookie) kept on the new
   * version. A bearer caller gets a fresh token in the answer.
   */
  async changePassword(
    userId: number,
    sessionId: number | undefined,
    currentPassword: string,
    newPassword: string,
  ): Promise<ChangePasswordResponseDto> {
    const { user, revoked } = await this.dataSource.transaction(async (m) => {
      const changed = await this.users.changeOwnPassword(userId, currentPassword, newPassword, m);
      return { user: changed, revoked: await this.sessions.keepOnly(userId, sessionId, changed.tokenVersion, m) };
    });
    this.users.forgetActiveUser(userId);
    this.sessions.forgetUser(userId);
    const payload: TokenPayload = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, otherSessionsEnded: revoked };
  }
}
