import postgres from 'postgres';

export const sql = postgres(process.env.DATABASE_URL!);

export async function findSession(token: string) {
  const [session] = await sql`select user_id as id, roles from sessions where token = ${token} and expires_at > now()`;
  return session as { id: string; roles: string[] } | undefined;
}

export async function sendInvite(email: string, teamId: string) {
  const response = await fetch(`${process.env.MAILER_URL}/invites`, { method: 'POST', body: JSON.stringify({ email, teamId }) });
  if (!response.ok) throw new Error(`mailer answered ${response.status}`);
}
