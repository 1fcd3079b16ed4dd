import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    // Look-alike [server-error-for-client-error]: the exception's own status is kept (ValidationPipe's 400 included).
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logger.error(exception);
    // Problem [missing-required-header]: an UnauthorizedException gets no WWW-Authenticate here.
    // Problem [missing-retry-after]: the 429 of QuotaExceededException gets no Retry-After here.
    // Problem [leaked-error-details]: a driver error's message goes to the client with the 500.
    response.status(status).json({ statusCode: status, message: (exception as Error).message });
  }
}
