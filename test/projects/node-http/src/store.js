import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

const users = new Map();
const sessions = new Map();

export const listUsers = async () => [...users.values()];
export const getUser = async (id) => users.get(id);
export const deleteUser = async (id) => users.delete(id);
export const findSession = async (token) => sessions.get(token);

export async function createUser({ email, name }) {
  const user = { id: randomUUID(), email, name };
  users.set(user.id, user);
  return user;
}

export async function saveUpload(userId, stream) {
  const key = `${userId}/${randomUUID()}`;
  await pipeline(stream, createWriteStream(`/var/uploads/${key.replace('/', '_')}`));
  return key;
}
