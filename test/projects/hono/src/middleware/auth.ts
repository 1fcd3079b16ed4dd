import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { findSession } from '../db';
import { problem, unauthorized } from '../lib/respond';

export type Env = { Variables: { user: { id: string; roles: string[] } } };

export const requireAuth = createMiddleware<Env>(async (c, next) => {
  const token = c.req.header('Authorization')?.replace(/^Bearer /, '');
  // Look-alike [missing-required-header]: unauthorized() sets WWW-Authenticate itself.
  if (!token) return unauthorized(c);
  const user = await findSession(token);
  if (!user) throw new HTTPException(401, { message: 'Session expired' });
  c.set('user', user);
  await next();
});

export const requireRole = (role: string) =>
  createMiddleware<Env>(async (c, next) => {
    // Problem [auth-status-mismatch]: the caller is signed in (requireAuth ran first) but lacks the role: 403, not 401.
    if (!c.get('user').roles.includes(role)) return problem(c, 401, `Requires the ${role} role`);
    await next();
  });
