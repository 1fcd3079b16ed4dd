// The web Response and what builds on it: Next.js route handlers and middleware, Remix / React Router.
//   new Response(body, { status, headers }) · Response.json(body, { status }) · Response.redirect(url, n) (302)
//   NextResponse.json(body, { status }) · NextResponse.redirect(url, n) (307) · new NextResponse(body, { status })
//   json(body, n | init) / redirect(url, n | init) (302) from @remix-run/* or react-router.
//   Without a status the Response is the implicit 200: the fix inserts `, { status: {code} }`.
// A Response kept in a variable is sent where the variable is returned; `res.headers.set(...)` before
// that adds headers. Next.js app-router files give route facts: `export async function POST` in
// app/api/users/[id]/route.ts is POST /api/users/[id].
import * as ts from 'typescript';
import { ID } from '../ids';
import type { CodeEditPlan, Framework, SiteKind } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { emptyArgsAt, headerNamesOf, objectProp, objectPropValue } from '../../analysis/sites/argumentReaders';
import { isInDecorator, responseBody } from '../../analysis/sites/responseCalls';
import { addSlot, replacePlan, statusCodes } from '../../analysis/sites/siteReports';
import { unwrapExpr } from '../../analysis/syntax';
import { importsOtherServer } from '../../analysis/sites/roles';

/** The methods a Next.js route file may export. */
const NEXT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']);

const REMIX_MODULES = /^(@remix-run\/(node|cloudflare|deno|server-runtime|react)|react-router|@vercel\/remix)$/;

type Builder = { kind: 'construct' | 'json' | 'redirect'; framework: Framework; defaultRedirect: number };

/** `fetch`'s Response, or Next.js's in a Next.js file or handler. */
function fetchFramework(w: WalkContext): Framework {
  return w.imports.has('next/server') || w.handlerFramework() === ID.next ? ID.next : 'fetch';
}

/** True when `name` is the global (not a local or an import from elsewhere than Next.js). */
function isGlobal(name: string, w: WalkContext): boolean {
  return !w.lookup(name) && (!w.bindings.has(name) || w.bindings.get(name)!.module.startsWith(ID.next));
}

/** What a `new X(...)` or `X.json(...)`/`json(...)` builds, if it is a server Response. */
function builderOf(node: ts.CallExpression | ts.NewExpression, w: WalkContext): Builder | undefined {
  // Runs for every call: the callee's names first, the walk context only for the few that match.
  const callee = node.expression;
  if (ts.isNewExpression(node)) {
    if (!ts.isIdentifier(callee)) return undefined;
    if (callee.text === 'Response' && isGlobal('Response', w)) return { kind: 'construct', framework: fetchFramework(w), defaultRedirect: 302 };
    if (callee.text === 'NextResponse') return { kind: 'construct', framework: ID.next, defaultRedirect: 307 };
    return undefined;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if ((method !== 'json' && method !== 'redirect') || !ts.isIdentifier(callee.expression)) return undefined;
    const holder = callee.expression.text;
    if (holder === 'Response' && isGlobal('Response', w)) return { kind: method, framework: fetchFramework(w), defaultRedirect: 302 };
    if (holder === 'NextResponse') return { kind: method, framework: ID.next, defaultRedirect: 307 };
    return undefined;
  }
  if (ts.isIdentifier(callee) && (callee.text === 'json' || callee.text === 'redirect' || callee.text === 'data')) {
    const b = w.bindings.get(callee.text);
    if (b && REMIX_MODULES.test(b.module)) return { kind: callee.text === 'redirect' ? 'redirect' : 'json', framework: 'fetch', defaultRedirect: 302 };
  }
  return undefined;
}

/** The variable a Response is stored in: `const res = NextResponse.json(...)`. */
function storedIn(node: ts.Node, w: WalkContext): string | undefined {
  const anc = w.ancestors;
  let i = anc.length - 1;
  while (i > 0 && anc[i] !== node) i--;
  let parent = anc[i - 1];
  while (parent && (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent))) parent = anc[--i - 1];
  return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** Where a fix puts a status into a Response that has none. */
function insertPlan(node: ts.CallExpression | ts.NewExpression, initIndex: number, w: WalkContext): CodeEditPlan {
  const args = node.arguments;
  if (!args) return { kind: 'none' };
  const init = args[initIndex];
  if (init) {
    const i = unwrapExpr(init);
    return ts.isObjectLiteralExpression(i) ? { kind: 'insert', at: i.getStart(w.sf) + 1, template: ' status: {code},' } : { kind: 'none' };
  }
  if (args.length === initIndex) return { kind: 'insert', at: args[initIndex - 1].getEnd(), template: ', { status: {code} }' };
  // new Response(): no body either
  if (args.length === 0 && initIndex === 1) return { kind: 'insert', at: emptyArgsAt(node), template: 'null, { status: {code} }' };
  return { kind: 'none' };
}

