import { RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import nocache from 'nocache';
import { AppConfig } from 'src/core/config/configuration';
import { QuietBootLogger } from 'src/core/logging/quiet-boot-logger';
import { httpMetrics } from 'src/core/metrics/metrics';
import { requestContentGuard } from './request-checks';

/** HTTP setup shared by main.ts and the e2e tests, so tests exercise what production serves. */
export function configureApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  app.useLogger(new QuietBootLogger(app.get(Logger)));
  // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (none by default), so a
  // client cannot choose the address the login limit counts.
  app.set('trust proxy', config.app.trustProxy.length ? config.app.trustProxy : false);
  // nosniff, frame and referrer headers on everything; the web pages set their own strict CSP
  // (WEB_CSP), and /api/docs needs Swagger UI's inline scripts, so helmet's CSP stays off here.
  app.use(helmet({ contentSecurityPolicy: false }));
  // API answers carry personal and task data: never stored by a browser or a proxy.
  app.use(['/api', '/health', '/metrics'], nocache());
  app.use(httpMetrics);
  app.useBodyParser('json', { limit: config.app.bodyLimit });
  app.use(requestContentGuard);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: '/', method: RequestMethod.GET },
      { path: 'app/{*path}', method: RequestMethod.ALL },
      { path: 'calendar/{*path}', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  if (!config.app.apiDocs) return app;
  const doc = new DocumentBuilder()
    .setTitle('nhiemvu API')
    .setDescription(
      'Theo dõi nhiệm vụ của UBND tỉnh: chương trình công tác, nhiệm vụ, đôn đốc, báo cáo. ' +
        'Sign in with POST /api/auth/login and use the token as Bearer. Errors: {statusCode, error, message, details[]}.',
    )
    .setVersion('1')
    .addBearerAuth()
    // The web UI's session cookie (see auth/sessions.service.ts); changes also need X-CSRF-Token.
    .addCookieAuth('nhiemvu_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
