const express = require('express');
const users = require('./routes/users');
const orders = require('./routes/orders');
const sessions = require('./routes/sessions');
const accounts = require('./routes/accounts');

const app = express();
app.use(express.json());

app.use('/users', users);
app.use('/orders', orders);
app.use('/sessions', sessions);
app.use('/accounts', accounts);

app.get('/health', (req, res) => {
  res.json({ status: 'ok', uptime: process.uptime() });
});

// Error middleware: the last resort for anything a route did not handle.
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

app.listen(3000, () => console.log('listening on 3000'));

module.exports = app;
