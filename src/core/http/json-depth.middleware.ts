import { NextFunction, Request, Response } from 'express';

const MAX_DEPTH = 32;

/** Refuses request bodies nested deeper than any API shape needs (protects the validators' recursion). */
export function jsonDepthGuard(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body && typeof body === 'object') {
    const stack: [unknown, number][] = [[body, 1]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      if (depth > MAX_DEPTH) {
        res.status(400).json({ statusCode: 400, error: 'Bad Request', message: `Dữ liệu lồng nhau quá ${MAX_DEPTH} cấp`, details: [] });
        return;
      }
      if (node && typeof node === 'object') for (const v of Object.values(node)) if (v && typeof v === 'object') stack.push([v, depth + 1]);
    }
  }
  next();
}
