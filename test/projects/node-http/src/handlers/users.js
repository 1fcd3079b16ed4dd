import { readJson } from '../lib/body.js';
import { notFound, sendJson } from '../lib/respond.js';
import * as store from '../store.js';

export async function listUsers(req, res) {
  sendJson(res, 200, await store.listUsers());
}

export async function getUser(req, res, id) {
  const user = await store.getUser(id);
  // Problem [server-error-for-not-found]: a missing user is answered 500 through sendJson().
  if (!user) return sendJson(res, 500, { error: 'User not found' });
  sendJson(res, 200, user);
}

export async function createUser(req, res) {
  const body = await readJson(req);
  if (typeof body.email !== 'string') return sendJson(res, 400, { error: 'email is required' });
  const user = await store.createUser(body);
  res.setHeader('Location', `/api/user?id=${user.id}`);
  sendJson(res, 201, user);
}

export async function deleteUser(req, res, id) {
  if (!(await store.deleteUser(id))) return notFound(res, 'User not found');
  res.writeHead(204).end();
}
