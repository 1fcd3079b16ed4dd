import type { ErrorRequestHandler } from 'express';
import { HttpError, ValidationError } from '@/errors';

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof ValidationError) {
    res.status(err.status).json({ error: err.message, issues: err.issues });
    return;
  }
  if (err instanceof HttpError) {
    // Problem [missing-required-header]: a thrown 401 gets no WWW-Authenticate here.
    // Problem [missing-retry-after]: a thrown 429 gets no Retry-After here.
    // Look-alike [leaked-error-details]: only HttpError reaches this line, and its messages are written by the project.
    res.status(err.status).json({ error: err.message });
    return;
  }
  console.error(err);
  // Problem [server-error-for-client-error]: every other error is answered 500 without looking at err.status,
  // so express.json()'s 400 (malformed JSON) and 413 (body too large) become 500.
  res.status(500).json({ error: 'Internal Server Error' });
};
