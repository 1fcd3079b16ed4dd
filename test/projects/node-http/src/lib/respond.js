// Response helpers: sendJson() takes the status from its caller.
export function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function notFound(res, message = 'Not found') {
  sendJson(res, 404, { error: message });
}

export function forbidden(res, message = 'Forbidden') {
  sendJson(res, 403, { error: message });
}

// Sends the challenge header RFC 9110 requires on every 401.
export function unauthorized(res, message = 'Sign in first') {
  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
  sendJson(res, 401, { error: message });
}
