import { findSession } from '../services.js';
import { fail, unauthorized } from '../lib/reply.js';

export async function authenticate(request, reply) {
  const token = request.headers.authorization?.replace(/^Bearer /, '');
  // Look-alike [missing-required-header]: unauthorized() sets WWW-Authenticate itself.
  if (!token) return unauthorized(reply);
  request.user = await findSession(token);
  if (!request.user) return unauthorized(reply, 'Session expired');
}

export async function requireAdmin(request, reply) {
  // Problem [auth-status-mismatch]: the caller is signed in (authenticate ran first) but is not an admin: 403, not 401.
  if (!request.user.isAdmin) return fail(reply, 401, 'Admins only');
}
