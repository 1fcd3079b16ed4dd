// Small helpers every framework recognizer shares.
import * as ts from 'typescript';
import { indentAt } from '../edits';
import { bodyFacts } from '../facts';
import { unwrapExpr } from '../syntax';
import type { ResolvedCode } from '../resolve';
import type { BodyFacts, CodeEditPlan, Framework, NamedStatusFamily, SiteKind, StatusSlot } from '../model';
import type { ChainLink, ResponseCall, WalkContext } from '../walk/contract';

/** The text of a string-like literal, or undefined. */
export function literalText(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return undefined;
}

/** A string, template or string literal: what a URL or a message argument looks like. */
export function isStringish(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isTemplateExpression(e) || ts.isNoSubstitutionTemplateLiteral(e);
}

/** Header names written by `set('Retry-After', x)`, `set({ Location: x })` or `new Headers({...})`. */
export function headerNamesOf(arg: ts.Expression | undefined): string[] {
  if (!arg) return [];
  const single = literalText(arg);
  if (single !== undefined) return [single.toLowerCase()];
  let obj: ts.Expression = unwrapExpr(arg);
  if (ts.isNewExpression(obj) && obj.arguments?.[0]) obj = unwrapExpr(obj.arguments[0]);
  if (ts.isObjectLiteralExpression(obj)) {
    const names: string[] = [];
    for (const p of obj.properties) {
      const n = p.name;
      if (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n))) names.push(n.text.toLowerCase());
    }
    return names;
  }
  if (ts.isArrayLiteralExpression(obj)) {
    // [['Location', url], ...]
    return obj.elements.flatMap((el) => (ts.isArrayLiteralExpression(el) ? headerNamesOf(el.elements[0]) : []));
  }
  return [];
}

/** The property `name` of an object literal (`{ status: 404 }`), as an assignment or shorthand. */
export function objectProp(obj: ts.Expression | undefined, name: string): ts.ObjectLiteralElementLike | undefined {
  if (!obj) return undefined;
  const o = unwrapExpr(obj);
  if (!ts.isObjectLiteralExpression(o)) return undefined;
  return o.properties.find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
}

/** The value of `name` in an object literal: `{ status: 404 }` → 404; shorthand `{ status }` → the name. */
export function objectPropValue(obj: ts.Expression | undefined, name: string): ts.Expression | undefined {
  const p = objectProp(obj, name);
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** How a "change the code" fix rewrites a resolved status expression. */
export function replacePlan(resolved: ResolvedCode, w: WalkContext): CodeEditPlan {
  const span = w.span(resolved.node);
  switch (resolved.form) {
    case 'number':
    case 'string':
      return { kind: 'replace', span, style: 'number' };
    case 'constant': {
      if (ts.isCallExpression(resolved.node)) return { kind: 'replace', span, style: 'number' }; // statuses('Not Found')
      const name = resolved.constantName ?? '';
      const dot = name.lastIndexOf('.');
      return dot > 0 ? { kind: 'replace', span, style: 'constant', constantPrefix: name.slice(0, dot) } : { kind: 'replace', span, style: 'number' };
    }
    default:
      return { kind: 'none' };
  }
}

/**
 * Insert a statement before the statement holding the current node (`reply.code(404);`), when that
 * statement sits directly in a statement list, so the insertion cannot change which branch runs.
 */
export function statementBeforePlan(w: WalkContext, statementTemplate: string): CodeEditPlan {
  const anc = w.ancestors;
  for (let i = anc.length - 1; i > 0; i--) {
    const a = anc[i];
    if (ts.isExpressionStatement(a) || ts.isReturnStatement(a) || ts.isVariableStatement(a) || ts.isThrowStatement(a)) {
      const parent = anc[i - 1];
      if (!(ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent))) return { kind: 'none' };
      const at = a.getStart(w.sf);
      return { kind: 'insert', at, template: `${statementTemplate}\n${indentAt(w.text, at)}` };
    }
    if (ts.isBlock(a) || ts.isSourceFile(a) || ts.isFunctionLike(a)) break;
  }
  return { kind: 'none' };
}

/**
 * The codes a status expression stands for (two for `ok ? 200 : 503`). Recognizers drop the
 * unknowable ones on receivers known only by their usual name (`ctx.status = 'idle'` in a reducer).
 */
export function statusCodes(expr: ts.Expression, w: WalkContext): ResolvedCode[] {
  return w.resolve(expr);
}

