import Fastify from 'fastify';
import items from './routes/items.js';

const app = Fastify({ logger: true });
app.register(items, { prefix: '/api/items' });

await app.listen({ port: 3000 });
