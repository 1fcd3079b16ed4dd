import { PrismaClient } from '@prisma/client';

export const db = new PrismaClient();

// The accounting ledger; its failures are server faults.
export async function postToLedger(invoiceId: string) {
  const response = await fetch(`${process.env.LEDGER_URL}/entries`, { method: 'POST', body: JSON.stringify({ invoiceId }) });
  if (!response.ok) throw new Error(`ledger answered ${response.status}`);
}
