import { Router } from 'express';
import { ProblemError, TooManyRequests, requireScope, sendProblem } from '@acme/http-errors';
import { db, postToLedger } from '../db.js';

export const invoices = Router();

invoices.get('/:id', async (req, res) => {
  const invoice = await db.invoice.findUnique({ where: { id: req.params.id } });
  // Problem [server-error-for-not-found]: ProblemError's default status is 500, so a missing invoice is answered 500.
  if (!invoice) throw new ProblemError('Invoice not found');
  res.json(invoice);
});

invoices.post('/:id/send', requireScope('invoices:send'), async (req, res) => {
  const since = new Date(Date.now() - 24 * 3600 * 1000);
  const sent = await db.invoice.count({ where: { ownerId: res.locals.auth.sub, sentAt: { gte: since } } });
  if (sent >= 50) throw new TooManyRequests('Daily sending limit reached');
  try {
    await postToLedger(req.params.id);
  } catch (err) {
    console.error(err);
    // Look-alike [server-error-for-client-error]: the ledger failed: a server fault, 500 is right.
    return sendProblem(res, 500, 'Internal Server Error', 'The ledger could not be reached');
  }
  res.status(202).json({ queued: true });
});
