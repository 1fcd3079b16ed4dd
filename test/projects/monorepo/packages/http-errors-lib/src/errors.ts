// Errors rendered as RFC 9457 problem details by problemHandler(); the status defaults to 500.
export class ProblemError extends Error {
  constructor(title: string, readonly status: number = 500, readonly detail?: string) {
    super(title);
  }
}

export class NotFound extends ProblemError {
  constructor(detail?: string) {
    super('Not Found', 404, detail);
  }
}

export class Conflict extends ProblemError {
  constructor(detail?: string) {
    super('Conflict', 409, detail);
  }
}

export class TooManyRequests extends ProblemError {
  constructor(detail?: string) {
    super('Too Many Requests', 429, detail);
  }
}