/** What a completion at a status slot should rank first, from what the handler is doing. */
export function slotHint(w: WalkContext, kind?: SiteKind): StatusSlot['hint'] {
  if (kind === 'redirect') return 'redirect';
  if (kind === 'exception') return 'error';
  const fn = w.fn;
  if (fn && fn.catches.length > 0) return 'error';
  const g = w.innermostGuard();
  if (g && g.kind !== 'other' && !g.negated) return g.kind === 'auth-missing' || g.kind === 'permission' ? 'auth' : 'error';
  for (let f = fn; f; f = f.parent) {
    const m = f.route?.method;
    if (!m) continue;
    if (m === 'POST') return 'create';
    if (m === 'DELETE') return 'delete';
    if (m === 'PUT' || m === 'PATCH') return 'update';
    if (m === 'GET' || m === 'HEAD') return 'read';
    return undefined;
  }
  return undefined;
}

/** A status argument position for completion: the expression's span, or an empty span where it is missing. */
export function addSlot(w: WalkContext, framework: Framework, at: ts.Expression | number, kind?: SiteKind): void {
  const span = typeof at === 'number' ? { start: at, end: at } : w.span(at);
  w.addSlot({ ...span, framework, hint: slotHint(w, kind) });
}

/** The empty slot inside a call's parentheses: `res.status()` → between the parentheses. */
export function emptyArgsAt(call: ts.CallExpression | ts.NewExpression): number {
  const args = call.arguments;
  return args ? args.end : call.getEnd() - 1;
}

/**
 * The response chain `call` ends, or undefined when its root is not a response. The walker computes
 * it once per call (WalkContext.responseCallOf): every response recognizer asks.
 */
export function findResponseCall(call: ts.CallExpression, w: WalkContext): ResponseCall | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  // Runs for every method call: find the chain's root and check it is a response before allocating.
  let e: ts.Expression = call;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
  const receiver = w.responseName(e);
  if (!receiver) return undefined;
  const links: ChainLink[] = [];
  for (let x: ts.Expression = call; ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression); x = x.expression.expression) {
    links.push({ call: x, method: x.expression.name.text });
  }
  links.reverse();
  const link = links[links.length - 1];
  return { receiver, links, link, method: link.method, framework: w.receiverFramework(receiver), strong: w.isStrongReceiver(receiver) };
}

/** The calls chained after `call` in its expression: res.status(404) → .json(x) → ... via the ancestors. */
export function chainedAfter(call: ts.CallExpression, ancestors: readonly ts.Node[]): ChainLink[] {
  const out: ChainLink[] = [];
  let current: ts.Node = call;
  for (let i = ancestors.length - 1; i >= 1; i--) {
    if (ancestors[i] !== current) continue;
    const parent = ancestors[i - 1];
    const grand = ancestors[i - 2];
    if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === current && grand && ts.isCallExpression(grand) && grand.expression === parent) {
      out.push({ call: grand, method: parent.name.text });
      current = grand;
      i -= 1;
      continue;
    }
    break;
  }
  return out;
}

/** The message of an error constructor or factory, when it is a literal string. */
export function messageOf(arg: ts.Expression | undefined): string | undefined {
  if (!arg) return undefined;
  const e = unwrapExpr(arg);
  const text = literalText(e);
  if (text !== undefined) return text;
  const m = objectPropValue(e, 'message');
  return m ? literalText(unwrapExpr(m)) : undefined;
}

/** True when the walk is inside a decorator (`@HttpCode(204)`): the Nest recognizer reads those itself. */
export function isInDecorator(w: WalkContext): boolean {
  for (let i = w.ancestors.length - 1; i >= 0; i--) {
    const a = w.ancestors[i];
    if (ts.isDecorator(a)) return true;
    if (ts.isFunctionLike(a) || ts.isClassLike(a)) return false;
  }
  return false;
}

/** The body a send writes; `JSON.stringify({ ... })` (res.end, new Response) stands for the object. */
export function responseBody(arg: ts.Expression | undefined, w: WalkContext): BodyFacts | undefined {
  if (!arg) return undefined;
  const e = unwrapExpr(arg);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'JSON' && e.expression.name.text === 'stringify') {
    return bodyFacts(e.arguments[0], w.sf);
  }
  return bodyFacts(arg, w.sf);
}

/** The status argument of ctx.throw / createError-style calls: the first argument that is a status. */
export function errorStatusArg(args: readonly ts.Expression[], w: WalkContext): ts.Expression | undefined {
  for (const a of args) {
    const e = unwrapExpr(a);
    if (literalText(e) !== undefined && !/^\d{3}$/.test(literalText(e)!.trim())) continue; // a message
    if (ts.isObjectLiteralExpression(e) || ts.isTemplateExpression(e)) continue; // props, a message
    if (ts.isNewExpression(e)) continue; // an error to wrap
    if (w.resolve(e).some((r) => r.code !== undefined)) return a;
    // err.status, upstream.statusCode: a dynamic status (err.message is not one)
    if (ts.isPropertyAccessExpression(e) && /^(status|statusCode)$/.test(e.name.text)) return a;
  }
  return undefined;
}

