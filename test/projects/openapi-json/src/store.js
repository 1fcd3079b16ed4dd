// A stand-in store: what matters here is which statuses the routes answer.
const orders = new Map();
const stock = new Map([['sku-1', 10]]);

module.exports = {
  list: async () => [...orders.values()],
  find: async (id) => orders.get(id),
  stockOf: async (sku) => stock.get(sku) ?? 0,
  place: async (sku, quantity) => {
    const order = { id: String(orders.size + 1), sku, quantity, shippedAt: null };
    orders.set(order.id, order);
    return order;
  },
  cancel: async (id) => orders.delete(id),
};
