// Thrown by route handlers; withErrors() answers their status.
export class ApiError extends Error {
  constructor(message: string, public status = 500) {
    super(message);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message = 'Sign in first') {
    super(message, 401);
  }
}

export class ValidationError extends ApiError {
  constructor(public issues: unknown) {
    super('Invalid input', 400);
  }
}
