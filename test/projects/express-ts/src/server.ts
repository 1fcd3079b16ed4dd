import express from 'express';
import { projects } from '@/routes/projects';
import { errorHandler } from '@/middleware/errorHandler';

export const app = express();
app.use(express.json());

const api = express.Router();
api.get('/health', (_req, res) => {
  res.json({ ok: true });
});
api.use('/projects', projects);
app.use('/api', api);

app.use(errorHandler);

app.listen(Number(process.env.PORT ?? 3000));
