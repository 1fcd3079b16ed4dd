import { sql } from '../services.js';
import { authenticate, requireAdmin } from '../hooks/auth.js';
import { NotFound } from '../lib/errors.js';

export default async function admin(app) {
  app.addHook('onRequest', authenticate);
  app.addHook('onRequest', requireAdmin);

  app.get('/stats', async () => {
    const [stats] = await sql`select count(*)::int as users from users`;
    return stats;
  });

  app.delete('/users/:id', async (request, reply) => {
    const result = await sql`delete from users where id = ${request.params.id}`;
    if (result.count === 0) throw new NotFound('User');
    return reply.code(204).send();
  });
}
