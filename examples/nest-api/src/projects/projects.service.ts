import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

export interface Project {
  id: string;
  name: string;
  archived: boolean;
}

@Injectable()
export class ProjectsService {
  private readonly projects = new Map<string, Project>();

  findAll(): Project[] {
    return [...this.projects.values()];
  }

  findOne(id: string): Project {
    const project = this.projects.get(id);
    if (!project) {
      throw new NotFoundException(`Project ${id} not found`);
    }
    return project;
  }

  create(name: string): Project {
    if ([...this.projects.values()].some((p) => p.name === name)) {
      throw new ConflictException('A project with this name already exists');
    }
    const project = { id: crypto.randomUUID(), name, archived: false };
    this.projects.set(project.id, project);
    return project;
  }

  remove(id: string): boolean {
    return this.projects.delete(id);
  }
}
