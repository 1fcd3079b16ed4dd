import { HttpError } from './errors.js';

const WINDOW_MS = 60_000;
const hits = new Map<string, { count: number; resetAt: number }>();

// At most five exports a minute per user.
export function assertExportQuota(userId: string) {
  const now = Date.now();
  const entry = hits.get(userId);
  if (!entry || entry.resetAt < now) {
    hits.set(userId, { count: 1, resetAt: now + WINDOW_MS });
    return;
  }
  entry.count += 1;
  if (entry.count > 5) throw new HttpError('Export quota exceeded, try again later', 429);
}
