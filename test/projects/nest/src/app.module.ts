import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ProjectsController } from './projects/projects.controller';
import { TasksController } from './projects/tasks.controller';
import { ProjectsService } from './projects/projects.service';

@Module({
  imports: [JwtModule.register({ secret: process.env.JWT_SECRET })],
  controllers: [ProjectsController, TasksController],
  providers: [ProjectsService],
})
export class AppModule {}
