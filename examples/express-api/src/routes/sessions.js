const express = require('express');
const { Session } = require('../models');

const router = express.Router();

router.post('/', async (req, res) => {
  const { email, password } = req.body;
  const session = await Session.login(email, password);
  if (!session) {
    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'invalid credentials' });
  }
  res.status(201).set('Location', `/sessions/${session.id}`).json({ token: session.token });
});

router.delete('/current', async (req, res) => {
  await Session.destroy(req.headers.authorization);
  res.status(200).json({ status: 'failed' });
  // mistake: a 200 whose body says "failed"
});

module.exports = router;
