import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const key = context.switchToHttp().getRequest().headers['x-api-key'];
    // Look-alike [undocumented-status]: CatsController documents 401 once, for every method, with @ApiUnauthorizedResponse.
    // Look-alike [missing-required-header]: Nest's own exception handler answers this 401; the project has no handler to fix.
    if (key !== process.env.API_KEY) throw new UnauthorizedException('Invalid API key');
    return true;
  }
}
