const express = require('express');
const db = require('../db');
const { requireAuth, requireRole } = require('../middleware/auth');
const { NotFoundError } = require('../lib/errors');

const router = express.Router();
router.use(requireAuth, requireRole('admin'));

router.get('/stats', async (req, res, next) => {
  try {
    const { rows } = await db.query('select count(*)::int as users from users');
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.delete('/users/:id', async (req, res, next) => {
  try {
    const result = await db.query('delete from users where id = $1', [req.params.id]);
    if (result.rowCount === 0) return next(new NotFoundError('User not found'));
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
