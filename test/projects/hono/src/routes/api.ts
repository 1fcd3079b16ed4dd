import { Hono } from 'hono';
import { teams } from './teams';
import { users } from './users';

// Mounted at /api in index.ts.
export const api = new Hono();
api.route('/users', users);
api.route('/teams', teams);
