import { Router } from 'express';
import { badRequest, forbidden, notFound, unauthorized } from '../lib/respond.js';
import { createUser, findByEmail, findUser, listUsers, removeUser } from '../lib/users.js';

export const users = Router();

users.get('/', async (req, res) => {
  res.json(await listUsers());
});

users.get('/:id', async (req, res) => {
  const user = await findUser(req.params.id);
  if (!user) return notFound(res, 'No user has this id');
  res.json(user);
});

users.post('/', async (req, res) => {
  if (typeof req.body?.email !== 'string') return badRequest(res, 'email is required');
  // Problem [undocumented-status]: POST /users does not document 409.
  if (await findByEmail(req.body.email)) return res.status(409).json({ error: 'Email already registered' });
  const user = await createUser(req.body);
  res.status(201).location(`/api/users/${user.id}`).json(user);
});

users.delete('/:id', async (req, res) => {
  if (!req.get('authorization')) return unauthorized(res);
  if (req.get('x-role') !== 'admin') return forbidden(res, 'Admins only');
  if (!(await removeUser(req.params.id))) return notFound(res, 'No user has this id');
  res.sendStatus(204);
});
