const express = require('express');
const orders = require('./routes/orders');
const errorHandler = require('./errorHandler');

const app = express();
app.use(express.json());
app.use('/v2/orders', orders);
app.use(errorHandler);

module.exports = app;
