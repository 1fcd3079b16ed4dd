// Errors thrown by routes and middleware (Express 5 passes them to the error handler).
export class HttpError extends Error {
  constructor(message: string, public readonly status: number = 500) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Authentication required') {
    super(message, 401);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Forbidden') {
    super(message, 403);
  }
}

export class ValidationError extends HttpError {
  constructor(public readonly issues: unknown[]) {
    super('Invalid request body', 422);
  }
}
