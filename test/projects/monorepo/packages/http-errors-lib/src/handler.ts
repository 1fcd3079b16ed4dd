import type { ErrorRequestHandler } from 'express';
import { ProblemError } from './errors.js';
import { sendProblem } from './respond.js';

export function problemHandler(): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    // Look-alike [server-error-for-client-error]: the error's own status is kept (express.json()'s 400/413 included).
    const status: number = err instanceof ProblemError ? err.status : err.status ?? err.statusCode ?? 500;
    if (status >= 500) console.error(err);
    const title = err instanceof ProblemError ? err.message : status >= 500 ? 'Internal Server Error' : 'Bad Request';
    // Look-alike [leaked-error-details]: the title is err.message only for ProblemError, whose messages are the project's own.
    // Problem [missing-retry-after]: a thrown 429 (TooManyRequests) gets no Retry-After here.
    sendProblem(res, status, title, err instanceof ProblemError ? err.detail : undefined);
  };
}
