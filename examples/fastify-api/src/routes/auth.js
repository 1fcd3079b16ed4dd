'use strict';

/** @param {import('fastify').FastifyInstance} fastify */
module.exports = async function authRoutes(fastify) {
  fastify.post('/sessions', async (request, reply) => {
    const { email, password } = request.body ?? {};
    if (!email || !password) {
      return reply.code(400).send({ error: 'email and password are required' });
    }
    const user = await fastify.users.verify(email, password);
    if (!user) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send({ error: 'Invalid credentials' });
    }
    const token = await reply.jwtSign({ sub: user.id });
    reply.code(201).header('Location', '/api/sessions/current');
    return { token };
  });

  fastify.get('/sessions/current', async (request, reply) => {
    const token = request.headers.authorization;
    if (!token) {
      return reply.code(403).send({ error: 'Not signed in' });
      // mistake: no credentials is 401 (with WWW-Authenticate); 403 tells the client signing in won't help
    }
    return { user: request.user };
  });

  fastify.delete('/sessions/current', async (request, reply) => {
    await fastify.sessions.revoke(request.user.sid);
    return reply.redirect('/login', 301);
    // mistake: a permanent redirect from a DELETE; browsers turn it into a GET and caches keep it
  });
};
