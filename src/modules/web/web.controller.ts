import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { join } from 'node:path';
import { AppConfig } from 'src/core/config/configuration';
import { Public } from 'src/modules/auth/auth.decorators';

/**
 * Everything the pages load comes from the app itself (no CDN, no external font): scripts,
 * styles and images from 'self', API calls to 'self'.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_FOUND = 'Không tìm thấy tệp';

/** A last path segment with an extension is a file (app.js, app.css, logo.svg); anything else is a page. */
const FILE_PATH = /^[A-Za-z0-9._/-]+\.[A-Za-z0-9]+$/;

function setWebHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', WEB_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  // No build step and no hashed names: the browser revalidates (ETag) and gets a 304.
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Serves the single-page app in web/ (static files, no build step): the shell at `/` and at every
 * `/app/...` page (the client-side router takes it from there), and the files under `/app/`.
 * Public: the pages hold no data; every API call carries the user's token.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebController {
  private readonly root: string;

  constructor(config: ConfigService<AppConfig, true>) {
    this.root = join(config.get('app.rootDir', { infer: true }), 'web');
  }

  @Get()
  index(@Res() res: Response): Promise<void> {
    return this.send(res, 'index.html');
  }

  /** `/app/js/main.js` → web/js/main.js; `/app/tasks/12` → the shell (index.html). */
  @Get('app/{*path}')
  app(@Req() req: Request, @Res() res: Response): Promise<void> {
    const rel = req.path.replace(/^\/app\/?/, '');
    const last = rel.split('/').pop() ?? '';
    if (!last.includes('.')) return this.send(res, 'index.html');
    if (!FILE_PATH.test(rel) || rel.split('/').some((s) => s.startsWith('.'))) throw new NotFoundException(NOT_FOUND);
    return this.send(res, rel);
  }

  private send(res: Response, rel: string): Promise<void> {
    setWebHeaders(res);
    return new Promise<void>((resolve, reject) => {
      res.sendFile(rel, { root: this.root, dotfiles: 'deny', cacheControl: false, lastModified: true }, (err) => {
        if (!err) return resolve();
        if (res.headersSent) return resolve();
        res.removeHeader('Content-Security-Policy');
        reject(new NotFoundException(NOT_FOUND));
      });
    });
  }
}
