// Where a response body carries a caught error's internals: err.stack, err.message, the error object
// itself, SQL/driver fields. An "error" is a catch variable, an error-middleware/handler parameter
// named like one (err, error, e, exception, dbError...), or a const computed from one.
import * as ts from 'typescript';
import { pluginFor } from '../../frameworks/registry';
import { unwrapAwaited } from '../syntax';
import type { StatusSite, TextEdit } from '../types';
import { newlineIndent, quoteOf, stringLiteral } from './text';
import { declarationOf, enclosingFunction, forEachInFunction, isFunctionLike, listStatement, nodeAt, skipOuter, treeOf } from './tree';
import type { FactsInput } from './input';

/** Fields that carry internals: messages, stacks, SQL, driver and upstream details. */
const LEAKY_PROPS = new Set([
  'message',
  'stack',
  'sql',
  'sqlMessage',
  'sqlState',
  'detail',
  'details',
  'errors',
  'parent',
  'original',
  'query',
  'hint',
  'table',
  'constraint',
  'column',
  'schema',
  'where',
  'routine',
  'cause',
  'path',
  'syscall',
  'address',
  'errno',
  'response',
  'config',
  'request',
  'meta',
]);
const TO_TEXT = new Set(['toString', 'toJSON']);
const ERROR_PARAM = /^(err|error|e|ex|exc|exception|cause)$|[a-z](Err|Error|Exception)$/;
/** A condition that shows the details on purpose only in development, or only when safe (`err.expose`). */
export const DELIBERATE_EXPOSURE = /NODE_ENV|\bproduction\b|\bdevelopment\b|isDev|isProd|__DEV__|\bdebug\b|\bexpose\b|\bdev\b|isLocal|verbose|showStack/i;

export interface Leak {
  /** The expression that leaks (`err.stack`, `err`, `err.toString()`). */
  node: ts.Expression;
  /** The error variable's name. */
  errorName: string;
  /** What leaks, for messages: 'stack trace', 'message', 'SQL details', 'error object', 'text'. */
  what: string;
  /** The leaked field, when one: 'message', 'stack'... */
  prop?: string;
}

function describe(prop: string | undefined): string {
  if (prop === undefined) return 'error object';
  if (prop === 'stack') return 'stack trace';
  if (prop === 'message') return 'message';
  if (TO_TEXT.has(prop)) return 'error text';
  if (/^(sql|sqlMessage|sqlState|query|detail|hint|table|constraint|column|schema|where|routine|parent|original|errors|meta)$/.test(prop))
    return 'database/driver details';
  return `\`${prop}\``;
}

type ErrorRef = { kind: 'error' } | { kind: 'derived'; init: ts.Expression };

function errorRefOf(id: ts.Identifier): ErrorRef | undefined {
  const decl = declarationOf(id.text, id);
  if (!decl) return undefined;
  if (ts.isVariableDeclaration(decl) && ts.isCatchClause(decl.parent)) return { kind: 'error' };
  if (ts.isParameter(decl)) {
    const fn = decl.parent;
    // (err, req, res, next): Express/Connect error middleware, whatever the first name.
    if (isFunctionLike(fn) && fn.parameters.length === 4 && fn.parameters[0] === decl) return { kind: 'error' };
    return ERROR_PARAM.test(id.text) ? { kind: 'error' } : undefined;
  }
  if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const)
    return { kind: 'derived', init: decl.initializer };
  return undefined;
}

/** An identifier that is read as a value here (not a property name, not a declaration). */
function isReference(n: ts.Identifier): boolean {
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === n) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === n) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === n) return false;
  return true;
}

/** `status >= 500 ? 'Internal Server Error' : err.message`: the details only go out with client errors. */
const STATUS_TEST = /\b(status|statusCode)\s*(<|>|<=|>=)|(<|>|<=|>=)\s*[\w.]*\b(status|statusCode)\b/;

function deliberateCondition(text: string): boolean {
  return DELIBERATE_EXPOSURE.test(text) || STATUS_TEST.test(text);
}

