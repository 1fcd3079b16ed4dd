import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ServiceError } from './errors';

export const handleError: ErrorHandler = (err, c) => {
  // Problem [missing-required-header]: an HTTPException(401) becomes a response with no WWW-Authenticate.
  // Problem [missing-retry-after]: an HTTPException(429) becomes a response with no Retry-After.
  if (err instanceof HTTPException) return err.getResponse();
  // Look-alike [leaked-error-details]: only ServiceError reaches this line, and its messages are the project's own.
  if (err instanceof ServiceError) return c.json({ error: err.message }, err.status);
  console.error(err);
  // Problem [server-error-for-client-error]: anything else is a 500, the SyntaxError c.req.json() throws on a malformed body included.
  return c.json({ error: 'Internal Server Error' }, 500);
};
