// A stand-in store: what matters here is which statuses the routes answer.
const items = new Map();

export const all = async () => [...items.values()];
export const get = async (id) => items.get(id);
export const byName = async (name) => [...items.values()].find((item) => item.name === name);
export const remove = async (id) => items.delete(id);
export async function add({ name, price }) {
  const item = { id: items.size + 1, name, price };
  items.set(item.id, item);
  return item;
}
