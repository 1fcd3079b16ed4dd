import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ProjectsService } from '../projects/projects.service';

export const ROLES_KEY = 'roles';
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

// Passport's AuthGuard answers 401 when the JwtStrategy rejects the request (no token, bad signature, expired).
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[]>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const { user } = context.switchToHttp().getRequest();
    // Look-alike [auth-status-mismatch]: returning false makes Nest answer 403 Forbidden.
    return roles.some((role) => user.roles?.includes(role));
  }
}

@Injectable()
export class ProjectMemberGuard implements CanActivate {
  constructor(private readonly projects: ProjectsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const isMember = await this.projects.isMember(Number(request.params.projectId), request.user.sub);
    // Problem [auth-status-mismatch]: the caller is signed in (JwtAuthGuard ran first) but is not a member: 403, not 401.
    if (!isMember) throw new UnauthorizedException('Not a member of this project');
    return true;
  }
}
