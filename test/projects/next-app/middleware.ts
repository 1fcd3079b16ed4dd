import { NextResponse, type NextRequest } from 'next/server';
import { jwtVerify } from 'jose';

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

// Runs before every /api/admin route (see config.matcher).
export async function middleware(request: NextRequest) {
  const token = request.cookies.get('session')?.value;
  // Look-alike [missing-required-header]: this 401 carries WWW-Authenticate.
  if (!token) return NextResponse.json({ error: 'Sign in first' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  try {
    const { payload } = await jwtVerify(token, secret);
    const roles = (payload.roles as string[] | undefined) ?? [];
    // Look-alike [auth-status-mismatch]: a signed-in user without the admin role gets 403.
    if (!roles.includes('admin')) return NextResponse.json({ error: 'Admins only' }, { status: 403 });
  } catch {
    return NextResponse.json({ error: 'Session expired' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
  return NextResponse.next();
}

export const config = { matcher: '/api/admin/:path*' };
