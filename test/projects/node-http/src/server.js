import http from 'node:http';
import { authenticate, requireAdmin } from './auth.js';
import { upload } from './handlers/uploads.js';
import { createUser, deleteUser, getUser, listUsers } from './handlers/users.js';
import { notFound, sendJson } from './lib/respond.js';

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  try {
    if (req.method === 'GET' && url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('ok');
    }
    if (req.method === 'GET' && url.pathname === '/api/users') return await listUsers(req, res);
    if (req.method === 'GET' && url.pathname === '/api/user') return await getUser(req, res, url.searchParams.get('id'));
    if (req.method === 'POST' && url.pathname === '/api/users') return await createUser(req, res);
    if (req.method === 'DELETE' && url.pathname === '/api/user') {
      const user = await authenticate(req, res);
      if (!user || !requireAdmin(user, res)) return;
      return await deleteUser(req, res, url.searchParams.get('id'));
    }
    if (req.method === 'POST' && url.pathname === '/api/uploads') {
      const user = await authenticate(req, res);
      if (!user) return;
      return await upload(req, res, user);
    }
    notFound(res);
  } catch (err) {
    console.error(err);
    // Problem [server-error-for-client-error]: every error is answered 500, err.status ignored, so readJson()'s 413 and 400 become 500.
    // Problem [leaked-error-details]: err.message goes to the client with the 500.
    sendJson(res, 500, { error: err.message });
  }
});

server.listen(3000);
