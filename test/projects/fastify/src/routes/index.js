import users from './users.js';
import invoices from './invoices.js';
import admin from './admin.js';

// Registered with { prefix: '/api' } in server.js.
export default async function api(app) {
  app.register(users, { prefix: '/users' });
  app.register(invoices, { prefix: '/invoices' });
  app.register(admin, { prefix: '/admin' });
}
