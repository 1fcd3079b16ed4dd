export function badRequest(res, message) {
  return res.status(400).json({ error: message });
}

export function notFound(res, message = 'Not found') {
  return res.status(404).json({ error: message });
}

export function forbidden(res, message = 'Forbidden') {
  // Look-alike [undocumented-status]: DELETE /users/{id} covers this 403 with 4XX.
  return res.status(403).json({ error: message });
}

// Sends the challenge header RFC 9110 requires on every 401.
export function unauthorized(res) {
  return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });
}
