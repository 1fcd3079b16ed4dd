// Does a response carry content, and how to take the content out, for the 204/304 rules.
import * as ts from 'typescript';
import { unwrapAwaited } from '../../analysis/syntax';
import type { SendEvent, StatusSite, TextEdit } from '../../analysis/types';
import { fileIndex } from './fileIndex';
import { calleeName, declarationOf, forEachInFunction, listStatement, nodeAt, skipOuter, treeOf } from './syntax';
import type { RuleContext } from '../types';
import { pluginFor } from '../../frameworks/registry';

export type BodyState = 'empty' | 'present' | 'unknown';

const SENT_HERE = new Set<StatusSite['send']['how']>(['chained', 'same-call', 'later', 'returned', 'framework']);
/** Send methods whose first argument is the body: no argument means no body. */
const BODY_ARG_SENDS = new Set(['end', 'send', 'json', 'jsonp', 'body', 'text', 'html']);
/** Sends that serialise their argument as JSON: `json(null)` sends the body `null`, not nothing. */
const JSON_SENDS = new Set(['json', 'jsonp']);
/** Content types of a body written over time: Server-Sent Events, raw bytes, a multipart feed, NDJSON. */
const STREAM_TYPES = /text\/event-stream|application\/octet-stream|multipart\/x-mixed-replace|application\/x-ndjson/i;
/** Calls that write content bit by bit, or send the head early for a stream to follow. */
const STREAMING_SENDS = new Set(['write', 'flushHeaders', 'pipe']);

function isEmptyLiteralText(text: string): boolean {
  return /^(''|""|``)$/.test(text.trim());
}

/** The method a Nest decorator sits on, with what it returns. */
function decoratedMethod(ctx: RuleContext, site: StatusSite): ts.MethodDeclaration | undefined {
  const node = nodeAt(treeOf(ctx), site.span);
  for (let p = node; p; p = p.parent) if (ts.isMethodDeclaration(p)) return p;
  return undefined;
}

/** Nest: a handler that injects @Res()/@Response()/@Next() builds its response by hand; the decorator doesn't decide the body. */
function usesManualResponse(method: ts.MethodDeclaration): boolean {
  return method.parameters.some((p) => (ts.getDecorators(p) ?? []).some((d) => /^@(Res|Response|Next)\b/.test(d.getText())));
}

function nestBodyState(method: ts.MethodDeclaration): BodyState {
  if (!method.body || usesManualResponse(method) || (ts.getDecorators(method) ?? []).some((d) => /^@(Render|Redirect|Sse)\b/.test(d.getText())))
    return 'unknown';
  const returned: ts.Expression[] = [];
  forEachInFunction(method.body, (n) => {
    if (ts.isReturnStatement(n) && n.expression) returned.push(unwrapAwaited(n.expression));
  });
  if (returned.length === 0) return 'empty';
  const literal = (e: ts.Expression) =>
    ts.isObjectLiteralExpression(e) ||
    ts.isArrayLiteralExpression(e) ||
    ((ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) && !isEmptyLiteralText(e.getText()));
  return returned.some(literal) ? 'present' : 'unknown';
}

/** Calls whose result is always content: `JSON.stringify(x)`, `String(x)`, `x.toString()`. */
const CONTENT_CALLS = new Set(['stringify', 'String', 'toString', 'toJSON']);

/**
 * The body is what a call returned (`send(await svc.drop(id))`, or a constant holding it): that may
 * well be undefined, so whether content goes out is unknown.
 */
function callResult(ctx: RuleContext, body: NonNullable<StatusSite['body']>): boolean {
  let value: ts.Expression | undefined;
  const node = nodeAt(treeOf(ctx), body.span);
  if (!node || !ts.isExpression(node)) return false;
  if (body.kind === 'call') value = node;
  else if (body.kind === 'identifier' && ts.isIdentifier(node)) {
    const decl = declarationOf(node.text, node);
    const isConst = decl && ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    value = isConst ? decl.initializer : undefined;
  }
  const call = value && unwrapAwaited(value);
  return !!call && ts.isCallExpression(call) && !CONTENT_CALLS.has(calleeName(call) ?? '');
}

/** Whether the site's response carries content; 'unknown' whenever the analysis can't be sure. */
export function bodyState(ctx: RuleContext, site: StatusSite): BodyState {
  if (site.kind === 'decorator' && pluginFor(site.framework).decoratorBodyIsReturned) {
    const method = decoratedMethod(ctx, site);
    return method ? nestBodyState(method) : 'unknown';
  }
  if (site.kind === 'send-status' || site.kind === 'exception' || site.kind === 'framework-default' || !SENT_HERE.has(site.send.how)) return 'unknown';
  const body = site.body;
  if (body) {
    if (body.kind === 'null') return body.text.trim() === 'null' && JSON_SENDS.has(site.send.method ?? '') ? 'present' : 'empty';
    if (body.kind === 'string' && isEmptyLiteralText(body.text)) return 'empty';
    return callResult(ctx, body) ? 'unknown' : 'present';
  }
  // No body facts: empty only when the send call visibly passes nothing (`res.status(200).end()`).
  // Koa-style framework sends without a body answer the reason phrase.
  if (site.send.how === 'framework' || !site.send.span || !site.send.method || !BODY_ARG_SENDS.has(site.send.method)) return 'unknown';
  const call = nodeAt(treeOf(ctx), site.send.span);
  if (!call || !ts.isCallExpression(call) || call.arguments.length > 0) return 'unknown';
  return 'empty';
}

