// The last middleware: turns errors passed to next() into responses.
module.exports = function errorHandler(err, req, res, next) {
  // Look-alike [server-error-for-client-error]: err.status is honoured, so express.json()'s 400 and 413 stay 4xx.
  const status = err.status || err.statusCode || 500;
  if (status >= 500) console.error(err);
  // Problem [leaked-error-details]: err.message goes out on 5xx too (driver and SQL messages).
  // Problem [missing-required-header]: a thrown 401 gets no WWW-Authenticate here.
  // Problem [missing-retry-after]: a thrown 429 gets no Retry-After here.
  res.status(status).json({ error: err.message });
};
