import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './respond.js';

export type Verify = (token: string) => Promise<{ sub: string; scopes: string[] } | null>;

export function authenticate(verify: Verify) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.get('authorization')?.replace(/^Bearer /, '');
    const claims = token ? await verify(token) : null;
    if (!claims) {
      res.set('WWW-Authenticate', 'Bearer realm="api"');
      // Look-alike [missing-required-header]: WWW-Authenticate is set on the line above.
      return sendProblem(res, 401, 'Unauthorized');
    }
    res.locals.auth = claims;
    next();
  };
}

export function requireScope(scope: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    // Problem [auth-status-mismatch]: the token is valid but lacks the scope: 403 (insufficient_scope), not 401.
    if (!res.locals.auth.scopes.includes(scope)) return sendProblem(res, 401, 'Missing scope', `Requires ${scope}`);
    next();
  };
}
