const express = require('express');
const db = require('../db');
const payments = require('../payments');
const { serverError } = require('../lib/respond');
const { AppError, TooManyRequestsError } = require('../lib/errors');

// Mounted behind requireAuth in app.js.
const router = express.Router();

router.get('/:id', async (req, res, next) => {
  try {
    const { rows } = await db.query('select * from orders where id = $1 and user_id = $2', [req.params.id, req.user.id]);
    // Problem [server-error-for-not-found]: a missing order is answered 500 through serverError().
    if (!rows[0]) return serverError(res, 'Order not found');
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  const quantity = Number(req.body.quantity);
  // Problem [server-error-for-client-error]: AppError's default status is 500, so bad input is answered 500.
  if (!Number.isInteger(quantity) || quantity < 1) return next(new AppError('quantity must be a positive integer'));
  try {
    const open = await db.query('select count(*)::int as n from orders where user_id = $1 and state = $2', [req.user.id, 'open']);
    if (open.rows[0].n >= 10) return next(new TooManyRequestsError('Too many open orders'));
    let charge;
    try {
      charge = await payments.charge(req.user.id, quantity);
    } catch (err) {
      console.error(err);
      // Look-alike [server-error-for-client-error]: the payment provider failed; a 500 is right here.
      return serverError(res, 'Payment could not be processed');
    }
    const { rows } = await db.query('insert into orders (user_id, quantity, charge_id) values ($1, $2, $3) returning *', [req.user.id, quantity, charge.id]);
    res.status(201).location(`/api/orders/${rows[0].id}`).json(rows[0]);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
