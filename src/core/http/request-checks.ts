import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';
import { fieldLabel } from './field-labels';

const MAX_DEPTH = 32;

/** Keys that would reach an object's prototype if any code ever merged a body into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Fields whose text may span lines (tab, CR and LF allowed). Every other string field is one line.
 * NUL and the other control characters are refused everywhere.
 */
const MULTILINE_FIELDS = new Set(['title', 'description', 'comment', 'reason', 'note', 'resultDocument', 'summary']);

// C0 controls except tab (09), LF (0A), CR (0D); DEL; and the C1 block.
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS = /[\t\n\r]/;

/** Why `value` of `field` is refused, or null: the one rule for control characters in text people send. */
export function controlCharacterProblem(field: string, value: string): string | null {
  if (ANY_CONTROL.test(value)) return `${fieldLabel(field)}: không được chứa ký tự điều khiển (như NUL)`;
  const name = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  if (!MULTILINE_FIELDS.has(name) && LINE_BREAKS.test(value)) return `${fieldLabel(field)}: không được chứa ký tự tab hay xuống dòng`;
  return null;
}

function refuse(res: Response, message: string, details: { field: string; message: string }[]): void {
  res.status(400).json({ statusCode: 400, error: 'Bad Request', message, details });
}

/**
 * Walks a parsed JSON body and the query string once: too deep (protects the validators' recursion),
 * prototype keys (`__proto__`, `constructor`, `prototype`) and control characters in text are a 400.
 */
export function requestContentGuard(req: Request, res: Response, next: NextFunction): void {
  const roots: [unknown, string][] = [[req.body, ''], [req.query, '']];
  for (const [root] of roots) {
    if (!root || typeof root !== 'object') continue;
    const stack: [unknown, string, number][] = [[root, '', 1]];
    while (stack.length) {
      const [node, path, depth] = stack.pop()!;
      if (depth > MAX_DEPTH) return refuse(res, `Dữ liệu lồng nhau quá ${MAX_DEPTH} cấp`, []);
      for (const key of Object.keys(node as object)) {
        const field = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key))
          return refuse(res, 'Dữ liệu chứa tên trường không được phép', [{ field, message: 'Tên trường này không được phép' }]);
        const value = (node as Record<string, unknown>)[key];
        if (typeof value === 'string') {
          const problem = controlCharacterProblem(field, value);
          if (problem) return refuse(res, 'Dữ liệu chứa ký tự không được phép', [{ field, message: problem }]);
        } else if (value && typeof value === 'object') stack.push([value, field, depth + 1]);
      }
    }
  }
  next();
}

/** The metadata key @ApiConsumes writes (@nestjs/swagger's API_CONSUMES, not exported by its package map). */
const API_CONSUMES = 'swagger/apiConsumes';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * 415 for a body in a type the route does not read: JSON everywhere, multipart/form-data only on
 * routes that declare it with `@ApiConsumes('multipart/form-data')` (the same decorator documents it).
 * Without this a JSON route given text/plain saw an empty body and went ahead.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!BODY_METHODS.has(req.method) || !hasBody(req)) return true;
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [context.getHandler(), context.getClass()]);
    const accepted = declared?.length ? declared : ['application/json'];
    const type = mediaType(req);
    if (accepted.includes(type)) return true;
    throw new DomainError(
      `Định dạng dữ liệu không được hỗ trợ: cần gửi ${accepted.join(' hoặc ')}${type ? `, không phải ${type}` : ''}`,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      [],
    );
  }
}
