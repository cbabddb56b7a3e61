import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtSignOptions } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from 'src/core/config/configuration';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from 'src/modules/users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { loginThrottles } from './login-throttles';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { AuthSession } from './session.entity';
import { SessionsService } from './sessions.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const AUTH_ENTITIES = [AuthSession];

@Module({
  providers: [RedisThrottlerStorage],
  exports: [RedisThrottlerStorage],
})
class LoginRateLimitStorageModule {}

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature(AUTH_ENTITIES),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        // EnvDto has checked the form (30m, 8h, 1d); jsonwebtoken types it as ms's StringValue.
        const ttl: string = config.get('auth.jwtTtl', { infer: true });
        // A KeyObject, made once: given a string, jsonwebtoken first tries to read it as a public key
        // and catches the failure, on every request (half a millisecond each, by `npm run bench`).
        const secret: string = config.get('auth.jwtSecret', { infer: true });
        const key = createSecretKey(Buffer.from(secret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: ttl as NonNullable<JwtSignOptions['expiresIn']>, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
    // Two login throttles, each LOGIN_RATE_LIMIT a minute: per client address (whatever the account)
    // and per account (whatever the address), counted in Redis so they hold across API processes.
    ThrottlerModule.forRootAsync({
      imports: [LoginRateLimitStorageModule],
      inject: [ConfigService, RedisThrottlerStorage],
      useFactory: (config: ConfigService<AppConfig, true>, storage: RedisThrottlerStorage) => {
        return { storage, ...loginThrottles(config.get('auth.loginRateLimit', { infer: true })) };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [JwtModule, SessionsService],
})
export class AuthModule {}
