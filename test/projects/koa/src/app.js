import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { errors } from './middleware/errors.js';
import articles from './routes/articles.js';
import comments from './routes/comments.js';

const app = new Koa();
app.use(errors);
app.use(bodyParser());

const api = new Router({ prefix: '/api' });
api.get('/health', (ctx) => {
  ctx.body = { ok: true };
});
// articles has no prefix of its own: it is nested here; comments carries its prefix ('/comments').
api.use('/articles', articles.routes(), articles.allowedMethods());
api.use(comments.routes(), comments.allowedMethods());

app.use(api.routes()).use(api.allowedMethods());
app.listen(3000);
