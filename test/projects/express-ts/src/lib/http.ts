import type { Response } from 'express';

// One shape for every error body a route sends itself; the caller picks the status.
export function sendError(res: Response, status: number, message: string) {
  return res.status(status).json({ error: { status, message } });
}

export function created(res: Response, location: string, body: unknown) {
  return res.status(201).location(location).json(body);
}
