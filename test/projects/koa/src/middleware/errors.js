// Outermost middleware: every error thrown further down ends up here.
export async function errors(ctx, next) {
  try {
    await next();
  } catch (err) {
    // Look-alike [server-error-for-client-error]: err.status is honoured (bodyParser's 400/413, ctx.throw, ApiError).
    // Problem [missing-required-header]: a thrown 401 gets no WWW-Authenticate here.
    // Problem [missing-retry-after]: a thrown 429 gets no Retry-After here.
    ctx.status = err.status || 500;
    // Look-alike [leaked-error-details]: the message is sent only when the error allows it (expose), never on 5xx.
    ctx.body = { error: err.expose ? err.message : 'Internal Server Error', code: err.code };
    ctx.app.emit('error', err, ctx);
  }
}
