const jwt = require('jsonwebtoken');
const { unauthorized, forbidden } = require('../lib/respond');

function requireAuth(req, res, next) {
  const header = req.get('authorization') || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  // Look-alike [missing-required-header]: unauthorized() sets WWW-Authenticate itself.
  if (!token) return unauthorized(res);
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return unauthorized(res, 'Invalid or expired token');
  }
  next();
}

function requireRole(role) {
  return (req, res, next) => {
    // Problem [auth-status-mismatch]: the caller is signed in but lacks the role; a 401 sends them to sign in again.
    if (!req.user.roles.includes(role)) return unauthorized(res, `Requires role ${role}`);
    next();
  };
}

function requireSelfOrAdmin(req, res, next) {
  const allowed = req.user.id === req.params.id || req.user.roles.includes('admin');
  // Look-alike [auth-status-mismatch]: a signed-in caller who may not act here gets 403 through forbidden().
  if (!allowed) return forbidden(res, 'You can only change your own account');
  next();
}

module.exports = { requireAuth, requireRole, requireSelfOrAdmin };
