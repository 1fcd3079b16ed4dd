// Response headers for the header rules: is a header (possibly) set on this response, and the edit
// that adds one in the syntax of the site's framework:
//   Express  res.status(401).set('WWW-Authenticate', 'Bearer').json(x)   · res.set(...).sendStatus(401)
//   Fastify  reply.code(401).header(...).send(x)                         · Nest (@Res) .header(...)
//   Koa      ctx.set(...); next to ctx.status = 401                      · node:http res.setHeader(...)
//   Hono     c.header(...); before c.status(201) · c.json(x, 401, { ... }) (the headers argument)
//   Web/Next new Response(x, { status: 401, headers: { ... } })          · res.writeHead(401, { ... })
import * as ts from 'typescript';
import type { StatusSite, TextEdit } from '../../analysis/types';
import { fileIndex } from './fileIndex';
import { enclosingFunction, listStatement, mayShareAPath, newlineIndent, nodeAt, quoteOf, skipOuter, stringLiteral, treeOf } from './syntax';
import type { RuleContext } from '../types';
import { pluginFor } from '../../frameworks/registry';

/** Sends that this handler performs itself: the headers it sets are all we need to see. */
const BUILT_HERE = new Set<StatusSite['send']['how']>(['chained', 'same-call', 'later', 'returned', 'framework']);

/** True when the response is built and sent right here (not thrown, not handed to a helper, not left unsent). */
export function builtHere(site: StatusSite): boolean {
  if (site.kind === 'exception' || site.kind === 'decorator' || site.kind === 'framework-default') return false;
  return BUILT_HERE.has(site.send.how);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The function whose code decides this response: the route handler when known, else the innermost function. */
function scopeOf(ctx: RuleContext, site: StatusSite): { sf: ts.SourceFile; siteNode: ts.Node; fn: ts.Node } | undefined {
  const sf = treeOf(ctx);
  const siteNode = nodeAt(sf, site.span);
  if (!siteNode) return undefined;
  let fn: ts.Node | undefined = site.handler ? nodeAt(sf, site.handler.span) : undefined;
  if (!fn || fn.getStart() > site.span.start || fn.getEnd() < site.span.end) fn = enclosingFunction(siteNode);
  return fn ? { sf, siteNode, fn } : undefined;
}

/** The status's own call or init object carries headers we cannot read (a variable, a spread). */
function opaqueHeadersAtSite(statusNode: ts.Node): boolean {
  const slot = skipOuter(statusNode);
  const parent = slot.parent;
  if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
    return parent.parent.properties.some(
      (p) =>
        ts.isSpreadAssignment(p) ||
        (p.name !== undefined &&
          ts.isIdentifier(p.name) &&
          p.name.text === 'headers' &&
          !(ts.isPropertyAssignment(p) && (ts.isObjectLiteralExpression(p.initializer) || ts.isNewExpression(p.initializer)))),
    );
  }
  if (ts.isCallExpression(parent)) {
    const i = parent.arguments.indexOf(slot as ts.Expression);
    return parent.arguments.slice(i + 1).some((a) => !ts.isObjectLiteralExpression(a) && !ts.isStringLiteralLike(a));
  }
  return false;
}

/**
 * `function tooManyRequests(res) { res.status(429).json(...) }`: a response helper. Its callers may
 * set headers before handing the response over, so its headers are not all in view.
 */
function responseFromCaller(site: StatusSite, siteNode: ts.Node): boolean {
  const receiver = site.receiver;
  if (site.handler || !receiver) return false;
  for (let f = enclosingFunction(siteNode); f; f = enclosingFunction(f)) {
    const names = f.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    if (!names.includes(receiver)) continue;
    // Koa/Hono middleware (ctx, next) and (req, res) handlers answer for themselves.
    return !names.some((n) => n !== receiver && /^(next|req|request|ctx|context|c)$/.test(n)) && !/^(ctx|context|c)$/.test(receiver);
  }
  return false;
}

