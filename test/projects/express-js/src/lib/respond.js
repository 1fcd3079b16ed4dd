// Response helpers shared by the routes and the middleware.
function notFound(res, message = 'Not found') {
  return res.status(404).json({ error: message });
}

function badRequest(res, message, details) {
  return res.status(400).json({ error: message, details });
}

// Sends the challenge header RFC 9110 requires on every 401.
function unauthorized(res, message = 'Sign in first') {
  return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: message });
}

function forbidden(res, message = 'Not allowed') {
  return res.status(403).json({ error: message });
}

// For failures of the server or of a service it depends on, never for bad input.
function serverError(res, message = 'Internal Server Error') {
  return res.status(500).json({ error: message });
}

module.exports = { notFound, badRequest, unauthorized, forbidden, serverError };
