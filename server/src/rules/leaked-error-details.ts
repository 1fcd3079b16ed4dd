// A 5xx body that hands the caught error's internals (stack, message, SQL, the object) to the client.
import * as ts from 'typescript';
import { unwrapAwaited } from '../analysis/syntax';
import type { Fix, StatusSite, TextEdit } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { builtHere } from './support/headerEdits';
import { narrowedByRethrow } from '../analysis/facts/catchShape';
import { DELIBERATE_EXPOSURE, findLeaks, type Leak } from '../analysis/facts/errorLeaks';
import { snippet } from './support/suggest';
import { enclosingFunction, forEachInFunction, listStatement, newlineIndent, nodeAt, quoteOf, stringLiteral, treeOf } from './support/syntax';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';

/** Error classes whose message is written for the client: a `.message` from them is not a leak. */
const CLIENT_ERRORS = /Validation|NotFound|Http|HTTPError|App(lication)?Error|UserError|BadRequest|Conflict|Unauthori[sz]ed|Forbidden|Client|Syntax|Input|Business|Domain|Zod|Joi|Yup/;
const DRIVER_ERRORS = /Sequelize|Mongo|Query|Database|Sql|SQL|Prisma|Knex|Pg|Postgres|Redis|TypeORM|Driver|Connection|Timeout/;
/** Property names that hold the error's text in a body: they keep the key with a generic value. */
const MESSAGE_KEYS = new Set(['error', 'message', 'msg', 'errorMessage', 'error_message', 'description', 'reason', 'title']);
/** Sends whose body must be text. */
const TEXT_SENDS = new Set(['end', 'write', 'text', 'html']);
const LOG_CALL = /(^console|(^|\.)(log|logger|\w*Logger)|Sentry|rollbar|bugsnag)\.(error|warn|log|fatal|info|debug|exception|captureException|notify)$|\.emit$|captureException$|^report\w*$/;

const LITERAL_KINDS = new Set(['string', 'number', 'boolean', 'null', 'undefined']);

/** `{ error: 'Internal Server Error' }`, `'Something broke'`: nothing to leak, no need to parse. */
function onlyLiterals(site: StatusSite): boolean {
  const body = site.body!;
  if (body.kind === 'null') return true;
  if (body.kind === 'string') return !/\$\{/.test(body.text);
  return body.kind === 'object' && !/\.\.\./.test(body.text) && body.props.every((p) => LITERAL_KINDS.has(p.valueKind) || p.empty === true);
}

/** The body expression and the node it lives under, per site kind; undefined when nothing is sent from here. */
function bodyRoot(ctx: RuleContext, site: StatusSite): ts.Node | undefined {
  if (site.kind === 'exception') {
    // NestJS and Hono put the exception's message in the response; http-errors, Boom and Koa hide it on 5xx.
    if (site.framework !== 'nest' && site.framework !== 'hono') return undefined;
    let n = nodeAt(treeOf(ctx), site.span);
    while (n && !ts.isNewExpression(n) && !ts.isCallExpression(n)) n = n.parent;
    if (!n || !n.arguments?.length) return undefined;
    if (site.framework === 'hono') {
      const options = n.arguments.find(ts.isObjectLiteralExpression);
      const message = options?.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'message');
      return message && ts.isPropertyAssignment(message) ? message.initializer : undefined;
    }
    return n.arguments[0];
  }
  if (!builtHere(site) || !site.body || onlyLiterals(site)) return undefined;
  return nodeAt(treeOf(ctx), site.body.span);
}

/** A timeout's message says only that it timed out (`isTimeoutError(err)`, `err.name === 'AbortError'`). */
const TIMEOUT_ERRORS = /Timeout|TimedOut|Abort/;

/** The error was narrowed to a class whose messages are meant for clients (`err instanceof ValidationError`), or to a timeout. */
function clientSafeMessage(site: StatusSite, leaks: Leak[]): boolean {
  if (!leaks.every((l) => l.prop === 'message' || (l.what === 'error text' && l.prop === undefined))) return false;
  return site.guards.some((g) => !g.negated && g.kind === 'error-type' && !!g.errorName && ((CLIENT_ERRORS.test(g.errorName) && !DRIVER_ERRORS.test(g.errorName)) || TIMEOUT_ERRORS.test(g.errorName)));
}

