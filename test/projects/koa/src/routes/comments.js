import Router from '@koa/router';
import { sql } from '../db.js';
import { authenticate, requireRole } from '../middleware/auth.js';
import { ApiError } from '../lib/errors.js';

const comments = new Router({ prefix: '/comments' });
comments.use(authenticate);

comments.get('/:id', async (ctx) => {
  const comment = await sql('comments').where({ id: ctx.params.id }).first();
  // Problem [server-error-for-not-found]: ApiError's default status is 500, so a missing comment is answered 500.
  if (!comment) throw new ApiError('Comment not found');
  ctx.body = comment;
});

comments.post('/', async (ctx) => {
  const { articleSlug, text } = ctx.request.body;
  ctx.assert(typeof text === 'string' && text.length > 0, 422, 'text is required');
  const [{ count }] = await sql('comments').where({ author_id: ctx.state.user.id }).andWhere('created_at', '>', sql.raw("now() - interval '1 minute'")).count();
  if (Number(count) >= 5) ctx.throw(429, 'You are commenting too fast');
  const [comment] = await sql('comments').insert({ article_slug: articleSlug, text, author_id: ctx.state.user.id }).returning('*');
  ctx.status = 201;
  ctx.body = comment;
});

comments.delete('/:id', requireRole('moderator'), async (ctx) => {
  const deleted = await sql('comments').where({ id: ctx.params.id }).del();
  ctx.assert(deleted, 404, 'Comment not found');
  ctx.status = 204;
});

export default comments;