function handleBuilder(node: ts.CallExpression | ts.NewExpression, w: WalkContext): void {
  const b = builderOf(node, w);
  if (!b || isInDecorator(w)) return;
  // msw's `http.get(url, () => new Response(...))` answers this code's own requests in a test, not a client's.
  if (importsOtherServer(w.imports) && !w.handlerFramework()) return;
  const args: readonly ts.Expression[] = node.arguments ?? [];
  const isRedirect = b.kind === 'redirect';
  const initIndex = 1;
  const second = args[initIndex];
  const initObj = second && ts.isObjectLiteralExpression(unwrapExpr(second)) ? second : undefined;
  // Response.redirect(url, 301) / NextResponse.redirect(url, 301) / json(data, 404): a bare number is the status.
  const statusExpr = initObj ? objectPropValue(initObj, 'status') : b.kind !== 'construct' ? second : undefined;
  const headerExpr = initObj ? objectPropValue(initObj, 'headers') : undefined;
  const headers = headerNamesOf(headerExpr).map((name) => ({ name, span: w.span(headerExpr!) }));
  if (isRedirect) headers.push({ name: 'location', span: w.span(node) });
  const body = isRedirect ? undefined : responseBody(args[0], w);
  const kind: SiteKind = isRedirect ? 'redirect' : 'response-init';
  // Without a status a Response is the implicit 200: an 'implicit-send' like every framework's.
  const implicitKind: SiteKind = isRedirect ? 'redirect' : 'implicit-send';
  const receiver = storedIn(node, w);
  if (receiver) w.markResponse(receiver, b.framework);
  const common = {
    framework: b.framework,
    kind,
    receiver,
    chainFrom: node,
    body,
    headers,
    sendHow: receiver ? undefined : ('same-call' as const),
    sendSpan: w.span(node),
    sendMethod: ts.isNewExpression(node) ? 'new' : b.kind,
  };
  const statusProp = initObj ? objectProp(initObj, 'status') : undefined;
  if (statusExpr && !(ts.isIdentifier(statusExpr) && statusExpr.text === '')) {
    addSlot(w, b.framework, statusExpr, kind);
    for (const resolved of statusCodes(statusExpr, w)) {
      w.addSite({ ...common, resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w) });
    }
    return;
  }
  if (statusProp) {
    // `{ status: }` being typed: a slot, no site yet.
    addSlot(w, b.framework, statusProp.getEnd(), kind);
    return;
  }
  const code = isRedirect ? b.defaultRedirect : 200;
  const reportNode = node.expression;
  const codeEdit =
    isRedirect && !initObj
      ? args[0]
        ? ({ kind: 'insert', at: args[0].getEnd(), template: ', {code}' } as CodeEditPlan)
        : ({ kind: 'none' } as CodeEditPlan)
      : insertPlan(node, initIndex, w);
  w.addSite({ ...common, kind: implicitKind, resolved: { code, form: 'implicit', node: reportNode as ts.Expression }, reportNode, codeEdit });
}

/** The Next.js app-router path of a route file: .../app/api/users/[id]/route.ts → /api/users/[id]. */
export function nextRoutePath(fileName: string): string | undefined {
  const parts = fileName.replace(/\\/g, '/').split('/');
  const base = parts[parts.length - 1];
  if (!/^route\.(m?[jt]sx?|cjs)$/.test(base)) return undefined;
  const appAt = parts.lastIndexOf('app');
  if (appAt < 0) return undefined;
  // Route groups `(admin)` and parallel slots `@modal` are not part of the URL.
  const segments = parts.slice(appAt + 1, -1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return '/' + segments.join('/');
}

/** `export async function POST(...)` / `export const GET = async (...) => ...` at the top level. */
function exportedHandlerName(node: ts.SignatureDeclaration, w: WalkContext): string | undefined {
  const isExported = (n: ts.Node) => !!ts.getModifiers(n as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const anc = w.ancestors;
  const parent = anc[anc.length - 2];
  if (ts.isFunctionDeclaration(node) && node.name && parent && ts.isSourceFile(parent) && isExported(node)) return node.name.text;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const statement = anc[anc.length - 4];
    const file = anc[anc.length - 5];
    if (statement && file && ts.isVariableStatement(statement) && ts.isSourceFile(file) && isExported(statement)) return parent.name.text;
  }
  return undefined;
}

export const fetchRecognizer: Recognizer = {
  framework: 'fetch',

  onNew(node, w) {
    handleBuilder(node, w);
  },

  onCall(call, w) {
    handleBuilder(call, w);
    // res.headers.set('Location', url) / res.headers.append(...) on a Response kept in a variable
    const callee = call.expression;
    if (
      ts.isPropertyAccessExpression(callee) &&
      (callee.name.text === 'set' || callee.name.text === 'append') &&
      ts.isPropertyAccessExpression(callee.expression)
    ) {
      const holder = callee.expression;
      const name = holder.name.text === 'headers' ? w.responseName(holder.expression) : undefined;
      if (name && w.isStrongReceiver(name) && (w.receiverFramework(name) === 'fetch' || w.receiverFramework(name) === ID.next)) {
        for (const h of headerNamesOf(call.arguments[0])) w.addHeader(name, h, call);
      }
      if (holder.name.text === 'cookies' && name === undefined) {
        const owner = w.responseName(holder.expression);
        if (owner && w.isStrongReceiver(owner) && w.receiverFramework(owner) === ID.next) w.addHeader(owner, 'set-cookie', call);
      }
    }
  },

  onReturn(expr, node, w) {
    if (!expr) return;
    const e = unwrapExpr(expr);
    const name = ts.isIdentifier(e) ? w.responseName(e) : undefined;
    if (!name || !w.isStrongReceiver(name)) return;
    const fw = w.receiverFramework(name);
    if (fw === 'fetch' || fw === ID.next) w.addSend(name, 'return', node, { framework: fw, how: 'returned' });
  },

  onFunction(node, fn, w) {
    const name = exportedHandlerName(node, w);
    if (!name || !NEXT_METHODS.has(name)) return;
    const path = nextRoutePath(w.sf.fileName);
    if (path === undefined && !w.imports.has('next/server')) return;
    fn.framework = ID.next;
    fn.isRouteHandler = true;
    fn.role = 'route';
    fn.route = { method: name, path };
    fn.handler = {
      requestName: node.parameters[0] && ts.isIdentifier(node.parameters[0].name) ? node.parameters[0].name.text : undefined,
      isErrorMiddleware: false,
      isAsync: !!ts.getModifiers(node as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
      span: w.span(node),
    };
    if (path !== undefined) w.addRoute({ method: name, path });
  },
};
