import { sql } from '../services.js';
import { authenticate } from '../hooks/auth.js';
import { DomainError, NotFound } from '../lib/errors.js';

const idParams = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };

export default async function users(app) {
  app.get('/:id', { onRequest: authenticate, schema: { params: idParams } }, async (request) => {
    const [user] = await sql`select id, name from users where id = ${request.params.id}`;
    if (!user) throw new NotFound('User');
    return user;
  });

  app.post('/', {
    schema: {
      body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
    },
  }, async (request, reply) => {
    const [existing] = await sql`select 1 from users where email = ${request.body.email}`;
    if (existing) throw new DomainError('ALREADY_EXISTS', 'Email already registered');
    const [user] = await sql`insert into users (email) values (${request.body.email}) returning *`;
    return reply.code(201).header('location', `/api/users/${user.id}`).send(user);
  });
}
