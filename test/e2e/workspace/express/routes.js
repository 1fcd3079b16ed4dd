const express = require('express');

const app = express();
const users = new Map();

app.get('/users/:id', (req, res) => {
  const user = users.get(req.params.id);
  if (!user) {
    return res.status(404).json({ error: 'user not found' });
  }
  res.status(200).json(user);
});

app.post('/login', (req, res) => {
  res.status(200).json({ success: false, error: 'x' });
});

module.exports = app;