/**
 * Calls that can only fail on what the client sent: parsing, checking, verifying its input. A try made
 * of them throws SyntaxErrors and verification failures that describe the input, not the server.
 */
const INPUT_ONLY_CALL = /^(parse|stringify|includes|some|every|find|filter|map|keys|values|entries|isArray|split|trim|toLowerCase|toUpperCase|slice|replace|test|match|from|String|Number|parseInt|parseFloat|decodeURIComponent|encodeURIComponent|atob|btoa|toString|safeParse|parseAsync|validate\w*|verify\w*|decode\w*|fromBuffer|isoBase64URL\w*)$/;

function tryOnlyChecksInput(site: StatusSite): boolean {
  const calls = site.catchClause?.tryCalls ?? [];
  return calls.length > 0 && calls.every((c) => INPUT_ONLY_CALL.test(c));
}

/** A connection test of settings the client just sent (`POST /s3/test`): reporting its error is the endpoint's job. */
function connectionTest(site: StatusSite): boolean {
  const last = (site.route?.path ?? '').split('/').filter(Boolean).pop() ?? '';
  return /^(test|test-?connection|check-?connection|verify-?connection)$/i.test(last);
}

/** Why the body may carry the error, or undefined when it is a leak. */
function safeToShow(ctx: RuleContext, site: StatusSite, leaks: Leak[]): boolean {
  if (clientSafeMessage(site, leaks) || tryOnlyChecksInput(site) || connectionTest(site)) return true;
  // `if (!(err instanceof OIDCProviderError)) throw err;` before: only that class's errors get here
  const narrowed = narrowedByRethrow(ctx, site);
  return !!narrowed && !DRIVER_ERRORS.test(narrowed) && !/^(Error|TypeError|RangeError)$/.test(narrowed);
}

function containsAny(node: ts.Node, leaks: Leak[]): boolean {
  return leaks.some((l) => l.node.getStart() >= node.getStart() && l.node.getEnd() <= node.getEnd());
}

