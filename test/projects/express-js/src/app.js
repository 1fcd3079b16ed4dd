const express = require('express');
const { requireAuth } = require('./middleware/auth');
const errorHandler = require('./middleware/errorHandler');
const users = require('./routes/users');
const orders = require('./routes/orders');
const admin = require('./routes/admin');

const app = express();
app.use(express.json({ limit: '100kb' }));

app.get('/health', (req, res) => {
  res.json({ ok: true });
});

app.use('/api/users', users);
app.use('/api/orders', requireAuth, orders);
app.use('/api/admin', admin);

app.use(errorHandler);

module.exports = app;
