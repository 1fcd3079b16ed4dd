const express = require('express');
const db = require('../db');
const { requireAuth, requireSelfOrAdmin } = require('../middleware/auth');
const { notFound, badRequest } = require('../lib/respond');
const { AppError, UnauthorizedError } = require('../lib/errors');

const router = express.Router();

router.get('/', async (req, res, next) => {
  try {
    const { rows } = await db.query('select id, name from users order by id limit 50');
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/me', requireAuth, async (req, res, next) => {
  try {
    const { rows } = await db.query('select revoked from sessions where id = $1', [req.user.sid]);
    if (rows[0]?.revoked) return next(new UnauthorizedError('Session revoked'));
    res.json(req.user);
  } catch (err) {
    next(err);
  }
});

router.get('/:id', requireAuth, async (req, res, next) => {
  try {
    const { rows } = await db.query('select id, name, email from users where id = $1', [req.params.id]);
    if (!rows[0]) return notFound(res, 'User not found');
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

// Streams the avatar from the image service with whatever status it answered.
router.get('/:id/avatar', async (req, res, next) => {
  try {
    const upstream = await fetch(`${process.env.AVATARS_URL}/${encodeURIComponent(req.params.id)}.png`);
    res.status(upstream.status).type('png').send(Buffer.from(await upstream.arrayBuffer()));
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  const { email, name } = req.body;
  if (!email) return badRequest(res, 'email is required');
  try {
    const existing = await db.query('select 1 from users where email = $1', [email]);
    if (existing.rowCount > 0) return next(new AppError('Email already registered', 409));
    const { rows } = await db.query('insert into users (email, name) values ($1, $2) returning *', [email, name]);
    res.status(201).location(`/api/users/${rows[0].id}`).json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.patch('/:id', requireAuth, requireSelfOrAdmin, async (req, res, next) => {
  if (!req.body.name) return badRequest(res, 'Nothing to update');
  try {
    const { rows } = await db.query('update users set name = $2 where id = $1 returning *', [req.params.id, req.body.name]);
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