/** An error factory's message: its first string argument that is not a code (`createError(404, 'No user')`). */
export function errorMessageArg(args: readonly ts.Expression[]): string | undefined {
  for (const a of args) {
    const t = literalText(unwrapExpr(a));
    if (t !== undefined && !/^\d{3}$/.test(t.trim())) return t;
  }
  return undefined;
}

/** Where an error that carries a status is made: the framework whose handler sends it, and what it says. */
export interface ErrorWhere {
  framework: Framework;
  node: ts.Node;
  message?: string;
  headers: { name: string; span: { start: number; end: number } }[];
}

/** An error whose name is its status (`createError.NotFound()`, `Boom.notFound()`, `httpErrors.notFound()`), thrown or handed on. */
export function addNamedErrorSite(where: ErrorWhere, family: NamedStatusFamily, code: number, nameNode: ts.Identifier, renamable: boolean, w: WalkContext): void {
  const codeEdit: CodeEditPlan = renamable ? { kind: 'rename', span: w.span(nameNode), family } : { kind: 'none' };
  w.addSite({ framework: where.framework, kind: 'exception', resolved: { code, form: 'named', node: nameNode }, reportNode: nameNode, codeEdit, sendHow: 'thrown', sendSpan: w.span(where.node), message: where.message, headers: where.headers });
}

/** An error given its status as an argument (`createError(404)`, `new ApiError(404, msg)`). */
export function addNumberedErrorSite(where: ErrorWhere, statusExpr: ts.Expression, w: WalkContext): void {
  addSlot(w, where.framework, statusExpr, 'exception');
  for (const resolved of statusCodes(statusExpr, w)) {
    w.addSite({ framework: where.framework, kind: 'exception', resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w), sendHow: 'thrown', sendSpan: w.span(where.node), message: where.message, headers: where.headers });
  }
}

/** Headers an error carries to the response: `{ headers: { 'WWW-Authenticate': ... } }` props. */
export function errorHeaders(args: readonly ts.Expression[], w: WalkContext): { name: string; span: { start: number; end: number } }[] {
  for (const a of args) {
    const h = objectPropValue(a, 'headers');
    if (h) return headerNamesOf(h).map((name) => ({ name, span: w.span(h) }));
  }
  return [];
}

/**
 * `res.status(n)` / `reply.code(n)`: a completion slot and one site per code it may stand for,
 * linked to the send chained after it (`.json(x)`), whose first argument is the body. Express and
 * Fastify differ only in their send methods and in how a body argument reads.
 */
export function addStatusCallSite(
  call: ts.CallExpression,
  w: WalkContext,
  options: { framework: Framework; receiver: string; strong: boolean; sendMethods: ReadonlySet<string>; bodyOf: (arg: ts.Expression | undefined) => BodyFacts | undefined },
): void {
  const { framework, receiver } = options;
  if (call.arguments.length === 0) return addSlot(w, framework, emptyArgsAt(call));
  addSlot(w, framework, call.arguments[0]);
  const send = chainedAfter(call, w.ancestors).find((l) => options.sendMethods.has(l.method));
  for (const resolved of statusCodes(call.arguments[0], w)) {
    // On a receiver known only by its usual name, an unknowable code is more likely not a status.
    if (!options.strong && resolved.code === undefined) continue;
    w.addSite({
      framework,
      kind: 'status-call',
      resolved,
      reportNode: resolved.node,
      codeEdit: replacePlan(resolved, w),
      receiver,
      chainFrom: call,
      sendHow: send ? 'chained' : undefined,
      sendSpan: send ? w.span(send.call) : undefined,
      sendMethod: send?.method,
      body: send && send.method !== 'redirect' ? options.bodyOf(send.call.arguments[0]) : undefined,
    });
  }
}

/**
 * A method call on a response whose receiver belongs to a framework `accepts` takes, every inner link
 * returning the response (`chainable`): where the Express and Fastify recognizers start.
 */
export function responseCall(call: ts.CallExpression, w: WalkContext, chainable: ReadonlySet<string>, accepts: (framework: Framework) => boolean): ResponseCall | undefined {
  const found = w.responseCallOf(call);
  if (!found || !accepts(found.framework)) return undefined;
  for (let i = 0; i < found.links.length - 1; i++) if (!chainable.has(found.links[i].method)) return undefined;
  return found;
}
