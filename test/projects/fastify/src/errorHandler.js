// Fastify sends every thrown error here, schema validation errors included (statusCode 400).
export function errorHandler(error, request, reply) {
  // Look-alike [server-error-for-client-error]: statusCode is honoured, so validation 400s and DomainError codes keep their status.
  const status = error.statusCode ?? 500;
  if (status >= 500) request.log.error(error);
  // Problem [leaked-error-details]: error.message goes out on 5xx too (driver and SQL messages).
  // Problem [missing-retry-after]: a thrown 429 (RATE_LIMITED) gets no Retry-After here.
  return reply.status(status).send({ statusCode: status, error: error.message });
}