/**
 * The response's body is streamed: a streaming content type or Transfer-Encoding, or writes on this
 * response in the site's function or a callback of its handler (`setInterval(() => res.write(...))`).
 * Its status starts the stream; ending or changing it breaks the stream.
 */
export function streamsBody(ctx: RuleContext, site: StatusSite): boolean {
  for (const h of site.headers) {
    if (h.name === 'transfer-encoding') return true;
    if (h.name === 'content-type' && STREAM_TYPES.test(ctx.text.slice(h.span.start, h.span.end))) return true;
  }
  if (!site.receiver) return false;
  const index = fileIndex(ctx);
  const streams = (s: SendEvent) => s.receiver === site.receiver && STREAMING_SENDS.has(s.method);
  // Writes in the site's own function, or anywhere in its handler (a callback that streams).
  if (site.flow && index.sendsOf(site.flow.fn).some(streams)) return true;
  if (site.handler) for (const s of index.sendsWithin(site.handler.span)) if (streams(s)) return true;
  return false;
}

/** A body worth sending: not `{}`, `[]`, `''` or `null`. */
export function meaningfulBody(site: StatusSite): boolean {
  const body = site.body;
  if (!body) return site.kind === 'decorator';
  if (body.kind === 'null') return false;
  if (body.kind === 'object') return body.props.length > 0 || !/^\{\s*\}$/.test(body.text);
  if (body.kind === 'string') return !isEmptyLiteralText(body.text);
  return !/^\[\s*\]$/.test(body.text.trim());
}

/** Fetch-based frameworks build a `Response`, whose constructor throws for a body on a null-body status. */
export function isFetchResponse(site: StatusSite): boolean {
  return site.kind === 'response-init' || pluginFor(site.framework).buildsFetchResponse === true;
}

/**
 * The edit that sends no content while keeping the status: `res.status(204).end()`,
 * `reply.code(204).send()`, `c.body(null, 204)`, `new Response(null, init)`, `ctx.body = …` removed.
 */
export function removeBodyEdits(ctx: RuleContext, site: StatusSite): TextEdit[] | undefined {
  if (!site.body) return undefined;
  const sf = treeOf(ctx);
  const bodyNode = nodeAt(sf, site.body.span);
  if (!bodyNode) return undefined;
  const slot = skipOuter(bodyNode);
  const parent = slot.parent;
  if (ts.isNewExpression(parent) && parent.arguments?.[0] === slot) return [{ start: slot.getStart(), end: slot.getEnd(), newText: 'null' }];
  if (ts.isCallExpression(parent) && parent.arguments[0] === slot && ts.isPropertyAccessExpression(parent.expression)) {
    const callee = parent.expression;
    const owner = callee.expression.getText(sf);
    const method = callee.name.text;
    // Response.json(x, init) / NextResponse.json(x, init) → new Response(null, init)
    if ((owner === 'Response' || owner === 'NextResponse') && method === 'json')
      return [{ start: parent.getStart(), end: slot.getEnd(), newText: `new ${owner}(null` }];
    const plugin = pluginFor(site.framework);
    if (plugin.bodyNullCalls?.includes(method)) return [{ start: callee.name.getStart(), end: slot.getEnd(), newText: 'body(null' }];
    if (parent.arguments.length !== 1) return undefined;
    // reply.send(x) → reply.send(): the call that finishes the response without a body.
    if (plugin.finishMethod) return method === plugin.finishMethod ? [{ start: slot.getStart(), end: slot.getEnd(), newText: '' }] : undefined;
    if (['send', 'json', 'jsonp', 'end'].includes(method)) return [{ start: callee.name.getStart(), end: parent.getEnd(), newText: 'end()' }];
    return undefined;
  }
  // Koa: ctx.body = x → remove the statement (its own line).
  if (ts.isBinaryExpression(parent) && parent.right === slot && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const stmt = listStatement(parent);
    if (!stmt || !ts.isExpressionStatement(stmt) || stmt.expression !== parent) return undefined;
    const text = ctx.text;
    const lineStart = text.lastIndexOf('\n', stmt.getStart() - 1) + 1;
    const lineEnd = text.indexOf('\n', stmt.getEnd());
    const aloneOnLine = text.slice(lineStart, stmt.getStart()).trim() === '' && text.slice(stmt.getEnd(), lineEnd < 0 ? text.length : lineEnd).trim() === '';
    return aloneOnLine
      ? [{ start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, newText: '' }]
      : [{ start: stmt.getStart(), end: stmt.getEnd(), newText: '' }];
  }
  // Fastify async handler: `reply.code(204); return { ... }` → `return reply.send()`
  const finish = pluginFor(site.framework).finishMethod;
  if (ts.isReturnStatement(parent) && finish && site.receiver) return [{ start: slot.getStart(), end: slot.getEnd(), newText: `${site.receiver}.${finish}()` }];
  return undefined;
}
