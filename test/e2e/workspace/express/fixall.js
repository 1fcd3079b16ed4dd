const express = require('express');

const router = express.Router();

router.post('/payments', (req, res) => {
  res.status(200).json({ success: false, error: 'card declined' });
});

router.post('/refunds', (req, res) => {
  res.status(200).json({ success: false, error: 'too late' });
});

module.exports = router;
