import { ErrorBody, IdParams, Item, ItemList, NewItem } from '../schemas.js';
import * as store from '../store.js';

export default async function items(app) {
  app.get('/', { schema: { response: { '2xx': ItemList } } }, async () => {
    return store.all();
  });

  app.get('/:id', {
    schema: {
      // Look-alike [undocumented-status]: the 400 of params validation is covered by '4xx'.
      params: IdParams,
      response: { 200: Item, 404: ErrorBody, '4xx': ErrorBody },
    },
  }, async (request, reply) => {
    const item = await store.get(request.params.id);
    if (!item) return reply.code(404).send({ error: 'No such item' });
    return item;
  });

  app.post('/', {
    schema: {
      body: NewItem,
      response: {
        201: Item,
        400: ErrorBody,
        // Problem [documented-status-never-returned]: the route never answers 422 (schema failures are 400).
        422: ErrorBody,
      },
    },
  }, async (request, reply) => {
    // Problem [undocumented-status]: the response schema has no 409.
    if (await store.byName(request.body.name)) return reply.code(409).send({ error: 'An item with this name exists' });
    const item = await store.add(request.body);
    return reply.code(201).header('location', `/api/items/${item.id}`).send(item);
  });

  app.delete('/:id', { schema: { params: IdParams, response: { 204: { type: 'null' }, default: ErrorBody } } }, async (request, reply) => {
    // Look-alike [undocumented-status]: the `default` response covers this 404.
    if (!(await store.remove(request.params.id))) return reply.code(404).send({ error: 'No such item' });
    return reply.code(204).send();
  });
}
