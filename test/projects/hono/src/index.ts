import { Hono } from 'hono';
import { api } from './routes/api';
import { handleError } from './lib/handleError';

const app = new Hono();
app.get('/health', (c) => c.json({ ok: true }));
app.route('/api', api);
app.onError(handleError);

export default app;
