import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post, Req, UseGuards } from '@nestjs/common';
import { JwtAuthGuard, Roles, RolesGuard } from '../auth/guards';
import { notFound, upstreamFailed } from '../common/errors';
import { CreateProjectDto } from './dto';
import { ProjectsService } from './projects.service';

@Controller('projects')
@UseGuards(JwtAuthGuard, RolesGuard)
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  findAll(@Req() req: { user: { sub: number } }) {
    return this.projects.findAll(req.user.sub);
  }

  @Get(':id')
  findOne(@Param('id', ParseIntPipe) id: number) {
    const project = this.projects.findOne(id);
    if (!project) throw notFound('Project');
    return project;
  }

  @Post()
  async create(@Body() dto: CreateProjectDto, @Req() req: { user: { sub: number } }) {
    let allowed: boolean;
    try {
      allowed = await this.projects.billingAllows(req.user.sub);
    } catch {
      throw upstreamFailed('Billing');
    }
    if (!allowed) throw new ForbiddenException('Your plan allows no more projects');
    return this.projects.create(dto.name, req.user.sub);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number) {
    if (!this.projects.remove(id)) throw new NotFoundException(`Project ${id} not found`);
  }
}
