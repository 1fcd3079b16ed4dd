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
