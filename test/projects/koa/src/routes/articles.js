import Router from '@koa/router';
import { getArticleBySlug, sql } from '../db.js';
import { authenticate, requireRole } from '../middleware/auth.js';
import { forbidden, notFound } from '../lib/http.js';
import { ConflictError } from '../lib/errors.js';

// Mounted at /api/articles in app.js.
const articles = new Router();

articles.get('/', async (ctx) => {
  ctx.body = await sql('articles').modify((q) => ctx.query.tag && q.where({ tag: ctx.query.tag }));
});

articles.get('/:slug', async (ctx) => {
  try {
    ctx.body = await getArticleBySlug(ctx.params.slug);
  } catch (err) {
    // Problem [client-error-for-server-fault]: every error, a database outage included, is answered 404.
    notFound(ctx, 'Article not found');
  }
});

articles.post('/', authenticate, requireRole('editor'), async (ctx) => {
  const { title, body } = ctx.request.body;
  ctx.assert(title && body, 400, 'title and body are required');
  if (await sql('articles').where({ title }).first()) throw new ConflictError('An article with this title exists');
  const [article] = await sql('articles').insert({ title, body, author_id: ctx.state.user.id }).returning('*');
  ctx.status = 201;
  ctx.set('Location', `/api/articles/${article.slug}`);
  ctx.body = article;
});

articles.put('/:slug', authenticate, async (ctx) => {
  const article = await sql('articles').where({ slug: ctx.params.slug }).first();
  if (!article) return notFound(ctx, 'No such article');
  // Look-alike [auth-status-mismatch]: a signed-in user who is not the author gets 403 through forbidden().
  if (article.author_id !== ctx.state.user.id) return forbidden(ctx, 'Only the author can edit this article');
  ctx.body = await sql('articles').where({ id: article.id }).update(ctx.request.body).returning('*');
});

export default articles;
