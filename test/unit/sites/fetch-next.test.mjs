// Web Response, Next.js route handlers and Remix: status from ResponseInit, redirects, route facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, withCode } from '../../helpers/sites.mjs';

const route = `import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { auth } from '@/auth';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) {
    return NextResponse.json({ error: 'User not found' }, { status: 404 });
  }
  return NextResponse.json(user);
}

export async function DELETE(request: Request) {
  const session = await auth();
  if (!session) {
    return new Response('Sign in required', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  return new NextResponse(null, { status: 204 });
}

export const PUT = async () =>
  NextResponse.json({ error: 'Use PATCH' }, { status: 405, headers: new Headers({ Allow: 'GET, PATCH, DELETE' }) });
`;
const file = 'app/api/users/[id]/route.ts';

test('next: NextResponse.json(body, { status }) in an app-router route: site, body, route facts', () => {
  const list = sitesOf(route, file);
  const s = one(list, { code: 404 });
  assert.equal(s.framework, 'next');
  assert.equal(s.kind, 'response-init');
  assert.equal(s.form, 'number');
  assert.equal(s.line, lineAt(route, 'status: 404'));
  assert.equal(s.send.how, 'same-call');
  assert.equal(s.send.returns, true);
  assert.deepEqual(bodyProps(s), ['error']);
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'GET', path: '/api/users/[id]' });
  assert.deepEqual([...s.route.methodsForPath].sort(), ['DELETE', 'GET', 'PUT']);
  assert.equal(s.handler.requestName, 'request');
});

test('next: NextResponse.json(x) without init is the implicit 200; the fix adds { status }', () => {
  const list = sitesOf(route, file);
  const s = one(list, { form: 'implicit' });
  assert.equal(s.code, 200);
  assert.equal(s.kind, 'implicit-send');
  assert.equal(s.text, 'NextResponse.json');
  assert.ok(withCode(route, s, 203).includes('NextResponse.json(user, { status: 203 })'));
});

test('next: headers from the init object and new Headers({...}); new Response / new NextResponse', () => {
  const list = sitesOf(route, file);
  const unauthorized = one(list, { code: 401 });
  assert.equal(unauthorized.send.method, 'new');
  assert.deepEqual(headerNames(unauthorized), ['www-authenticate']);
  assert.equal(unauthorized.body.kind, 'string');
  assert.equal(unauthorized.route.method, 'DELETE');
  const empty = one(list, { code: 204 });
  assert.equal(empty.body.kind, 'null');
  const notAllowed = one(list, { code: 405 });
  assert.deepEqual(headerNames(notAllowed), ['allow']);
  assert.equal(notAllowed.route.method, 'PUT', 'export const PUT = async () => ... is a route handler too');
});

test('fetch: Response.json, Response.redirect (302) and a Response kept in a variable', () => {
  const code = `export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/old') return Response.redirect(new URL('/new', url), 301);
    if (url.pathname === '/home') return Response.redirect(new URL('/', url));
    const res = Response.json({ items: await env.DB.list() }, { status: 200 });
    res.headers.set('Cache-Control', 'max-age=60');
    return res;
  },
};`;
  const list = sitesOf(code, 'worker.js');
  const moved = one(list, { code: 301 });
  assert.equal(moved.framework, 'fetch');
  assert.equal(moved.kind, 'redirect');
  assert.deepEqual(headerNames(moved), ['location']);
  const found = one(list, { code: 302 });
  assert.equal(found.form, 'implicit');
  assert.ok(withCode(code, found, 307).includes("Response.redirect(new URL('/', url), 307)"));
  const ok = one(list, { code: 200 });
  assert.equal(ok.receiver, 'res');
  assert.equal(ok.send.how, 'returned');
  assert.deepEqual(headerNames(ok), ['cache-control']);
  assert.deepEqual(bodyProps(ok), ['items']);
});

test('next: NextResponse.redirect defaults to 307; middleware sites have no route', () => {
  const code = `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  if (!request.cookies.has('token')) {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  return NextResponse.next();
}`;
  const list = sitesOf(code, 'middleware.ts');
  const s = one(list, { kind: 'redirect' });
  assert.equal(s.code, 307);
  assert.equal(s.form, 'implicit');
  assert.equal(s.route, undefined);
  assert.equal(list.length, 1, 'NextResponse.next() decides no status');
});

test('fetch: new Response(JSON.stringify({...}), init) reads the object as the body', () => {
  const code = `export async function POST() {
  return new Response(JSON.stringify({ error: 'Use PATCH to update an order' }), {
    status: 405,
    headers: { 'Content-Type': 'application/json', Allow: 'GET, PATCH' },
  });
}`;
  const s = one(sitesOf(code, 'app/api/orders/route.js'), { code: 405 });
  assert.deepEqual(bodyProps(s), ['error']);
  assert.deepEqual(headerNames(s), ['allow', 'content-type']);
  assert.equal(s.line, lineAt(code, 'status: 405'));
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'POST', path: '/api/orders' });
});

test('remix: json(data, { status }) and redirect(url) from @remix-run/node', () => {
  const code = `import { json, redirect } from '@remix-run/node';
export async function action({ request }) {
  const form = await request.formData();
  const errors = validate(form);
  if (errors) return json({ errors }, { status: 422 });
  await save(form);
  return redirect('/projects');
}`;
  const list = sitesOf(code, 'app/routes/projects.new.tsx');
  const invalid = one(list, { code: 422 });
  assert.equal(invalid.framework, 'fetch');
  assert.deepEqual(bodyProps(invalid), ['errors']);
  const after = one(list, { code: 302 });
  assert.equal(after.kind, 'redirect');
});

test('fetch: a route group folder is not part of the path; a non-route file gives no path', () => {
  const code = `export async function GET() { return Response.json({ ok: true }); }`;
  assert.equal(one(sitesOf(code, 'src/app/(admin)/api/stats/route.ts'), { code: 200 }).route.path, '/api/stats');
  none(sitesOf(code, 'lib/helpers.ts'), { route: (r) => r !== undefined });
});
