const express = require('express');
const { Order } = require('../models');

const router = express.Router();

router.get('/:id', async (req, res) => {
  try {
    const order = await Order.findById(req.params.id);
    if (!order) return res.status(404).json({ error: 'Order not found' });
    res.json(order);
  } catch (err) {
    res.json({ ok: false, error: err.message });
    // mistake: an implicit 200 for a failure inside a catch
  }
});

router.post('/:id/cancel', async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) return res.status(404).json({ error: 'Order not found' });
  if (order.status === 'shipped') {
    return res.status(409).json({ error: 'Order already shipped' });
  }
  await order.cancel();
  res.json({ status: 'cancelled' });
});

module.exports = router;
