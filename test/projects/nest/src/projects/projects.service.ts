import { Injectable } from '@nestjs/common';

type Project = { id: number; name: string; ownerId: number; memberIds: number[] };
type Task = { id: number; projectId: number; title: string; dueDate?: Date };

// In-memory store; a real app would use a repository.
@Injectable()
export class ProjectsService {
  private readonly projects = new Map<number, Project>();
  private readonly tasks = new Map<number, Task>();

  findAll(userId: number) {
    return [...this.projects.values()].filter((p) => p.memberIds.includes(userId));
  }
  findOne(id: number) {
    return this.projects.get(id);
  }
  async create(name: string, ownerId: number) {
    const project = { id: this.projects.size + 1, name, ownerId, memberIds: [ownerId] };
    this.projects.set(project.id, project);
    return project;
  }
  remove(id: number) {
    return this.projects.delete(id);
  }
  async isMember(projectId: number, userId: number) {
    return this.projects.get(projectId)?.memberIds.includes(userId) ?? false;
  }
  findTask(projectId: number, taskId: number) {
    const task = this.tasks.get(taskId);
    return task?.projectId === projectId ? task : undefined;
  }
  countTasksToday(projectId: number) {
    return [...this.tasks.values()].filter((t) => t.projectId === projectId).length;
  }
  addTask(projectId: number, title: string, dueDate?: Date) {
    const task = { id: this.tasks.size + 1, projectId, title, dueDate };
    this.tasks.set(task.id, task);
    return task;
  }
  async billingAllows(ownerId: number) {
    const response = await fetch(`${process.env.BILLING_URL}/accounts/${ownerId}/limits`);
    if (!response.ok) throw new Error(`billing answered ${response.status}`);
    return (await response.json()).projects > 0;
  }
}
