import { cookies } from 'next/headers';
import { jwtVerify } from 'jose';
import { UnauthorizedError } from './errors';

export type User = { id: string; roles: string[] };

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

export async function requireUser(): Promise<User> {
  const token = (await cookies()).get('session')?.value;
  if (!token) throw new UnauthorizedError();
  try {
    const { payload } = await jwtVerify(token, secret);
    return { id: String(payload.sub), roles: (payload.roles as string[] | undefined) ?? [] };
  } catch {
    throw new UnauthorizedError('Session expired');
  }
}

export function requireRole(user: User, role: string) {
  // Problem [auth-status-mismatch]: the user is signed in but lacks the role; UnauthorizedError answers 401, not 403.
  if (!user.roles.includes(role)) throw new UnauthorizedError(`Requires the ${role} role`);
}
