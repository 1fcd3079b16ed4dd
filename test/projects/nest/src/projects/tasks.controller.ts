import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard, ProjectMemberGuard } from '../auth/guards';
import { DomainException, QuotaExceededException } from '../common/errors';
import { CreateTaskDto } from './dto';
import { ProjectsService } from './projects.service';

@Controller('projects/:projectId/tasks')
@UseGuards(JwtAuthGuard, ProjectMemberGuard)
export class TasksController {
  constructor(private readonly projects: ProjectsService) {}

  @Get(':taskId')
  findOne(@Param('projectId', ParseIntPipe) projectId: number, @Param('taskId', ParseIntPipe) taskId: number) {
    const task = this.projects.findTask(projectId, taskId);
    if (!task) throw new NotFoundException('Task not found');
    return task;
  }

  @Post()
  create(@Param('projectId', ParseIntPipe) projectId: number, @Body() dto: CreateTaskDto) {
    // Problem [server-error-for-client-error]: DomainException defaults to 500, so this invalid input is answered 500.
    if (dto.dueDate && dto.dueDate < new Date()) throw new DomainException('dueDate must be in the future');
    if (this.projects.countTasksToday(projectId) >= 100) throw new QuotaExceededException();
    return this.projects.addTask(projectId, dto.title, dto.dueDate);
  }
}
