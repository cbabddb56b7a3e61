import { randomUUID } from 'node:crypto';
import { Module, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from 'src/core/config/configuration';

/** JSON logs with a request id per request (X-Request-Id in and out); pretty in development. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      // nestjs-pino 4 types these through '@nestjs/common/interfaces', a path Nest 12's exports map
      // no longer resolves, which makes them required; empty lists say what was meant (none).
      imports: [],
      providers: [],
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const pretty = config.get('app.logFormat', { infer: true }) === 'pretty';
        return {
          // Every route, including those outside the /api prefix (health, web pages); Express 5 path syntax.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.get('app.logLevel', { infer: true }),
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
          },
        };
      },
    }),
  ],
})
export class LoggingModule {}
