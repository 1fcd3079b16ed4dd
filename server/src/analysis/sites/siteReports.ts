// Reporting what a recognizer found: status sites (a status call, an error carrying a status) with
// the plan of their "change the code" fix, and the slots where completion offers codes.
import * as ts from 'typescript';
import { indentAt } from '../edits';
import { unwrapExpr } from '../syntax';
import type { ResolvedCode } from '../resolve';
import type { BodyFacts, CodeEditPlan, Framework, NamedStatusFamily, SiteKind, StatusSlot } from '../model';
import type { WalkContext } from '../walk/contract';
import { emptyArgsAt, headerNamesOf, literalText, objectPropValue } from './argumentReaders';
import { chainedAfter } from './responseCalls';

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

/** Where an error that carries a status is made: the framework whose handler sends it, and what it says. */
export interface ErrorWhere {
  framework: Framework;
  node: ts.Node;
  message?: string;
  headers: { name: string; span: { start: number; end: number } }[];
}

/** An error whose name is its status (`createError.NotFound()`, `Boom.notFound()`, `httpErrors.notFound()`), thrown or handed on. */
export function addNamedErrorSite(
  where: ErrorWhere,
  family: NamedStatusFamily,
  code: number,
  nameNode: ts.Identifier,
  renamable: boolean,
  w: WalkContext,
): void {
  const codeEdit: CodeEditPlan = renamable ? { kind: 'rename', span: w.span(nameNode), family } : { kind: 'none' };
  w.addSite({
    framework: where.framework,
    kind: 'exception',
    resolved: { code, form: 'named', node: nameNode },
    reportNode: nameNode,
    codeEdit,
    sendHow: 'thrown',
    sendSpan: w.span(where.node),
    message: where.message,
    headers: where.headers,
  });
}

/** An error given its status as an argument (`createError(404)`, `new ApiError(404, msg)`). */
export function addNumberedErrorSite(where: ErrorWhere, statusExpr: ts.Expression, w: WalkContext): void {
  addSlot(w, where.framework, statusExpr, 'exception');
  for (const resolved of statusCodes(statusExpr, w)) {
    w.addSite({
      framework: where.framework,
      kind: 'exception',
      resolved,
      reportNode: resolved.node,
      codeEdit: replacePlan(resolved, w),
      sendHow: 'thrown',
      sendSpan: w.span(where.node),
      message: where.message,
      headers: where.headers,
    });
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
  options: {
    framework: Framework;
    receiver: string;
    strong: boolean;
    sendMethods: ReadonlySet<string>;
    bodyOf: (arg: ts.Expression | undefined) => BodyFacts | undefined;
  },
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
