import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  const dbUp = await db.ping().catch(() => false);
  if (!dbUp) {
    return Response.json({ database: 'down' }, { status: 503 });
    // mistake: a 503 without Retry-After: load balancers and clients retry at once, or never
  }
  return Response.json({ database: 'up' });
}

export async function HEAD() {
  return new Response(null, { status: 200 });
}
