// Which function is a handler and which of its parameters is the response: from how it was
// registered (app.get('/x', (req, res) => ...)), the parameters' types (reply: FastifyReply), or the
// (req, res) shape; a helper's `res` parameter is a response by its name alone, a weak one.
import * as ts from 'typescript';
import type { CatchFacts, Framework } from '../model';
import { spanOf } from '../resolve';
import { declare, newScope, type Scope } from '../scope';
import { bindingNames, frameworkOfType, paramName, paramTypeName } from '../sites/roles';
import { ID, NEXT_CALLBACK } from '../../frameworks/ids';
import { pluginFor } from '../../frameworks/registry';
import type { FunctionContext, Registration } from './contract';
import { frameworkByName, handlerRequestName, REQUEST_NAMES, RESPONSE_NAMES, type WalkState } from './state';

/** The name a function is declared or stored under: `function getUser(...)`, `const getUser = (...) =>`. */
function functionName(node: ts.Node, ancestors: readonly ts.Node[]): string | undefined {
  if (ts.isFunctionDeclaration(node)) return node.name?.text;
  const parent = ancestors[ancestors.length - 2];
  return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** Some function around here has a response parameter: a handler, or a helper given one. */
export function insideResponder(fn: FunctionContext | undefined): boolean {
  for (let f = fn; f; f = f.parent) if (f.receivers.size > 0) return true;
  return false;
}

/**
 * The context of a function being entered (`id` its number in the walk, `reg` the registration it is
 * a callback of), and its parameters' scope. Reads the walk's state, changes none of it.
 */
export function functionContextFor(
  node: ts.SignatureDeclaration,
  id: number,
  st: WalkState,
  reg: Registration | undefined,
): { fnCtx: FunctionContext; fnScope: Scope } {
  const params = node.parameters;
  const { fn, bindings, importedFramework, otherServer, httpFile } = st;
  const fnScope = newScope(st.scope, id);
  const fnCtx: FunctionContext = {
    id,
    node,
    parent: fn,
    receivers: new Map(),
    decls: new Map(),
    mutable: new Set(),
    paramTypes: new Map(),
    isRouteHandler: false,
    guards: [],
    catches: [],
    frames: [],
  };
  const receivers = fnCtx.receivers;
  let handlerShaped: boolean | undefined;
  for (const p of params) {
    const name = paramName(p);
    if (!name) {
      for (const n of bindingNames(p.name)) fnCtx.decls.set(n, { kind: 'param' });
      continue;
    }
    fnCtx.decls.set(name, { kind: 'param' });
    const typeName = paramTypeName(p);
    if (!typeName) continue;
    fnCtx.paramTypes.set(name, typeName);
    handlerShaped ??= params.some((q) => REQUEST_NAMES.test(paramName(q) ?? '') || paramTypeName(q) === 'Request');
    const typed = frameworkOfType(typeName, bindings, handlerShaped);
    if (typed) receivers.set(name, { framework: typed, strong: true, certain: true });
    else if (typeName.endsWith('Context') && (name === 'c' || name === 'ctx'))
      receivers.set(name, { framework: frameworkByName(st, name), strong: true, certain: httpFile });
  }
  let reqIndex = params.length === 4 ? 1 : 0;
  let resIndex = params.length === 4 ? 2 : 1;
  let errorHandler = false;
  if (reg) {
    // A callback passed to app.get('/x', ...), fastify.route({ handler }), app.onError(...)...
    fnCtx.isRouteHandler = reg.role === 'route' || reg.role === 'server';
    fnCtx.role = reg.role;
    fnCtx.route = reg.route;
    const typedFramework = [...receivers.values()][0]?.framework;
    const first = paramName(params[0]);
    const second = paramName(params[1]);
    const byNames: Framework | undefined =
      second === 'reply'
        ? ID.fastify
        : first === 'ctx' && (params.length === 1 || second === NEXT_CALLBACK)
          ? ID.koa
          : first === 'c' && (params.length === 1 || second === NEXT_CALLBACK)
            ? ID.hono
            : undefined;
    const framework = typedFramework ?? reg.framework ?? (importedFramework !== ID.next ? importedFramework : undefined) ?? byNames ?? ID.express;
    fnCtx.framework = framework;
    const idx =
      pluginFor(framework).handlerParams?.(reg.role) ??
      (params.length === 4 ? { req: 1, res: 2, errorHandler: true } : { req: 0, res: 1, errorHandler: false });
    ({ req: reqIndex, res: resIndex, errorHandler } = idx);
    const resName = paramName(params[resIndex]);
    if (resName && !receivers.has(resName)) receivers.set(resName, { framework, strong: true, certain: true });
  } else {
    if (fn?.route) fnCtx.route = fn.route; // nested callbacks keep the route they serve
    // function getUser(req, res) { ... } registered elsewhere: the (req, res) shape is the role, but
    // only a guess unless the file is written against an HTTP server, and none where it serves LDAP or WebSockets.
    const reqLike = paramName(params[reqIndex]);
    const resLike = paramName(params[resIndex]);
    if (!otherServer && reqLike && REQUEST_NAMES.test(reqLike) && resLike && RESPONSE_NAMES.has(resLike) && !receivers.has(resLike)) {
      const guessedHandler = httpFile ? undefined : functionName(node, st.ancestors);
      receivers.set(resLike, { framework: frameworkByName(st, resLike), strong: true, certain: httpFile, guessedHandler });
    }
    if (receivers.size > 0) fnCtx.framework = [...receivers.values()][0].framework;
  }
  const strongCount = receivers.size;
  // A helper's `res` parameter (`function sendError(res, err)`) is a response by its name alone, a
  // weak one; never inside a handler, where a callback's `res` is its own value (`.then((res) => ...)`).
  const guessByName = !otherServer && strongCount === 0 && !insideResponder(fn);
  for (const p of params) {
    const name = paramName(p);
    if (name && guessByName && RESPONSE_NAMES.has(name)) receivers.set(name, { framework: frameworkByName(st, name), strong: false, certain: false });
    for (const n of name ? [name] : bindingNames(p.name)) declare(fnScope, n, receivers.get(n) ?? null);
  }
  // A function expression's own name is visible inside it.
  if (ts.isFunctionExpression(node) && node.name && !fnScope.names?.has(node.name.text)) declare(fnScope, node.name.text, null);
  if (reg || strongCount > 0) {
    const resName = paramName(params[resIndex]);
    fnCtx.handler = {
      requestName: paramName(params[reqIndex]),
      responseName: resName && receivers.get(resName)?.strong ? resName : [...receivers.keys()][0],
      isErrorMiddleware: errorHandler && !!reg,
      isAsync: !!ts.getModifiers(node as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
      span: spanOf(node, st.sf),
    };
  }
  // A callback's own `req` is not the request of the handler around it.
  const outerRequest = handlerRequestName(st);
  if (outerRequest && fnCtx.handler?.requestName !== outerRequest && fnCtx.decls.get(outerRequest)?.kind === 'param')
    fnCtx.decls.set(outerRequest, { kind: 'param', shadowsRequest: true });
  return { fnCtx, fnScope };
}

/**
 * `promise.catch((err) => ...)`: the callback is a catch clause for what the chain before it calls
 * (`store.getFile(name).then(send).catch(() => res.status(404))`).
 */
export function promiseCatchFacts(fnNode: ts.Node, parent: ts.Node | undefined): CatchFacts | undefined {
  if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== fnNode) return undefined;
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch') return undefined;
  const tryCalls: string[] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const c = n.expression;
      const name = ts.isPropertyAccessExpression(c) ? c.name.text : ts.isIdentifier(c) ? c.text : undefined;
      if (name) tryCalls.push(name);
    }
    ts.forEachChild(n, collect);
  };
  collect(callee.expression);
  if (tryCalls.length === 0) return undefined;
  const first = (fnNode as ts.SignatureDeclaration).parameters[0];
  return { param: first && ts.isIdentifier(first.name) ? first.name.text : undefined, narrowed: false, tryCalls };
}
