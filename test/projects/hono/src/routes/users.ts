import { Hono } from 'hono';
import { sql } from '../db';
import { NotFoundError } from '../lib/errors';
import { problem } from '../lib/respond';
import { requireAuth, type Env } from '../middleware/auth';

export const users = new Hono<Env>();

users.get('/me', requireAuth, (c) => c.json(c.get('user')));

users.get('/:id', async (c) => {
  const [user] = await sql`select id, name from users where id = ${c.req.param('id')}`;
  if (!user) throw new NotFoundError('User not found');
  return c.json(user);
});

users.post('/', async (c) => {
  const body = await c.req.json();
  if (typeof body.email !== 'string') return problem(c, 400, 'email is required');
  const [user] = await sql`insert into users (email, name) values (${body.email}, ${body.name ?? null}) returning *`;
  c.header('Location', `/api/users/${user.id}`);
  return c.json(user, 201);
});
