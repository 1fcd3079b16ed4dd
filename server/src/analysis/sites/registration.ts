// Where handlers are registered and which framework they speak: app.get('/x', h), router.post(...),
// and, through the plugins' registrationOf hooks, fastify.route({ method, url, handler }),
// app.on(['PUT'], '/x', h), setErrorHandler(h), http.createServer(h)... The walker asks this when it
// meets a call, before visiting its arguments, so the callbacks are entered knowing their role
// (which parameter is the response).
import * as ts from 'typescript';
import type { Framework } from '../model';
import { unwrapAwaited } from '../syntax';
import { ID } from '../../frameworks/ids';
import { importsFramework, plugins, pluginFor } from '../../frameworks/registry';
import { literalText } from './argumentReaders';
import { functionArgs, namedArgs, routeOptions } from './registrationReaders';
import { importsOtherServer, isOtherServerModule } from './roles';
import type { Registration, RegistrationEnv } from '../walk/contract';

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

/** Plugins with registering calls of their own, asked in registry order. */
const REGISTERING = plugins.filter((p) => p.registrationOf);

/** Frameworks whose modules' default or named export creates an app, a router or a server. */
const APP_FRAMEWORKS = [ID.fastify, ID.hono, ID.koa, ID.express, ID.nodeHttp].map(pluginFor);

/** The framework whose app/router/server a module creates (its plugin's import specifiers). */
function frameworkOfModule(module: string): Framework | undefined {
  return APP_FRAMEWORKS.find((p) => importsFramework(p, module))?.id;
}

/** True when the file imports an HTTP server framework or node:http: a (req, res) function there is one of its handlers. */
export function importsHttpServer(imports: ReadonlySet<string>): boolean {
  for (const m of imports) if (frameworkOfModule(m) || importsFramework(pluginFor(ID.next), m)) return true;
  return false;
}

/** The framework a file is written against, judged by its imports (first match wins). */
export function fileFramework(imports: ReadonlySet<string>): Framework | undefined {
  const order: Framework[] = [ID.fastify, ID.hono, ID.koa, ID.express];
  for (const fw of order) for (const m of imports) if (frameworkOfModule(m) === fw) return fw;
  if ([...imports].some((m) => importsFramework(pluginFor(ID.next), m))) return ID.next;
  return undefined;
}

/** `Fastify()`, `require('fastify')()`, `new Hono()`, `new Koa()`, `new Router()`, `express.Router()`. */
function frameworkOfCreation(init: ts.Expression, env: RegistrationEnv): Framework | undefined {
  const e = unwrapAwaited(init);
  if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return undefined;
  let callee: ts.Expression = e.expression;
  // require('fastify')({ logger: true })
  if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require') {
    const m = literalText(callee.arguments[0]);
    return m ? frameworkOfModule(m) : undefined;
  }
  // express.Router(), Fastify.default()
  if (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  if (!ts.isIdentifier(callee)) return undefined;
  const binding = env.bindings.get(callee.text);
  if (binding) {
    const fw = frameworkOfModule(binding.module);
    if (fw) return fw;
  }
  switch (callee.text) {
    case 'Fastify':
    case ID.fastify:
      return ID.fastify;
    case 'Hono':
      return ID.hono;
    case 'Koa':
      return ID.koa;
    case ID.express:
      return ID.express;
    case 'Router':
      return env.imports.has('@koa/router') || env.imports.has('koa-router') ? ID.koa : ID.express;
    default:
      return undefined;
  }
}

/** The framework of the object a route is registered on: `fastify.get`, `app.route('/x').get`, `users.post`. */
function frameworkOfTarget(target: ts.Expression, env: RegistrationEnv): Framework | undefined {
  let e = target;
  while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) e = ts.isCallExpression(e) ? e.expression : e.expression;
  if (!ts.isIdentifier(e)) return undefined;
  const init = env.initOf(e.text);
  if (init) {
    const fw = frameworkOfCreation(init, env);
    if (fw) return fw;
  }
  const type = env.paramType(e.text);
  if (type === 'FastifyInstance') return ID.fastify;
  if (type === 'Hono') return ID.hono;
  if (e.text === ID.fastify) return ID.fastify;
  return undefined;
}