/**
 * True when `name` is, or may be, set on the site's response: linked by the analysis, or written
 * anywhere in the handler on a path that can reach the site (a header set after `ctx.status = 201`
 * in Koa still counts), or a header write whose names we cannot read. When unsure, true.
 */
export function hasHeader(ctx: RuleContext, site: StatusSite, name: string): boolean {
  const lower = name.toLowerCase();
  if (site.headers.some((h) => h.name === lower)) return true;
  const scope = scopeOf(ctx, site);
  if (!scope) return true;
  const { siteNode, fn } = scope;
  if (opaqueHeadersAtSite(siteNode) || responseFromCaller(site, siteNode)) return true;
  const patterns = [new RegExp(`(['"\`])${escapeRe(name)}\\1`, 'gi')];
  if (/^[A-Za-z]+$/.test(name)) patterns.push(new RegExp(`\\b${name}\\s*:`, 'gi'));
  if (lower === 'location') patterns.push(/\.\s*(location|redirect)\s*\(/g);
  if (site.receiver)
    patterns.push(new RegExp(`\\b${escapeRe(site.receiver)}\\s*\\.\\s*(set|header|headers|setHeader|setHeaders|append)\\s*\\(\\s*(?![\\s'"\`{])`, 'g'));
  const start = fn.getStart();
  const body = ctx.text.slice(start, fn.getEnd());
  for (const re of patterns) {
    for (const m of body.matchAll(re)) {
      const at = nodeAt(scope.sf, { start: start + (m.index ?? 0), end: start + (m.index ?? 0) + 1 });
      if (!at || mayShareAPath(at, siteNode)) return true;
    }
  }
  return false;
}

/** How a chained header call is spelled on this framework's response object. */
function chainMethod(ctx: RuleContext, site: StatusSite): string | undefined {
  // Next.js pages/api responses look like Express's but are plain ServerResponses with helpers.
  if (/(^|[\\/])pages[\\/]api[\\/]/.test(ctx.fileName)) return 'setHeader';
  const spelling = pluginFor(site.framework).headers;
  // Nest may run on Fastify, whose reply has header() but no set(); Express has both.
  if (spelling?.afterStatusUnderNest && fileIndex(ctx).mentionsNest()) return spelling.afterStatusUnderNest;
  return spelling?.afterStatus;
}

function keyCode(name: string, quote: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name, quote);
}

/** Add `key: value` to an object literal, keeping its one-line or multi-line layout. */
export function addPropertyEdit(text: string, obj: ts.ObjectLiteralExpression, property: string): TextEdit {
  const props = obj.properties;
  if (props.length === 0) return { start: obj.getStart(), end: obj.getEnd(), newText: `{ ${property} }` };
  const last = props[props.length - 1];
  const between = text.slice(last.getEnd(), obj.getEnd() - 1);
  const comma = between.indexOf(',');
  const multiline = text.slice(obj.getStart(), obj.getEnd()).includes('\n');
  if (comma >= 0) {
    const at = last.getEnd() + comma + 1;
    return { start: at, end: at, newText: multiline ? `${newlineIndent(text, last.getStart())}${property},` : ` ${property},` };
  }
  return { start: last.getEnd(), end: last.getEnd(), newText: multiline ? `,${newlineIndent(text, last.getStart())}${property}` : `, ${property}` };
}

function statementBefore(text: string, node: ts.Node, code: string): TextEdit | undefined {
  const stmt = listStatement(node);
  if (!stmt) return undefined;
  const at = stmt.getStart();
  return { start: at, end: at, newText: code + newlineIndent(text, at) };
}

/**
 * The edits that set header `name` to `valueCode` (source text, e.g. `'Bearer'` or a template) on
 * the site's response, or undefined when no edit is certain to parse and keep behaviour.
 */
