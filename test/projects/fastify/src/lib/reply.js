// Reply helpers shared by the routes and hooks; fail() takes the status from its caller.
export function fail(reply, status, message) {
  return reply.code(status).send({ statusCode: status, error: message });
}

// Sends the challenge header RFC 9110 requires on every 401.
export function unauthorized(reply, message = 'Sign in first') {
  return reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: message });
}
