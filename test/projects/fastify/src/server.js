import Fastify from 'fastify';
import { errorHandler } from './errorHandler.js';
import api from './routes/index.js';

const app = Fastify({ logger: true });
app.decorateRequest('user', null);
app.setErrorHandler(errorHandler);

app.get('/health', async () => {
  return { ok: true };
});

app.register(api, { prefix: '/api' });

await app.listen({ port: Number(process.env.PORT ?? 3000) });
