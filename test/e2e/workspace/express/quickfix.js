const express = require('express');

const router = express.Router();

router.post('/orders', (req, res) => {
  res.status(200).json({ success: false, error: 'x' });
});

module.exports = router;
