import { renderPdf, sql } from '../services.js';
import { authenticate } from '../hooks/auth.js';
import { DomainError } from '../lib/errors.js';
import { fail } from '../lib/reply.js';

export default async function invoices(app) {
  app.addHook('onRequest', authenticate);

  app.get('/', {
    schema: {
      querystring: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
    },
  }, async (request) => {
    const { from, to } = request.query;
    // Problem [server-error-for-client-error]: INVALID_RANGE is not in STATUS_BY_CODE, so this bad input is answered 500.
    if (from && to && from > to) throw new DomainError('INVALID_RANGE', '"from" must be before "to"');
    return sql`select * from invoices where user_id = ${request.user.id}`;
  });

  app.get('/:id', async (request, reply) => {
    const [invoice] = await sql`select * from invoices where id = ${request.params.id} and user_id = ${request.user.id}`;
    // Problem [server-error-for-not-found]: a missing invoice is answered 500 through fail().
    if (!invoice) return fail(reply, 500, 'Invoice not found');
    return invoice;
  });

  app.post('/:id/pdf', async (request, reply) => {
    const [{ count }] = await sql`select count(*)::int from renders where user_id = ${request.user.id} and at > now() - interval '1 minute'`;
    if (count >= 3) throw new DomainError('RATE_LIMITED', 'Too many renders, wait a minute');
    try {
      const pdf = await renderPdf(request.params.id);
      return reply.type('application/pdf').send(pdf);
    } catch (err) {
      request.log.error(err);
      // Look-alike [server-error-for-not-found]: the PDF renderer failed: a server fault, 500 is right.
      return fail(reply, 500, 'Could not render the invoice PDF');
    }
  });
}
