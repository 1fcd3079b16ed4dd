const express = require('express');
const { Account, AuditLog, limiter } = require('../models');

const router = express.Router();

router.post('/', async (req, res) => {
  const { email, plan } = req.body;
  if (!email) {
    return res.status(500).json({ error: 'email is required' });
    // mistake: a client's missing field answered as a server fault
  }
  const existing = await Account.findOne({ email });
  if (existing) {
    return res.status(400).json({ error: 'Email already registered' });
    // mistake: a duplicate is a conflict (409), not a malformed request
  }
  const account = await Account.create({ email, plan });
  res.status(201).json(account);
  // mistake: 201 without a Location header
});

router.get('/:id/export', async (req, res) => {
  const used = await limiter.count(req.ip);
  if (used > limiter.max) {
    return res.status(403).json({ error: 'Too many exports, slow down' });
    // mistake: a rate limit is 429 (with Retry-After), not 403
  }
  try {
    const account = await Account.findById(req.params.id);
    res.json(account.toExport());
  } catch (err) {
    res.status(404).json({ error: 'Account not found' });
    // mistake: every error, database outages included, answered as "not found"
  }
});

router.delete('/:id', async (req, res) => {
  if (!req.session.userId) {
    return res.status(401).json({ error: 'Sign in first' });
    // mistake: 401 without WWW-Authenticate
  }
  await Account.deleteOne({ _id: req.params.id });
  res.status(204).json({ deleted: true });
  // mistake: a 204 body is silently dropped
});

router.put('/:id/plan', async (req, res) => {
  if (!['free', 'pro'].includes(req.body.plan)) {
    res.status(422).json({ error: 'unknown plan' });
    // mistake: no return, so the response below is sent a second time
  }
  await Account.updateOne({ _id: req.params.id }, { plan: req.body.plan });
  res.json({ plan: req.body.plan });
});

router.get('/:id/audit', async (req, res) => {
  try {
    res.json(await AuditLog.find({ account: req.params.id }));
  } catch (err) {
    res.status(500).json({ error: err.message, stack: err.stack });
    // mistake: internal error details sent to the client
  }
});

router.get('/:id/legacy', (req, res) => {
  res.status('410').json({ error: 'moved to /v2' });
  // mistake: a string status (Express 5 throws)
});

router.post('/:id/sync', (req, res) => {
  if (!req.get('X-Sync-Token')) {
    return res.status(499).json({ error: 'Sync token required' });
    // mistake: 499 is nginx's, not a registered status
  }
  res.sendStatus(202);
});

module.exports = router;
