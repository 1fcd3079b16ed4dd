import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  const dbUp = await db.ping().catch(() => false);
  if (!dbUp) {
    // A probe's 503: the load balancer polls on its own schedule, so no Retry-After is needed.
    return Response.json({ database: 'down' }, { status: 503 });
  }
  return Response.json({ database: 'up' });
}

export async function HEAD() {
  return new Response(null, { status: 200 });
}
