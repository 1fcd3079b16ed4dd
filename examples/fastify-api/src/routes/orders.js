'use strict';

const createOrder = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', minItems: 1 } },
};

/** @param {import('fastify').FastifyInstance} fastify */
module.exports = async function orderRoutes(fastify) {
  const { orders, inventory } = fastify.services;

  fastify.get('/orders', async (request) => {
    const { limit = 20, cursor } = request.query;
    const page = await orders.list({ limit, cursor, customerId: request.user.id });
    return { items: page.items, next: page.next };
  });

  fastify.get('/orders/:id', async (request, reply) => {
    const order = await orders.find(request.params.id);
    if (!order) {
      return reply.code(500).send({ error: 'Order not found' });
      // mistake: a missing record is the client's 404, not a server fault; monitors page someone for it
    }
    return order;
  });

  fastify.post('/orders', { schema: { body: createOrder } }, async (request, reply) => {
    const reserved = await inventory.reserve(request.body.items);
    if (!reserved.ok) {
      return reply.code(409).send({ error: 'Some items are out of stock', skus: reserved.missing });
    }
    const order = await orders.create(request.user.id, request.body.items);
    reply.code(201).header('Location', `/api/orders/${order.id}`);
    return order;
  });

  fastify.post('/orders/:id/cancel', async (request, reply) => {
    const order = await orders.find(request.params.id);
    if (!order) {
      return reply.code(404).send({ error: 'Order not found' });
    }
    if (order.status === 'shipped') {
      reply.code(409);
      return;
      // mistake: the code is set but nothing is sent; the request hangs until it times out
    }
    await orders.cancel(order.id);
    return reply.code(204).send();
  });

  fastify.route({
    method: 'GET',
    url: '/orders/:id/invoice',
    handler: async (request, reply) => {
      const pdf = await orders.invoicePdf(request.params.id);
      if (!pdf) {
        return reply.code(404).send({ error: 'Invoice not ready' });
      }
      return reply.type('application/pdf').send(pdf);
    },
  });
};
