// A stand-in store: what matters here is which statuses the routes answer.
type User = { id: string; email: string; name: string; deletedAt?: Date };
const users = new Map<string, User>();

export const listUsers = async () => [...users.values()].filter((u) => !u.deletedAt);
export const findUser = async (id: string) => users.get(id);
export async function createUser(data: { email: string; name: string }) {
  const user = { id: crypto.randomUUID(), ...data };
  users.set(user.id, user);
  return user;
}
