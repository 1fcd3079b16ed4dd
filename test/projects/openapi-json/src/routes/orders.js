const express = require('express');
const store = require('../store');
const { NotFoundError, UnprocessableError } = require('../lib/errors');

const router = express.Router();

router.get('/', (req, res, next) => {
  store.list().then((orders) => res.json(orders), next);
});

router.get('/:orderId', (req, res, next) => {
  store.find(req.params.orderId).then((order) => {
    if (!order) return next(new NotFoundError('No such order'));
    res.json(order);
  }, next);
});

router.post('/', (req, res, next) => {
  const { sku, quantity } = req.body;
  if (typeof sku !== 'string' || !Number.isInteger(quantity)) return res.status(400).json({ error: 'sku and quantity are required' });
  store.stockOf(sku).then((stock) => {
    if (stock < quantity) return next(new UnprocessableError('Not enough stock'));
    return store.place(sku, quantity).then((order) => res.status(201).location(`/v2/orders/${order.id}`).json(order));
  }).catch(next);
});

router.delete('/:orderId', (req, res, next) => {
  store.find(req.params.orderId).then((order) => {
    if (!order) return next(new NotFoundError('No such order'));
    // Problem [undocumented-status]: DELETE /orders/{orderId} does not document 409.
    if (order.shippedAt) return res.status(409).json({ error: 'Shipped orders cannot be cancelled' });
    return store.cancel(order.id).then(() => res.sendStatus(204));
  }).catch(next);
});

module.exports = router;
