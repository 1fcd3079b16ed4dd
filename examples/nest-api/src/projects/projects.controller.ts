import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Redirect,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ProjectsService } from './projects.service';

class CreateProjectDto {
  name!: string;
}

@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Header('Cache-Control', 'max-age=30')
  findAll() {
    return this.projects.findAll();
  }

  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string) {
    return this.projects.findOne(id);
  }

  @Post()
  create(@Body() dto: CreateProjectDto, @Res({ passthrough: true }) res: Response) {
    const project = this.projects.create(dto.name);
    res.location(`/api/projects/${project.id}`);
    return project;
  }

  @Patch(':id/archive')
  archive(@Param('id', ParseUUIDPipe) id: string) {
    const project = this.projects.findOne(id);
    if (project.archived) {
      return { success: false, error: 'Project is already archived' };
      // mistake: a failure sent with 200; the client has to parse the body to notice
    }
    project.archived = true;
    return { success: true };
  }

  @Delete(':id')
  @HttpCode(200)
  // mistake: a 200 with no body; 204 No Content says the same and lets clients skip parsing
  remove(@Param('id', ParseUUIDPipe) id: string): void {
    if (!this.projects.remove(id)) {
      throw new HttpException('Project not found', HttpStatus.INTERNAL_SERVER_ERROR);
      // mistake: a missing project is the client's 404, not a server fault
    }
  }

  @Get('docs')
  @Redirect('https://docs.example.com/projects', 301)
  docs() {}
}
