import { RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from 'src/core/config/configuration';
import { jsonDepthGuard } from './json-depth.middleware';

/** HTTP setup shared by main.ts and the e2e tests, so tests exercise what production serves. */
export function configureApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.app.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.app.bodyLimit, extended: false });
  app.use(jsonDepthGuard);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: '/', method: RequestMethod.GET },
      { path: 'app/{*path}', method: RequestMethod.ALL },
      { path: 'calendar/{*path}', method: RequestMethod.GET },
    ],
  });
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
