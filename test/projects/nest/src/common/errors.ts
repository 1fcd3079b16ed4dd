import { HttpException, HttpStatus } from '@nestjs/common';

// Errors of the domain layer; the status defaults to 500.
export class DomainException extends HttpException {
  constructor(message: string, status = HttpStatus.INTERNAL_SERVER_ERROR) {
    super({ message }, status);
  }
}

export class QuotaExceededException extends HttpException {
  constructor() {
    super({ message: 'Daily task quota exceeded' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

// Exception factories the controllers throw.
export function notFound(what: string) {
  // Problem [server-error-for-not-found]: DomainException defaults to 500, so every `throw notFound(...)` answers 500.
  return new DomainException(`${what} not found`);
}

export function upstreamFailed(service: string) {
  // Look-alike [server-error-for-client-error]: a service the server depends on failed: 500 is right.
  return new DomainException(`${service} is unavailable`);
}
