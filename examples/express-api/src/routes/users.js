const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) {
    return res.status(200).json({ success: false, error: 'User not found' });
    // mistake: a 200 that says it failed; clients and monitors count it as a success
  }
  res.json(user);
});

router.get('/', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  const users = await User.find().skip((page - 1) * 20).limit(20);
  res.json({ users, page });
});

router.post('/', async (req, res) => {
  const { email, name } = req.body;
  if (!email) {
    return res.status(400).json({ error: 'email is required' });
  }
  const user = await User.create({ email, name });
  res.status(201).location(`/users/${user.id}`).json(user);
});

router.delete('/:id', async (req, res) => {
  const deleted = await User.deleteOne({ _id: req.params.id });
  if (deleted.deletedCount === 0) {
    return res.sendStatus(404);
  }
  res.sendStatus(204);
});

module.exports = router;
