import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/**
 * The web UI: the static single-page app of web/ served by the API process itself at `/` and
 * `/app/*` (@nestjs/serve-static is not a dependency; express's sendFile does the work).
 */
@Module({ controllers: [WebController] })
export class WebModule {}
