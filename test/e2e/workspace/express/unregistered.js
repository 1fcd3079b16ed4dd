const express = require('express');

const router = express.Router();

router.get('/export', (req, res) => {
  if (req.destroyed) return res.status(499).end();
  res.json({ rows: [] });
});

module.exports = router;
