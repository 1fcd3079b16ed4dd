import postgres from 'postgres';

export const sql = postgres(process.env.DATABASE_URL);

export async function findSession(token) {
  const [session] = await sql`select user_id, is_admin from sessions where token = ${token} and expires_at > now()`;
  return session && { id: session.user_id, isAdmin: session.is_admin };
}

// Asks the rendering service for a PDF; its failures are server faults.
export async function renderPdf(invoiceId) {
  const response = await fetch(`${process.env.RENDERER_URL}/invoices/${invoiceId}.pdf`);
  if (!response.ok) throw new Error(`renderer answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
