import { sql } from '../db.js';
import { AuthError } from '../lib/errors.js';

export async function authenticate(ctx, next) {
  const token = ctx.get('Authorization').replace(/^Bearer /, '');
  if (!token) ctx.throw(401, 'Sign in first');
  ctx.state.user = await sql('sessions').where({ token }).first();
  ctx.assert(ctx.state.user, 401, 'Session expired');
  await next();
}

export function requireRole(role) {
  return async (ctx, next) => {
    // Problem [auth-status-mismatch]: AuthError is a 401; a signed-in user without the role should get 403.
    if (!ctx.state.user.roles.includes(role)) throw new AuthError(`Requires the ${role} role`);
    await next();
  };
}