/** `err.code === 'INTERNAL' ? 'Internal server error' : err.message`: a switch on the error's kind, a fixed text on one side. */
const ERROR_KIND_TEST = /\.(code|status|statusCode|name|type|kind)\s*[!=]==?|instanceof\s+(?!Error\b)[\w.]+/;

function genericOtherSide(p: ts.ConditionalExpression, n: ts.Node): boolean {
  const other = p.whenTrue === n ? p.whenFalse : p.whenTrue;
  return (ts.isStringLiteral(other) || ts.isNoSubstitutionTemplateLiteral(other)) && ERROR_KIND_TEST.test(p.condition.getText());
}

/** True when `inner` only shows up in development, for client errors, or when an `expose`-like flag allows it. */
function deliberatelyShown(inner: ts.Node, root: ts.Node): boolean {
  for (let n: ts.Node = inner; n !== root && n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isConditionalExpression(p) && p.condition !== n && (deliberateCondition(p.condition.getText()) || genericOtherSide(p, n))) return true;
    if (
      ts.isBinaryExpression(p) &&
      p.right === n &&
      (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken) &&
      deliberateCondition(p.left.getText())
    )
      return true;
  }
  return false;
}

const TEST_OPERATORS = new Set([
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InKeyword,
]);

/** The leaks inside `root` (not entering nested functions); `depth` limits following derived consts. */
export function findLeaks(root: ts.Node, depth = 0): Leak[] {
  const leaks: Leak[] = [];
  const visit = (n: ts.Node): void => {
    if (n !== root && isFunctionLike(n)) return;
    if (ts.isIdentifier(n) && isReference(n)) {
      const ref = errorRefOf(n);
      if (ref?.kind === 'error') {
        const leak = classify(n);
        if (leak && !deliberatelyShown(leak.node, root)) leaks.push(leak);
      } else if (ref?.kind === 'derived' && depth === 0 && !onlyTested(n)) {
        const inner = findLeaks(ref.init, depth + 1);
        if (inner.length > 0 && !deliberatelyShown(n, root)) leaks.push({ ...inner[0], node: n });
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
  return leaks;
}

/** `llmError ? a : b`, `if (x)`, `x && y`, `x === y`: the value is tested here, not sent. */
function onlyTested(id: ts.Identifier): boolean {
  const outer = skipOuter(id) as ts.Expression;
  const p = outer.parent;
  if (ts.isConditionalExpression(p) && p.condition === outer) return true;
  if (ts.isPrefixUnaryExpression(p) || ts.isTypeOfExpression(p) || ts.isIfStatement(p)) return true;
  return (
    ts.isBinaryExpression(p) &&
    (TEST_OPERATORS.has(p.operatorToken.kind) || (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.left === outer))
  );
}

/** Functions that turn an error into what a client may see: `formatErrorForUser(err)`, `sanitizeError(err)`. */
const SANITIZER = /saniti[sz]e|redact|scrub|mask|public|safe|for(User|Client)|toUser|toClient|userMessage|clientMessage|generic/i;

function classify(id: ts.Identifier): Leak | undefined {
  const outer = skipOuter(id) as ts.Expression;
  const p = outer.parent;
  const errorName = id.text;
  if (ts.isPropertyAccessExpression(p) && p.expression === outer) {
    const prop = p.name.text;
    if (LEAKY_PROPS.has(prop)) return { node: p, errorName, what: describe(prop), prop };
    if (TO_TEXT.has(prop) && ts.isCallExpression(p.parent) && p.parent.expression === p) return { node: p.parent, errorName, what: describe(prop), prop };
    return undefined; // err.code, err.status, err.name: safe to show
  }
  if (ts.isElementAccessExpression(p) || (ts.isCallExpression(p) && p.expression === outer)) return undefined;
  if (ts.isCallExpression(p) && SANITIZER.test(p.expression.getText())) return undefined;
  if (ts.isBinaryExpression(p)) {
    if (TEST_OPERATORS.has(p.operatorToken.kind)) return undefined;
    if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.left === outer) return undefined;
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isTypeOfExpression(p) || ts.isVoidExpression(p)) return undefined;
  if (ts.isConditionalExpression(p) && p.condition === outer) return undefined;
  if (ts.isIfStatement(p) || ts.isExpressionStatement(p)) return undefined;
  // String(err), `${err}`, 'x' + err: the error's text (its message, or its stack with util.inspect)
  if (ts.isCallExpression(p) && /^(String|inspect|util\.inspect|JSON\.stringify)$/.test(p.expression.getText()))
    return { node: p, errorName, what: 'error text' };
  if (ts.isTemplateSpan(p) || (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken))
    return { node: outer, errorName, what: 'error text' };
  // json(err), { error: err }, { err }, { ...err }
  return { node: outer, errorName, what: describe(undefined) };
}

// ---------------------------------------------------------------------------------------------
// Per site: what its body leaks, and the edits that send a generic body instead

/** A leak as rules see it: plain data. */
export interface LeakFact {
  /** The error variable's name. */
  errorName: string;
  /** What leaks, for messages (see Leak). */
  what: string;
  prop?: string;
  /** The leaking expression's source text. */
  text: string;
}

/** Property names that hold the error's text in a body: they keep the key with a generic value. */
const MESSAGE_KEYS = new Set(['error', 'message', 'msg', 'errorMessage', 'error_message', 'description', 'reason', 'title']);
/** Sends whose body must be text. */
const TEXT_SENDS = new Set(['end', 'write', 'text', 'html']);
const LOG_CALL =
  /(^console|(^|\.)(log|logger|\w*Logger)|Sentry|rollbar|bugsnag)\.(error|warn|log|fatal|info|debug|exception|captureException|notify)$|\.emit$|captureException$|^report\w*$/;

/**
 * The expression the client receives: the site's body, or for a NestJS or Hono exception the
 * message it puts in the response (http-errors, Boom and Koa hide it on 5xx). The caller has
 * checked that a body built here is sent from here.
 */
function bodyRoot(ctx: FactsInput, site: StatusSite): ts.Node | undefined {
  if (site.kind === 'exception') {
    const where = pluginFor(site.framework).exceptionMessage;
    if (!where) return undefined;
    let n = nodeAt(treeOf(ctx), site.span);
    while (n && !ts.isNewExpression(n) && !ts.isCallExpression(n)) n = n.parent;
    if (!n || !n.arguments?.length) return undefined;
    if (where === 'message-option') {
      const options = n.arguments.find(ts.isObjectLiteralExpression);
      const message = options?.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'message');
      return message && ts.isPropertyAssignment(message) ? message.initializer : undefined;
    }
    return n.arguments[0];
  }
  return site.body && nodeAt(treeOf(ctx), site.body.span);
}

/** What the site sends of a caught error (see bodyRoot for what counts as sent); empty when nothing. */
export function bodyLeaks(ctx: FactsInput, site: StatusSite): LeakFact[] {
  const body = bodyRoot(ctx, site);
  return body
    ? findLeaks(body).map((l) => ({ errorName: l.errorName, what: l.what, ...(l.prop !== undefined ? { prop: l.prop } : {}), text: l.node.getText() }))
    : [];
}

function containsAny(node: ts.Node, leaks: Leak[]): boolean {
  return leaks.some((l) => l.node.getStart() >= node.getStart() && l.node.getEnd() <= node.getEnd());
}

/** A generic body in place of the leaking one: leaking fields go, message fields keep their key. */
function genericBody(ctx: FactsInput, body: ts.Node, leaks: Leak[], phrase: string, asText: boolean): TextEdit {
  const q = quoteOf(ctx.text);
  const phraseLit = stringLiteral(phrase, q);
  const e = unwrapAwaited(body as ts.Expression);
  if (ts.isObjectLiteralExpression(e)) {
    const kept: string[] = [];
    for (const p of e.properties) {
      if (!containsAny(p, leaks)) kept.push(p.getText());
      else if (p.name && ts.isIdentifier(p.name) && MESSAGE_KEYS.has(p.name.text) && (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)))
        kept.push(`${p.name.text}: ${phraseLit}`);
    }
    if (kept.length === 0) kept.push(`error: ${phraseLit}`);
    const multiline = e.getText().includes('\n');
    const indent = multiline ? newlineIndent(ctx.text, e.properties[0].getStart()) : ' ';
    const close = multiline ? newlineIndent(ctx.text, e.getEnd() - 1) : ' ';
    return { start: e.getStart(), end: e.getEnd(), newText: `{${indent}${kept.join(',' + indent)}${multiline ? ',' : ''}${close}}` };
  }
  const stringy =
    ts.isTemplateExpression(e) ||
    ts.isStringLiteralLike(e) ||
    ts.isBinaryExpression(e) ||
    (ts.isCallExpression(e) && /^(String|.*\.toString)$/.test(e.expression.getText())) ||
    (ts.isPropertyAccessExpression(e) && /^(message|stack|sqlMessage)$/.test(e.name.text));
  return { start: body.getStart(), end: body.getEnd(), newText: asText || stringy ? phraseLit : `{ error: ${phraseLit} }` };
}

