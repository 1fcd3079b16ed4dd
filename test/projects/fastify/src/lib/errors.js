// Domain errors carry a code; their HTTP status comes from this table, 500 for any other code.
export const STATUS_BY_CODE = {
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  RATE_LIMITED: 429,
};

export class DomainError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.statusCode = STATUS_BY_CODE[code] ?? 500;
  }
}

export class NotFound extends DomainError {
  constructor(what) {
    super('NOT_FOUND', `${what} not found`);
  }
}
