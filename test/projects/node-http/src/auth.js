import { sendJson, unauthorized } from './lib/respond.js';
import { findSession } from './store.js';

// Answers 401 itself and returns null when the request is not signed in.
export async function authenticate(req, res) {
  const token = req.headers.authorization?.replace(/^Bearer /, '');
  if (!token) {
    // Look-alike [missing-required-header]: unauthorized() sets WWW-Authenticate itself.
    unauthorized(res);
    return null;
  }
  const user = await findSession(token);
  if (!user) {
    // Problem [missing-required-header]: sendJson() sets no WWW-Authenticate on this 401.
    sendJson(res, 401, { error: 'Session expired' });
    return null;
  }
  return user;
}

export function requireAdmin(user, res) {
  if (user.roles.includes('admin')) return true;
  // Problem [auth-status-mismatch]: the user is signed in but is not an admin: 403, not 401.
  unauthorized(res, 'Admins only');
  return false;
}
