const express = require('express');

const router = express.Router();

router.delete('/items/:id', (req, res) => {
  res.status();
});

router.patch('/items/:id', (req, res) => {
  res.status().end();
});

module.exports = router;
