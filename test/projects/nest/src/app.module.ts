import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from './auth/jwt.strategy';
import { ProjectsController } from './projects/projects.controller';
import { TasksController } from './projects/tasks.controller';
import { ProjectsService } from './projects/projects.service';

@Module({
  imports: [PassportModule],
  controllers: [ProjectsController, TasksController],
  providers: [ProjectsService, JwtStrategy],
})
export class AppModule {}
