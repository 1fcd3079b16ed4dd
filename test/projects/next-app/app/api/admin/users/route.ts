import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

// Reached only through middleware.ts, which checks the session and the admin role.
export async function GET() {
  return NextResponse.json(await db.user.findMany({ select: { id: true, email: true, roles: true } }));
}
