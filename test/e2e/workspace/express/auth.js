const express = require('express');

const router = express.Router();

router.get('/me', (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'log in first' });
  res.json(req.user);
});

router.get('/search', (req, res) => {
  res.status(429).json({ error: 'slow down' });
});

module.exports = router;