/** The logger this function already uses (`logger.info`, `req.log.error`, `this.logger.warn`), else console. */
function loggerOf(fn: ts.Node): string {
  let found: string | undefined;
  forEachInFunction(fn, (n) => {
    if (
      found ||
      !ts.isCallExpression(n) ||
      !ts.isPropertyAccessExpression(n.expression) ||
      !/^(error|warn|info|debug|fatal|trace)$/.test(n.expression.name.text)
    )
      return;
    const owner = n.expression.expression.getText();
    if (owner !== 'console' && /(^|\.)(log|logger|\w*Logger)$/.test(owner)) found = owner;
  });
  return found ?? 'console';
}

function alreadyLogged(fn: ts.Node, errorName: string, before: number): boolean {
  let logged = false;
  const word = new RegExp(`\\b${errorName}\\b`);
  forEachInFunction(fn, (n) => {
    if (logged || !ts.isCallExpression(n) || n.getStart() >= before) return;
    if (LOG_CALL.test(n.expression.getText()) && n.arguments.some((a) => word.test(a.getText()))) logged = true;
  });
  return logged;
}

/**
 * The edits that send a generic `phrase` body instead of the leaking one (leaking fields go, message
 * fields keep their key) and log the error first unless the function already does; `logs` says
 * whether they log. Undefined when the body leaks nothing or a log line has no place to go.
 */
