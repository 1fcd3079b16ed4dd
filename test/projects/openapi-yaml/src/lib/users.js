// A stand-in store: what matters here is which statuses the routes answer.
const users = new Map();

export const listUsers = async () => [...users.values()].reverse();
export const findUser = async (id) => users.get(id);
export const findByEmail = async (email) => [...users.values()].find((u) => u.email === email);
export const removeUser = async (id) => users.delete(id);

export async function createUser({ email, name }) {
  const user = { id: String(users.size + 1), email, name };
  users.set(user.id, user);
  return user;
}
