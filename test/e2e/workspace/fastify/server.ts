import Fastify from 'fastify';

const app = Fastify();
const users = new Map<string, { id: string }>();

app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
  const user = users.get(request.params.id);
  if (!user) {
    return reply.code(404).send({ error: 'user not found' });
  }
  return reply.code(200).send(user);
});

app.post('/login', async (request, reply) => {
  return reply.code(200).send({ success: false, error: 'x' });
});

export default app;
