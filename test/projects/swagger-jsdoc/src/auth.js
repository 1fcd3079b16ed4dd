// Librarians only; sends the challenge header RFC 9110 requires on every 401.
export function requireLibrarian(req, res, next) {
  if (req.get('x-api-key') !== process.env.LIBRARIAN_KEY) {
    return res.status(401).set('WWW-Authenticate', 'ApiKey').json({ error: 'Librarians only' });
  }
  next();
}
