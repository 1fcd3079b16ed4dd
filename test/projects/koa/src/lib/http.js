// Helpers for handlers that answer an error without throwing.
export function notFound(ctx, message = 'Not found') {
  ctx.status = 404;
  ctx.body = { error: message };
}

export function forbidden(ctx, message = 'Forbidden') {
  ctx.status = 403;
  ctx.body = { error: message };
}
