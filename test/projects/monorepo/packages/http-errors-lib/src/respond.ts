import type { Response } from 'express';

// The one way a service writes an error body; the caller picks the status.
export function sendProblem(res: Response, status: number, title: string, detail?: string) {
  return res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail });
}