export function insertHeaderEdits(ctx: RuleContext, site: StatusSite, name: string, valueCode: string): TextEdit[] | undefined {
  const sf = treeOf(ctx);
  const statusNode = nodeAt(sf, site.span);
  if (!statusNode) return undefined;
  const text = ctx.text;
  const q = quoteOf(text);
  const nameLit = stringLiteral(name, q);
  const slot = skipOuter(statusNode);
  const parent = slot.parent;
  // `cond ? 429 : 200`: a header added to the shared call would also go on the other status.
  if (!parent || ts.isConditionalExpression(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken))
    return undefined;
  const edit = (e: TextEdit | undefined) => (e ? [e] : undefined);
  switch (site.kind) {
    case 'status-call': {
      if (!ts.isCallExpression(parent) || parent.arguments[0] !== slot || !ts.isPropertyAccessExpression(parent.expression)) return undefined;
      const statement = pluginFor(site.framework).headers?.statementBeforeStatus;
      if (statement) {
        // c.status() returns nothing: set the header in a statement of its own.
        const receiver = parent.expression.expression.getText(sf);
        return edit(statementBefore(text, parent, `${receiver}.${statement}(${nameLit}, ${valueCode});`));
      }
      const method = chainMethod(ctx, site);
      if (!method) return undefined;
      return [{ start: parent.getEnd(), end: parent.getEnd(), newText: `.${method}(${nameLit}, ${valueCode})` }];
    }
    case 'send-status': {
      const method = pluginFor(site.framework).headers?.beforeSendStatus;
      if (!method || !ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return undefined;
      const at = parent.expression.expression.getEnd();
      return [{ start: at, end: at, newText: `.${method}(${nameLit}, ${valueCode})` }];
    }
    case 'status-assign': {
      if (!ts.isBinaryExpression(parent) || parent.right !== slot || !ts.isPropertyAccessExpression(parent.left)) return undefined;
      const stmt = listStatement(parent);
      if (!stmt || !ts.isExpressionStatement(stmt) || stmt.expression !== parent) return undefined;
      const receiver = parent.left.expression.getText(sf);
      const call = `${receiver}.${pluginFor(site.framework).headers?.afterStatusAssign ?? 'setHeader'}(${nameLit}, ${valueCode});`;
      // After the statement's line, so a trailing comment stays with the status it describes.
      const lineEnd = text.indexOf('\n', stmt.getEnd());
      const rest = text.slice(stmt.getEnd(), lineEnd < 0 ? text.length : lineEnd);
      const at = /^\s*(\/\/.*)?$/.test(rest) ? stmt.getEnd() + rest.replace(/\s+$/, '').length : stmt.getEnd();
      return [{ start: at, end: at, newText: newlineIndent(text, stmt.getStart()) + call }];
    }
    case 'write-head': {
      if (!ts.isCallExpression(parent) || parent.arguments[0] !== slot) return undefined;
      const args = parent.arguments;
      const obj = args.slice(1).find(ts.isObjectLiteralExpression);
      if (obj) return [addPropertyEdit(text, obj, `${keyCode(name, q)}: ${valueCode}`)];
      const after = args.length === 1 ? args[0] : args.length === 2 && ts.isStringLiteralLike(args[1]) ? args[1] : undefined;
      return after ? [{ start: after.getEnd(), end: after.getEnd(), newText: `, { ${keyCode(name, q)}: ${valueCode} }` }] : undefined;
    }
    case 'response-init': {
      const property = `${keyCode(name, q)}: ${valueCode}`;
      if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
        const init = parent.parent;
        const headers = init.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'headers');
        if (!headers) return [addPropertyEdit(text, init, `headers: { ${property} }`)];
        if (!ts.isPropertyAssignment(headers)) return undefined;
        let target: ts.Expression = headers.initializer;
        if (ts.isNewExpression(target) && target.arguments?.length === 1) target = target.arguments[0];
        return ts.isObjectLiteralExpression(target) ? [addPropertyEdit(text, target, property)] : undefined;
      }
      // Hono: c.json(body, 401[, headers])
      if (ts.isCallExpression(parent) && parent.arguments[1] === slot) {
        const third = parent.arguments[2];
        if (!third) return [{ start: slot.getEnd(), end: slot.getEnd(), newText: `, { ${property} }` }];
        return ts.isObjectLiteralExpression(third) ? [addPropertyEdit(text, third, property)] : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
