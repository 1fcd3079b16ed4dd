import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { ErrorSchema, IdParams, NewUserSchema, UserSchema } from '../schemas';
import { createUser, findUser, listUsers } from '../store';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

export const users = new OpenAPIHono();

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  responses: { 200: json(z.array(UserSchema), 'All users') },
});

users.openapi(listRoute, async (c) => {
  return c.json(await listUsers(), 200);
});

const getRoute = createRoute({
  method: 'get',
  path: '/users/{id}',
  request: { params: IdParams },
  responses: {
    200: json(UserSchema, 'The user'),
    400: json(ErrorSchema, 'The id is malformed'),
    404: json(ErrorSchema, 'No user has this id'),
  },
});

users.openapi(getRoute, async (c) => {
  const user = await findUser(c.req.valid('param').id);
  if (!user) return c.json({ error: 'No user has this id' }, 404);
  // Problem [undocumented-status]: getRoute documents no 410.
  if (user.deletedAt) throw new HTTPException(410, { message: 'This user was deleted' });
  return c.json(user, 200);
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  request: { body: { content: { 'application/json': { schema: NewUserSchema } } } },
  responses: {
    201: json(UserSchema, 'The new user'),
    400: json(ErrorSchema, 'The body failed validation'),
    // Problem [documented-status-never-returned]: the handler never answers 409.
    409: json(ErrorSchema, 'The email is taken'),
    default: json(ErrorSchema, 'Any other error'),
  },
});

users.openapi(createUserRoute, async (c) => {
  const body = c.req.valid('json');
  // Look-alike [undocumented-status]: createUserRoute's `default` response covers 422.
  if (body.email.endsWith('@example.com')) throw new HTTPException(422, { message: 'This email domain is not allowed' });
  const user = await createUser(body);
  c.header('Location', `/api/users/${user.id}`);
  return c.json(user, 201);
});
