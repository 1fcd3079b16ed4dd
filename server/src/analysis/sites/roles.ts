// What the walker needs to know about roles, read from one node at a time: which parameter is a
// response and of which framework, which variables hold a client response, what the file imports.
import * as ts from 'typescript';
import type { Framework } from '../model';
import type { ImportBinding } from '../walk/contract';
import { ID } from '../../frameworks/ids';

export function paramName(p: ts.ParameterDeclaration | undefined): string | undefined {
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/** `reply: FastifyReply` → 'FastifyReply'; `ctx: Koa.Context` → 'Koa.Context'. */
export function paramTypeName(p: ts.ParameterDeclaration | undefined): string | undefined {
  const t = p?.type;
  if (t && ts.isTypeReferenceNode(t)) {
    const n = t.typeName;
    return ts.isIdentifier(n) ? n.text : ts.isIdentifier(n.left) ? `${n.left.text}.${n.right.text}` : n.right.text;
  }
  return undefined;
}

/**
 * The framework a response parameter's type names, if it names one. `handlerShaped`: the function
 * also takes a request (a parameter named req/request or typed Request).
 */
export function frameworkOfType(typeName: string, bindings: ReadonlyMap<string, ImportBinding>, handlerShaped: boolean): Framework | undefined {
  const last = typeName.slice(typeName.lastIndexOf('.') + 1);
  const qualifier = typeName.includes('.') ? typeName.slice(0, typeName.indexOf('.')) : undefined;
  const from = bindings.get(qualifier ?? typeName)?.module;
  switch (last) {
    case 'FastifyReply':
      return ID.fastify;
    case 'ServerResponse':
      return ID.nodeHttp;
    case 'NextApiResponse':
      return ID.next;
    case 'ParameterizedContext':
    case 'RouterContext':
    case 'ExtendableContext':
      return ID.koa;
    case 'Context':
      if (from === ID.hono || from?.startsWith(`${ID.hono}/`)) return ID.hono;
      if (from === ID.koa || from === '@koa/router' || from === 'koa-router' || qualifier === 'Koa') return ID.koa;
      return undefined; // decided by the name (c → hono, ctx → koa)
    case 'Response':
      // Express's Response is imported, or named through its global namespace (Express.Response). A
      // `Response` nobody imported is the fetch API's, a response the code received, unless the
      // function has the handler's shape, (req: Request, res: Response), as in a snippet without imports.
      if (from === ID.express || qualifier === ID.express || qualifier === 'Express') return ID.express;
      return from === undefined && qualifier === undefined && handlerShaped ? ID.express : undefined;
    case 'ExpressResponse':
      return from === undefined || from === ID.express || qualifier === ID.express ? ID.express : undefined;
    default:
      return undefined;
  }
}

/**
 * Servers that are not this HTTP server: LDAP, WebSocket, raw sockets, gRPC, and the mocks and
 * proxies of tests and gateways. Their handlers take a `req`/`res` too, which are not an HTTP
 * response (ldapjs's `res.end()` ends a search), so a file using one gets no role from names alone.
 */
const OTHER_SERVER_MODULE =
  /^(ldapjs|ws|socket\.io|socket\.io-client|(node:)?(net|tls|dgram)|@grpc\/grpc-js|grpc|nock|msw(\/.*)?|http-proxy|http-proxy-middleware|mqtt|aedes)$/;

export function isOtherServerModule(module: string): boolean {
  return OTHER_SERVER_MODULE.test(module);
}

export function importsOtherServer(imports: ReadonlySet<string>): boolean {
  for (const m of imports) if (OTHER_SERVER_MODULE.test(m)) return true;
  return false;
}

/** Calls whose result is an HTTP *client* response: `const res = await fetch(url)` is not ours. */
const CLIENT_CALLS = /^(fetch|axios|got|request|superagent|supertest|ky|undici|get|post|put|patch|delete|head|inject)$/i;

export function isClientResponseInit(init: ts.Expression): boolean {
  let e = init;
  if (ts.isAwaitExpression(e)) e = e.expression;
  while (ts.isCallExpression(e)) {
    const callee = e.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (CLIENT_CALLS.test(name)) return true;
    if (ts.isPropertyAccessExpression(callee)) e = callee.expression;
    else break;
  }
  return false;
}

/** `host.switchToHttp().getResponse()` (Nest filters/guards), `ctx.getResponse<Response>()`: a server response. */
export function isServerResponseInit(init: ts.Expression): boolean {
  const e = ts.isAwaitExpression(init) ? init.expression : init;
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'getResponse';
}

/** Top-level imports and requires only: a cheap look at the first level of statements. */
export function topLevelImports(sf: ts.SourceFile): { imports: Set<string>; bindings: Map<string, ImportBinding> } {
  const imports = new Set<string>();
  const bindings = new Map<string, ImportBinding>();
  const requireOf = (init: ts.Expression | undefined): string | undefined => {
    let e = init;
    // require('x').default, require('x')(), await import('x')
    while (
      e &&
      (ts.isPropertyAccessExpression(e) ||
        ts.isAwaitExpression(e) ||
        (ts.isCallExpression(e) && !(ts.isIdentifier(e.expression) && e.expression.text === 'require')))
    ) {
      e = e.expression;
    }
    if (e && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') {
      const spec = e.arguments[0];
      return spec && ts.isStringLiteral(spec) ? spec.text : undefined;
    }
    return undefined;
  };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const module = st.moduleSpecifier.text;
      imports.add(module);
      const clause = st.importClause;
      if (clause?.name) bindings.set(clause.name.text, { module, name: 'default' });
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { module, name: '*' });
      else if (named) for (const el of named.elements) bindings.set(el.name.text, { module, name: (el.propertyName ?? el.name).text });
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
      imports.add(st.moduleReference.expression.text);
      bindings.set(st.name.text, { module: st.moduleReference.expression.text, name: '*' });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const module = requireOf(d.initializer);
        if (!module) continue;
        imports.add(module);
        if (ts.isIdentifier(d.name)) bindings.set(d.name.text, { module, name: '*' });
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
            bindings.set(el.name.text, { module, name: imported });
          }
        }
      }
    }
  }
  return { imports, bindings };
}

export function bindingNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
  return out;
}