export function genericBodyEdits(ctx: FactsInput, site: StatusSite, phrase: string): { edits: TextEdit[]; logs: boolean } | undefined {
  const body = bodyRoot(ctx, site);
  const leaks = body ? findLeaks(body) : [];
  if (!body || leaks.length === 0) return undefined;
  const asText =
    TEXT_SENDS.has(site.send.method ?? '') ||
    ts.isNewExpression(skipParens(body).parent) ||
    (site.kind === 'exception' && pluginFor(site.framework).exceptionMessageIsText === true);
  const bodyEdit = genericBody(ctx, body, leaks, phrase, asText);
  const sf = treeOf(ctx);
  let stmt = listStatement(body);
  // Log before the status statement when it comes first in the same list (`res.statusCode = 500; res.end(...)`).
  const siteNode = nodeAt(sf, site.span);
  const statusStmt = siteNode && listStatement(siteNode);
  if (stmt && statusStmt && statusStmt.parent === stmt.parent && statusStmt.getStart() < stmt.getStart()) stmt = statusStmt;
  const fn = enclosingFunction(body);
  const errorName = leaks[0].errorName;
  const edits: TextEdit[] = [bodyEdit];
  if (!fn || !alreadyLogged(fn, errorName, stmt?.getStart() ?? body.getStart())) {
    // The error must still reach the logs: without a place for the log line, offer nothing.
    if (!stmt || !fn) return undefined;
    const at = stmt.getStart();
    edits.push({ start: at, end: at, newText: `${loggerOf(fn)}.error(${errorName});${newlineIndent(ctx.text, at)}` });
    return { edits, logs: true };
  }
  return { edits, logs: false };
}

function skipParens(n: ts.Node): ts.Node {
  let p = n;
  while (p.parent && ts.isParenthesizedExpression(p.parent)) p = p.parent;
  return p;
}
