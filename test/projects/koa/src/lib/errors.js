// ApiError's status defaults to 500; subclasses fix their own. expose tells the error middleware
// whether the message may be shown to the client.
export class ApiError extends Error {
  constructor(message, status = 500, code = 'internal') {
    super(message);
    this.status = status;
    this.code = code;
    this.expose = status < 500;
  }
}

export class AuthError extends ApiError {
  constructor(message = 'Authentication required') {
    super(message, 401, 'unauthenticated');
  }
}

export class ConflictError extends ApiError {
  constructor(message) {
    super(message, 409, 'conflict');
  }
}