/** The module a value comes from: `ldap.createServer()`, `new WebSocket.Server()`, `require('net')`, `nock(url).get(...)`. */
function moduleOf(expr: ts.Expression, env: RegistrationEnv, depth = 0): string | undefined {
  let e = unwrapAwaited(expr);
  for (;;) {
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') return literalText(e.arguments[0]);
    if (ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isPropertyAccessExpression(e)) e = e.expression;
    else break;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const bound = env.bindings.get(e.text);
  if (bound) return bound.module;
  const init = depth < 3 ? env.initOf(e.text) : undefined;
  return init ? moduleOf(init, env, depth + 1) : undefined;
}

/**
 * The registration a call makes, or undefined when it registers no handler. Handlers registered on
 * a server that is not HTTP (an ldapjs server's `del`, msw's `rest.get`, nock's interceptors) are
 * not; in a file that uses such a server, neither is a registration on an unknown object whose
 * first argument is not a URL path.
 */
export function registrationOf(node: ts.CallExpression, env: RegistrationEnv): Registration | undefined {
  const reg = registrationOfCall(node, env);
  if (!reg) return undefined;
  const callee = node.expression;
  const target = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  const module = moduleOf(target, env);
  if (module !== undefined && isOtherServerModule(module)) return undefined;
  if (reg.framework === undefined && !/^[/*]/.test(reg.route?.path ?? '') && importsOtherServer(env.imports)) return undefined;
  return reg;
}

// Runs for every call: no closures, nothing allocated before the callee's name matches.
function registrationOfCall(node: ts.CallExpression, env: RegistrationEnv): Registration | undefined {
  const callee = node.expression;
  const args = node.arguments;
  // The frameworks' own registering calls first: http.createServer(h), fastify.route({...}), app.onError(h)...
  for (const p of REGISTERING) {
    const reg = p.registrationOf!(node, env, frameworkOfTarget);
    if (reg !== undefined) return reg ?? undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const target = callee.expression;
  const lower = callee.name.text.toLowerCase();
  if (!HTTP_METHODS.has(lower) && lower !== 'use') return undefined;
  const first = args[0];
  let path = literalText(first);
  // router.route('/users').get(list).post(create): down the chain to the route() call
  let inner: ts.Expression = target;
  while (path === undefined && ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression)) {
    const name = inner.expression.name.text;
    if (name === 'route') {
      path = literalText(inner.arguments[0]);
      break;
    }
    if (!HTTP_METHODS.has(name.toLowerCase())) break;
    inner = inner.expression.expression;
  }
  // ldapjs registers on distinguished names (`server.del('o=example', h)`): not a URL path.
  if (path !== undefined && /^[a-z]+=/i.test(path)) return undefined;
  const handlers = functionArgs(args);
  const isPath = path !== undefined && /^[/*]/.test(path);
  const framework = frameworkOfTarget(target, env);
  // app.get('/x', auth, getUser), app.use(errorHandler) on a known app: handlers by name (not `cache.get(key)`).
  const named = isPath || (lower === 'use' && framework !== undefined) ? namedArgs(args) : [];
  // fastify.get('/x', { handler: async (request, reply) => ... })
  for (const a of args) {
    if (!ts.isObjectLiteralExpression(a)) continue;
    const options = routeOptions(a);
    for (const h of options.handlers) handlers.add(h);
    named.push(...options.named);
  }
  // app.get('title') reads an Express setting; a route path starts with '/' (or '*').
  if (handlers.size === 0 && !isPath && named.length === 0) return undefined;
  if (lower === 'use' && handlers.size === 0 && named.length === 0) return undefined;
  const upper = lower === 'del' ? 'DELETE' : lower.toUpperCase();
  return { route: { method: upper, path }, framework, role: 'route', handlers, named };
}
