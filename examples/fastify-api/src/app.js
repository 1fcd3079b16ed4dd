'use strict';

const Fastify = require('fastify');

const app = Fastify({ logger: true, bodyLimit: 1_048_576 });

app.register(require('./routes/orders'), { prefix: '/api' });
app.register(require('./routes/auth'), { prefix: '/api' });

app.get('/healthz', async () => ({ status: 'ok' }));

app.get('/readyz', async (request, reply) => {
  const dbOk = await app.db.ping().then(() => true, () => false);
  if (!dbOk) {
    return reply.code(503).header('Retry-After', '10').send({ status: 'starting' });
  }
  return { status: 'ready' };
});

app.setErrorHandler(function (error, request, reply) {
  request.log.error(error);
  if (error.validation) {
    return reply.code(400).send({ error: 'Invalid request', details: error.validation });
  }
  reply.code(error.statusCode ?? 500).send({ error: 'Internal Server Error' });
});

app.listen({ port: 3000 });
