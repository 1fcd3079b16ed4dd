import { Router } from 'express';
import { z } from 'zod';
import { db } from '@/db';
import { HttpError, ValidationError } from '@/errors';
import { created, sendError } from '@/lib/http';
import { requireAuth, requireRole } from '@/middleware/auth';
import { assertExportQuota } from '@/quota';
import { renderExport } from '@/services/exporter';
import { tasks } from './tasks.js';

const NewProject = z.object({ name: z.string().min(1), description: z.string().optional() });

export const projects = Router();
projects.use(requireAuth);

projects.get('/', async (_req, res) => {
  res.json(await db.project.findMany({ where: { ownerId: res.locals.user.id } }));
});

projects.get('/:id', async (req, res) => {
  const project = await db.project.findUnique({ where: { id: req.params.id } });
  // Problem [server-error-for-not-found]: HttpError's default status is 500, so a missing project is answered 500.
  if (!project) throw new HttpError('Project not found');
  res.json(project);
});

projects.post('/', async (req, res) => {
  const parsed = NewProject.safeParse(req.body);
  if (!parsed.success) throw new ValidationError(parsed.error.issues);
  const project = await db.project.create({ data: { ...parsed.data, ownerId: res.locals.user.id } });
  created(res, `/api/projects/${project.id}`, project);
});

projects.delete('/:id', requireRole('owner'), async (req, res) => {
  const { count } = await db.project.deleteMany({ where: { id: req.params.id } });
  if (count === 0) return sendError(res, 404, 'Project not found');
  res.status(204).end();
});

projects.get('/:id/export', async (req, res) => {
  assertExportQuota(res.locals.user.id);
  const project = await db.project.findUnique({ where: { id: req.params.id } });
  if (!project) return sendError(res, 404, 'No such project');
  try {
    res.type('html').send(await renderExport(project));
  } catch (err) {
    console.error(err);
    // Look-alike [server-error-for-not-found]: the export template is missing on the server: a deployment fault, 500 is right.
    sendError(res, 500, 'Export template not found on the server');
  }
});

projects.use('/:projectId/tasks', tasks);
