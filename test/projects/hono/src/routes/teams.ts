import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { sendInvite, sql } from '../db';
import { NotFoundError, ServiceError } from '../lib/errors';
import { problem } from '../lib/respond';
import { requireAuth, requireRole, type Env } from '../middleware/auth';

export const teams = new Hono<Env>();
teams.use('*', requireAuth);

teams.get('/:id', async (c) => {
  const [team] = await sql`select * from teams where id = ${c.req.param('id')}`;
  // Problem [server-error-for-not-found]: ServiceError's default status is 500, so a missing team is answered 500.
  if (!team) throw new ServiceError('Team not found');
  return c.json(team);
});

teams.post('/:id/invites', async (c) => {
  const [team] = await sql`select id, owner_id from teams where id = ${c.req.param('id')}`;
  if (!team) throw new NotFoundError('Team not found');
  // Look-alike [auth-status-mismatch]: a signed-in user who does not own the team gets 403.
  if (team.owner_id !== c.get('user').id) return problem(c, 403, 'Only the team owner can invite');
  const [{ count }] = await sql`select count(*)::int from invites where team_id = ${team.id} and sent_at > now() - interval '1 day'`;
  if (count >= 20) throw new HTTPException(429, { message: 'Too many invites sent today' });
  const { email } = await c.req.json();
  try {
    await sendInvite(email, team.id);
  } catch (err) {
    console.error(err);
    // Look-alike [server-error-for-client-error]: the mail service failed: a server fault, 500 is right.
    return problem(c, 500, 'Could not send the invitation email');
  }
  return c.json({ invited: email }, 201);
});

teams.delete('/:id', requireRole('admin'), async (c) => {
  await sql`delete from teams where id = ${c.req.param('id')}`;
  return c.body(null, 204);
});
