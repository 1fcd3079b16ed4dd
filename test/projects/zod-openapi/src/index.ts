import { OpenAPIHono } from '@hono/zod-openapi';
import { users } from './routes/users';

const app = new OpenAPIHono();
app.route('/api', users);
app.doc('/doc', { openapi: '3.0.0', info: { title: 'Users', version: '1.0.0' } });

export default app;
