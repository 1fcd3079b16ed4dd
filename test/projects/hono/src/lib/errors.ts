import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Failures of the service layer; the status defaults to 500.
export class ServiceError extends Error {
  constructor(message: string, readonly status: ContentfulStatusCode = 500) {
    super(message);
  }
}

export class NotFoundError extends HTTPException {
  constructor(message = 'Not found') {
    super(404, { message });
  }
}
