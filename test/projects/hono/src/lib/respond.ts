import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// A problem body; the caller picks the status.
export function problem(c: Context, status: ContentfulStatusCode, title: string) {
  return c.json({ title, status }, status);
}

// Sends the challenge header RFC 9110 requires on every 401.
export function unauthorized(c: Context, title = 'Sign in first') {
  c.header('WWW-Authenticate', 'Bearer realm="api"');
  return c.json({ title, status: 401 }, 401);
}