/** A generic body in place of the leaking one: leaking fields go, message fields keep their key. */
function genericBody(ctx: RuleContext, body: ts.Node, leaks: Leak[], phrase: string, asText: boolean): TextEdit {
  const q = quoteOf(ctx.text);
  const phraseLit = stringLiteral(phrase, q);
  const e = unwrapAwaited(body as ts.Expression);
  if (ts.isObjectLiteralExpression(e)) {
    const kept: string[] = [];
    for (const p of e.properties) {
      if (!containsAny(p, leaks)) kept.push(p.getText());
      else if (p.name && ts.isIdentifier(p.name) && MESSAGE_KEYS.has(p.name.text) && (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) kept.push(`${p.name.text}: ${phraseLit}`);
    }
    if (kept.length === 0) kept.push(`error: ${phraseLit}`);
    const multiline = e.getText().includes('\n');
    const indent = multiline ? newlineIndent(ctx.text, e.properties[0].getStart()) : ' ';
    const close = multiline ? newlineIndent(ctx.text, e.getEnd() - 1) : ' ';
    return { start: e.getStart(), end: e.getEnd(), newText: `{${indent}${kept.join(',' + indent)}${multiline ? ',' : ''}${close}}` };
  }
  const stringy = ts.isTemplateExpression(e) || ts.isStringLiteralLike(e) || ts.isBinaryExpression(e) || ts.isCallExpression(e) && /^(String|.*\.toString)$/.test(e.expression.getText()) || ts.isPropertyAccessExpression(e) && /^(message|stack|sqlMessage)$/.test(e.name.text);
  return { start: body.getStart(), end: body.getEnd(), newText: asText || stringy ? phraseLit : `{ error: ${phraseLit} }` };
}

/** The logger this function already uses (`logger.info`, `req.log.error`, `this.logger.warn`), else console. */
function loggerOf(fn: ts.Node): string {
  let found: string | undefined;
  forEachInFunction(fn, (n) => {
    if (found || !ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !/^(error|warn|info|debug|fatal|trace)$/.test(n.expression.name.text)) return;
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

function buildFix(ctx: RuleContext, site: StatusSite, body: ts.Node, leaks: Leak[], phrase: string): Fix | undefined {
  const asText = TEXT_SENDS.has(site.send.method ?? '') || ts.isNewExpression(skipParens(body).parent) || site.kind === 'exception' && site.framework === 'nest';
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
    return { title: `Send a generic ${phrase} body and log the error`, edits, isPreferred: true, suggestion: true };
  }
  // The body changes (clients may read those fields): a suggestion, never applied by fix-all.
  return { title: `Send a generic ${phrase} body`, edits, isPreferred: true, suggestion: true };
}

function skipParens(n: ts.Node): ts.Node {
  let p = n;
  while (p.parent && ts.isParenthesizedExpression(p.parent)) p = p.parent;
  return p;
}

export const leakedErrorDetails = defineRule({
  id: 'leaked-error-details',
  severity: { recommended: 'warning' },
  basis: 'convention',
  messages: {
    leak:
      '{{code}} {{phrase}} exposes `{{expression}}`: log the error and send a generic message. It sends {{what}} to the client: stack traces, SQL and driver messages show attackers your code and data, and users can\'t act on them.',
    leakThroughException:
      '{{code}} {{phrase}} exposes `{{expression}}`: log the error and send a generic message. {{framework}} puts this exception\'s message in the response. It sends {{what}} to the client: stack traces, SQL and driver messages show attackers your code and data, and users can\'t act on them.',
  },
  docs: {
    summary: 'A 5xx response whose body sends the caught error (its stack, message, SQL or driver fields, or the object itself) to the client.',
    description:
      'A server error means the server failed; what failed is none of the client\'s business. Stack traces, SQL statements, ' +
      'driver messages and file paths tell attackers which libraries, tables and code paths you have (OWASP "Improper ' +
      'Error Handling"), raw error objects can carry connection details, and end users get a message they cannot act on. ' +
      'Log the error on the server (where your monitoring sees it) and send a generic body such as ' +
      '`{ error: \'Internal Server Error\' }`, with a request id if you need to correlate. Details shown only in ' +
      'development (`NODE_ENV` checks) or behind `err.expose` are not reported, nor are http-errors/Boom/Koa errors, which hide 5xx messages.',
    fixes: 'Replace the leaking fields with a generic message and log the error first (with the logger the function already uses, else console.error). The body changes, so fix all and `--fix` leave it for you to review.',
    examples: {
      bad: "app.get('/orders', async (req, res) => {\n  try {\n    res.json(await Order.findAll());\n  } catch (err) {\n    res.status(500).json({ error: err.message, stack: err.stack });\n  }\n});",
      good: "app.get('/orders', async (req, res) => {\n  try {\n    res.json(await Order.findAll());\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      const code = site.code;
      if (code === undefined || code < 500 || code > 599 || site.form === 'dynamic') continue;
      if (site.guards.some((g) => DELIBERATE_EXPOSURE.test(g.text))) continue;
      const body = bodyRoot(ctx, site);
      if (!body) continue;
      const leaks = findLeaks(body);
      if (leaks.length === 0 || safeToShow(ctx, site, leaks)) continue;
      const phrase = phraseOf(code) ?? phraseOf(500) ?? 'Server Error';
      const fix = buildFix(ctx, site, body, leaks, phrase);
      const first = leaks[0];
      const what = first.what === 'error object' ? `the error object \`${first.errorName}\`` : `the ${first.what} of \`${first.errorName}\``;
      const data = { code, phrase, expression: snippet(first.node.getText(), 30), what };
      if (site.kind === 'exception') ctx.report(site, 'leakThroughException', { ...data, framework: site.framework === 'nest' ? 'NestJS' : 'Hono' }, fix ? [fix] : []);
      else ctx.report(site, 'leak', data, fix ? [fix] : []);
    }
  },
});
