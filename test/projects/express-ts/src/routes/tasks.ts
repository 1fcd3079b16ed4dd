import { Router } from 'express';
import { db } from '@/db';
import { sendError } from '@/lib/http';
import { requireMember } from '@/middleware/auth';

// Mounted at /api/projects/:projectId/tasks, behind requireAuth.
export const tasks = Router({ mergeParams: true });
tasks.use(requireMember);

tasks.get('/', async (req, res) => {
  res.json(await db.task.findMany({ where: { projectId: req.params.projectId } }));
});

tasks.get('/:taskId', async (req, res) => {
  const task = await db.task.findFirst({ where: { id: req.params.taskId, projectId: req.params.projectId } });
  if (!task) return sendError(res, 404, 'Task not found');
  res.json(task);
});

tasks.patch('/:taskId', async (req, res) => {
  if (typeof req.body.done !== 'boolean') return sendError(res, 400, '"done" must be a boolean');
  const task = await db.task.update({ where: { id: req.params.taskId }, data: { done: req.body.done } });
  res.json(task);
});
