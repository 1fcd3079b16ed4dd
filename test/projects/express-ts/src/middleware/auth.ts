import type { NextFunction, Request, Response } from 'express';
import { jwtVerify } from 'jose';
import { ForbiddenError, UnauthorizedError } from '@/errors';

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

export async function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer /, '');
  if (!token) throw new UnauthorizedError();
  try {
    const { payload } = await jwtVerify(token, secret);
    res.locals.user = { id: String(payload.sub), roles: payload.roles ?? [], projects: payload.projects ?? [] };
  } catch {
    throw new UnauthorizedError('Invalid or expired token');
  }
  next();
}

export function requireRole(role: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    // Problem [auth-status-mismatch]: a signed-in user without the role gets UnauthorizedError (401), not 403.
    if (!res.locals.user.roles.includes(role)) throw new UnauthorizedError(`Requires the ${role} role`);
    next();
  };
}

export function requireMember(req: Request, res: Response, next: NextFunction) {
  const projects: string[] = res.locals.user.projects;
  // Look-alike [auth-status-mismatch]: a signed-in non-member gets ForbiddenError (403).
  if (!projects.includes(req.params.projectId)) throw new ForbiddenError('Not a member of this project');
  next();
}
