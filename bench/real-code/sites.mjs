// Every place in a repository's back end that decides an HTTP status, found with TypeScript's parser
// alone: it shares nothing with status-hints' analyzer (no server/src, no dist), so it can serve as
// the denominator of recall. Broad on purpose: a site that turns out to decide nothing is judged `ok`.
//   node bench/real-code/sites.mjs [--repo owner/name]... [--out sites.jsonl]
// Prints one JSON line per site: { repo, path, line, column, text, kind } (path relative to the
// repository root, line and column 1-based, text the trimmed source line); one site per line, the
// outermost construct on it. A summary goes to stderr.
//
// Sites (kind):
//   status-call     .status(n) .code(n) .sendStatus(n) .writeHead(n) .setStatus(n), ctx.throw(..),
//                   ctx.assert(x, n), .redirect(n, url), and a status as the 2nd argument of
//                   .json/.text/.html/.body/.send/.redirect (c.json(x, 404), NextResponse.redirect(u, 307))
//   status-assign   x.status = n, x.statusCode = n, ctx.status = n
//   status-var      a status-named variable, parameter default or class field given a status
//   status-prop     status/statusCode/httpStatus: n in an object literal (a Response init, an error's
//                   options, a returned { status, body }), or code: n beside message/error keys
//   status-map      a status keyed by an error name ({ not_found: 404 }), or returned by a function
//                   whose name says status/code/http
//   status-const    HttpStatus.X, StatusCodes.X, httpStatus.X, HTTP_STATUS.X... passed, assigned or returned
//   decorator       @HttpCode(n), @Redirect(url, n)
//   named-error     new NotFoundException(), new UnauthorizedError(), NotFoundError() (a status-named
//                   error or any *Exception class), Boom.x(), createError(..), createError.NotFound()
//   named-status    a call whose name is a status: reply.notFound(), httpErrors.badRequest(),
//                   unauthorized(), notFoundResponse(), sendNotFound()
//   custom-error    new X(...)/super(...) of an *Error/*Exception class given a status, a status
//                   constant, a status name string ('NOT_FOUND', 'not_found') or an object holding one
//   helper-call     any other call named like a responder (sendError, respond, jsonResponse...) given a status
//   implicit-send   res.json(x) / res.send(x) / reply.send(x) / res.end() with no status before it in
//                   the chain; c.json(x) / c.text(x) with no status argument
//   implicit-redirect res.redirect(url), NextResponse.redirect(url), Response.redirect(url), next/navigation redirect()
//   implicit-response new Response(x) / NextResponse.json(x) / Response.json(x) with no status in its init
//   implicit-koa-body ctx.body = x (Koa answers 200, or 204 for null)
//   implicit-nest   a Nest route method (@Get/@Post...) without @HttpCode or @Redirect (200, 201 for @Post)
//
// Skipped: tests (*.test.*, *.spec.*, __tests__/, test/, tests/, e2e/, __mocks__/, fixtures/...),
// generated files (generated/ folders, an "@generated" or "DO NOT EDIT" header, .d.ts, .min.js),
// vendored code, node_modules, dist, dot folders, and front-end code ('use client' files; files under
// components/, hooks/, client/, frontend/, ui/, pages/ outside pages/api that import no server
// framework). Statuses only read (if (response.status === 404)) are not sites.
import * as fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { checkoutOf, expandPaths, hasCheckout, readRepos, selectRepos } from './lib.mjs';

const ts = createRequire(import.meta.url)('typescript');
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// Reason phrases, normalized: "Not Found" -> notfound. Plus the aliases libraries use for them.
const REASON_ALIASES = [
  'requesttoolong',
  'requestentitytoolarge',
  'requesturitoolong',
  'movedtemporarily',
  'unprocessablecontent',
  'contenttoolarge',
  'methodnotsupported',
  'clientclosedrequest',
  'badimplementation',
  'baddata',
  'resourcegone',
  'entitytoolarge',
  'clienttimeout',
  'serverunavailable',
  'servertimeout',
  'internalerror',
  'internalservererror',
  'unprocessable',
  'ratelimited',
  'toomanyrequests',
  'imateapot',
  'teapot',
];
const ERROR_REASONS = new Set([
  ...Object.entries(STATUS_CODES)
    .filter(([code]) => Number(code) >= 400)
    .map(([, phrase]) => norm(phrase)),
  ...REASON_ALIASES,
]);
const SUCCESS_NAMES = new Set([
  'created',
  'accepted',
  'nocontent',
  'partialcontent',
  'movedpermanently',
  'permanentredirect',
  'temporaryredirect',
  'seeother',
  'notmodified',
]);
const ALL_REASONS = new Set([...Object.values(STATUS_CODES).map(norm), ...ERROR_REASONS]);
// Error-class words that name a status without being a reason phrase (ValidationError -> 400...).
const ERRORISH = [
  ...ERROR_REASONS,
  'unauthenticated',
  'notauthenticated',
  'notauthorized',
  'authentication',
  'authorization',
  'permissiondenied',
  'permission',
  'accessdenied',
  'nopermission',
  'validation',
  'invalidrequest',
  'invalidinput',
  'invalidparam',
  'invalidargument',
  'ratelimit',
  'quotaexceeded',
  'badinput',
  'duplicate',
  'alreadyexists',
  'notallowed',
  'timeout',
  'unavailable',
].filter((s) => s.length >= 4);

// Keys of a map from error names to statuses ({ not_found: 404, rate_limit_exceeded: 429 }).
const MAP_KEYS = new Set([
  'unauthenticated',
  'notauthenticated',
  'notauthorized',
  'permissiondenied',
  'accessdenied',
  'validation',
  'validationerror',
  'invalidrequest',
  'invalidinput',
  'badinput',
  'duplicate',
  'alreadyexists',
  'notallowed',
  'ratelimitexceeded',
  'quotaexceeded',
  'exceededlimit',
  'invalidapikey',
  'unauthorizedaccess',
  'forbiddenaccess',
  'internal',
]);
// Calls that document or test a status rather than decide one (OpenAPI response lists, predicates).
const NOT_DECIDING = /Responses$|schema|openapi|swagger|^(describe|is|has|should|expect|check)[A-Z_]|^statusOf/i;
const STATUS_METHODS = new Set(['status', 'code', 'sendStatus', 'writeHead', 'setStatus', 'withStatus', 'statusCode']);
const SECOND_ARG_METHODS = new Set(['json', 'text', 'html', 'body', 'send', 'jsonp', 'redirect', 'newResponse']);
const STATUS_KEYS = new Set(['status', 'statusCode', 'httpStatus', 'httpStatusCode', 'httpCode', 'statusNumber', 'responseStatus']);
const ERROR_KEYS = new Set(['message', 'error', 'msg', 'errors', 'success', 'detail', 'reason', 'errorMessage']);
const STATUS_VAR =
  /^(status|statusCode|httpStatus|httpStatusCode|httpCode|responseStatus|errorStatus|errStatus|statusNum(ber)?|code|errorCode|defaultStatus)$/i;
const RES_NAMES = new Set(['res', 'response', 'resp', 'reply', 'rep', '_res', 'httpResponse', 'serverResponse', 'expressResponse', 'outgoing']);
const HONO_NAMES = new Set(['c', 'ctx', 'context']);
const HELPER = /error|err$|fail|reject|respond|response|reply|send|json|abort|throw|http|status|problem|exception|result|redirect|res$|halt|finish/i;
const ERROR_CLASS = /(Error|Exception|Err|Failure|Fault|Problem)$/;
const NEST_ROUTES = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search']);
const SERVER_IMPORT =
  /^(express|koa|@koa\/|koa-|fastify|@fastify\/|hono|@hono\/|@nestjs\/|next\/server|node:https?|https?|http-errors|@hapi\/|boom|h3|restify|@trpc\/server|@ts-rest\/|egg|@eggjs\/|elysia)/;

const TEST_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  '__test__',
  'e2e',
  '__e2e__',
  '__mocks__',
  'mocks',
  '__fixtures__',
  'fixtures',
  'test-utils',
  'testing',
  'cypress',
  'playwright',
  '__snapshots__',
  'stories',
  'integration-tests',
]);
// A source folder named build/ is walked: only compiled output is skipped, and git rarely tracks it.
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', 'generated', '__generated__', 'vendor']);
const FRONT_DIRS = new Set(['components', 'hooks', 'client', 'client-v2', 'frontend', 'ui', 'pages']);
const BACK_DIRS = new Set(['api', 'server', 'routes', 'controllers', 'handlers', 'middleware', 'middlewares']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_FILE = /\.(test|spec|e2e|stories|story|bench|fixtures?|mock)\.[cm]?[jt]sx?$/;
const NOT_SOURCE = /(\.d\.[cm]?ts|\.min\.js)$/;
const GENERATED = /^\s*(\/\/|\/\*|\*).*(@generated|auto-?generated|do not edit|code generated by)/im;
const USE_CLIENT = /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;

const unwrap = (n) => {
  while (
    n &&
    (ts.isParenthesizedExpression(n) ||
      ts.isAsExpression(n) ||
      ts.isNonNullExpression(n) ||
      ts.isSatisfiesExpression?.(n) ||
      ts.isTypeAssertionExpression(n) ||
      ts.isAwaitExpression(n))
  )
    n = n.expression;
  return n;
};
const nameOf = (n) => {
  n = unwrap(n);
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isPropertyAccessExpression(n)) return n.name.text;
  if (n.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (n.kind === ts.SyntaxKind.SuperKeyword) return 'super';
  return undefined;
};
const propName = (p) => (p && (ts.isIdentifier(p) || ts.isStringLiteral(p) || ts.isPrivateIdentifier(p)) ? p.text : undefined);

function isStatusConst(n) {
  n = unwrap(n);
  if (!n || !ts.isPropertyAccessExpression(n)) return false;
  const owner = nameOf(n.expression);
  const member = n.name.text;
  if (!owner || !/status|http|code/i.test(owner)) return false;
  return ALL_REASONS.has(norm(member)) || /(^|_)[1-5]\d\d($|_)/.test(member) || /^(HTTP_?)?[1-5]\d\d/.test(member);
}
const isStatusNumber = (n) => ts.isNumericLiteral(n) && Number.isInteger(Number(n.text)) && Number(n.text) >= 100 && Number(n.text) <= 599;
const isStatusNameString = (n) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && ERROR_REASONS.has(norm(n.text.replace(/^.*\./, '')));

/** A status decided right here: a number 100-599, a '404' string, a status constant, or a choice between them. */
function statusExpr(n, { strings = false } = {}) {
  n = unwrap(n);
  if (!n) return false;
  if (isStatusNumber(n) || isStatusConst(n)) return true;
  if (strings && ts.isStringLiteral(n) && /^[1-5]\d\d$/.test(n.text)) return true;
  if (ts.isConditionalExpression(n)) return statusExpr(n.whenTrue, { strings }) || statusExpr(n.whenFalse, { strings });
  if (
    ts.isBinaryExpression(n) &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(n.operatorToken.kind)
  ) {
    return statusExpr(n.left, { strings }) || statusExpr(n.right, { strings });
  }
  return false;
}

/** An object literal that says a status: a status key with a status, or a code that is one. */
function objectSaysStatus(n) {
  n = unwrap(n);
  if (!n || !ts.isObjectLiteralExpression(n)) return false;
  return n.properties.some((p) => {
    if (!ts.isPropertyAssignment(p)) return false;
    const key = propName(p.name);
    if (STATUS_KEYS.has(key) || key === 'code' || key === 'errorCode' || key === 'type')
      return statusExpr(p.initializer) || isStatusNameString(unwrap(p.initializer)) || isStatusConst(p.initializer);
    return false;
  });
}

/** The status-named part of an error class or factory name, or undefined. */
function errorishName(name) {
  const n = norm(name);
  return ERRORISH.find((stem) => n.includes(stem));
}
/** A callee named as a status: notFound, sendNotFound, notFoundResponse, badRequestError... */
function statusNamedCallee(name) {
  let n = norm(name).replace(/^(send|respond|throw|return|http|create|reply|res)/, '');
  n = n.replace(/(response|error|exception|err|reply|json|result|http|res)$/, '');
  return ERROR_REASONS.has(n) || SUCCESS_NAMES.has(n);
}

const inDecorator = (n) => {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isDecorator(p)) {
      const call = p.expression;
      const name = ts.isCallExpression(call) ? nameOf(call.expression) : nameOf(call);
      return name === 'HttpCode' || name === 'Redirect' ? 'status' : 'other';
    }
    if (ts.isStatement(p) || ts.isClassElement(p)) return undefined;
  }
  return undefined;
};

/** The chain of a call: res.status(404).json(x) -> the method names before json, and the root. */
function chainOf(call) {
  const methods = [];
  let e = call.expression.expression;
  for (;;) {
    e = unwrap(e);
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      methods.push(e.expression.name.text);
      e = e.expression.expression;
    } else break;
  }
  return { methods, root: nameOf(e) };
}

function enclosingFunctionName(n) {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p)) return propName(p.name) ?? '';
    if (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) {
      const holder = p.parent;
      if (holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)))
        return propName(holder.name) ?? '';
      return '';
    }
  }
  return '';
}

/** Sites of one file's text. */
export function sitesOfText(text, file) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined);
  const nestFile = /from\s+['"](@nestjs\/common|routing-controllers)['"]/.test(text);
  const nextNavigation = /from\s+['"]next\/navigation['"]/.test(text);
  const found = [];
  const add = (node, kind) => found.push({ pos: node.getStart(sf), kind });

  const visit = (n) => {
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) visitCall(n);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) visitAssign(n);
    else if (ts.isPropertyAssignment(n)) visitProperty(n);
    else if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isPropertyDeclaration(n)) visitDeclaration(n);
    else if (ts.isReturnStatement(n) && n.expression) visitReturn(n);
    else if (ts.isDecorator(n)) visitDecorator(n);
    else if (ts.isPropertyAccessExpression(n) && isStatusConst(n)) visitConst(n);
    ts.forEachChild(n, visit);
  };

  function visitCall(n) {
    const deco = inDecorator(n);
    if (deco === 'other') return;
    const callee = unwrap(n.expression);
    const name = nameOf(callee);
    const args = n.arguments ?? [];
    const isNew = ts.isNewExpression(n);
    if (!name) return;
    const method = ts.isPropertyAccessExpression(callee);
    const owner = method ? nameOf(callee.expression) : undefined;

    if (method && STATUS_METHODS.has(name) && args[0] && statusExpr(args[0], { strings: true })) return add(n, 'status-call');
    if (method && name === 'throw' && owner && HONO_NAMES.has(owner)) return add(n, 'status-call');
    if (method && name === 'assert' && owner && HONO_NAMES.has(owner) && args[1] && statusExpr(args[1])) return add(n, 'status-call');
    if (method && name === 'redirect' && args.length >= 2 && statusExpr(args[0])) return add(n, 'status-call');
    if (method && SECOND_ARG_METHODS.has(name) && args[1] && statusExpr(args[1], { strings: true })) return add(n, 'status-call');

    // new Response(x, init), Response.json(x, init), NextResponse.json / redirect
    const responseClass =
      (isNew && (name === 'Response' || name === 'NextResponse')) ||
      (method && (owner === 'Response' || owner === 'NextResponse') && (name === 'json' || name === 'redirect'));
    if (responseClass) {
      if (name === 'redirect') return args.length < 2 ? add(n, 'implicit-redirect') : undefined;
      const init = args[1];
      if (
        !init ||
        (ts.isObjectLiteralExpression(unwrap(init)) &&
          !unwrap(init).properties.some((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && STATUS_KEYS.has(propName(p.name))))
      ) {
        return add(n, 'implicit-response');
      }
      return;
    }

    if (owner === 'Boom' || owner === 'boom') return name === 'isBoom' ? undefined : add(n, 'named-error');
    if (/^(createError|createHttpError|httpError|HttpError|HTTPError|httpErrors|createHttpErrors)$/.test(name) && !method) return add(n, 'named-error');
    if (method && owner && /^(createError|createHttpError|httpErrors|HttpErrors)$/.test(owner)) return add(n, 'named-error');
    if (
      (isNew || /^[A-Z]/.test(name)) &&
      ERROR_CLASS.test(name) &&
      (/Exception$/.test(name) ? name !== 'Exception' : errorishName(name.replace(ERROR_CLASS, '')))
    ) {
      return add(n, 'named-error');
    }
    if (statusNamedCallee(name) && !isNew && name.length > 4) return add(n, 'named-status');

    const errorClass = (isNew && (ERROR_CLASS.test(name) || /Response$/.test(name))) || (name === 'super' && ERROR_CLASS.test(enclosingClassName(n)));
    if (errorClass && args.some((a) => statusExpr(a) || isStatusNameString(unwrap(a)) || objectSaysStatus(a))) return add(n, 'custom-error');

    if (!method && nextNavigation && (name === 'redirect' || name === 'permanentRedirect')) return add(n, 'implicit-redirect');

    // Implicit sends: no status in the chain before the send.
    if (method && ['json', 'send', 'jsonp', 'end'].includes(name) && (args.length > 0 || name === 'end')) {
      const { methods, root } = chainOf(n);
      if (root && RES_NAMES.has(root) && !methods.some((m) => STATUS_METHODS.has(m))) return add(n, 'implicit-send');
    }
    if (method && ['json', 'text', 'html', 'body'].includes(name) && args.length === 1 && owner && HONO_NAMES.has(owner)) return add(n, 'implicit-send');
    if (method && name === 'redirect' && args.length === 1 && owner && (RES_NAMES.has(owner) || HONO_NAMES.has(owner))) return add(n, 'implicit-redirect');

    if (NOT_DECIDING.test(name)) return;
    if (args.some((a) => isStatusConst(a))) return add(n, 'status-const');
    if (HELPER.test(name) && args.some((a) => isStatusNumber(unwrap(a) ?? a))) return add(n, 'helper-call');
  }

  function enclosingClassName(n) {
    for (let p = n.parent; p; p = p.parent) if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p.name?.text ?? '';
    return '';
  }

  function visitAssign(n) {
    const left = unwrap(n.left);
    if (ts.isPropertyAccessExpression(left)) {
      const key = left.name.text;
      if ((key === 'status' || key === 'statusCode' || key === 'httpStatus') && statusExpr(n.right, { strings: true })) return add(n, 'status-assign');
      const owner = nameOf(left.expression);
      if (key === 'body' && (owner === 'ctx' || owner === 'context' || owner === 'response')) return add(n, 'implicit-koa-body');
    } else if (ts.isIdentifier(left) && STATUS_VAR.test(left.text) && statusExpr(n.right)) return add(n, 'status-var');
  }

  function visitProperty(n) {
    if (inDecorator(n) === 'other') return;
    const key = propName(n.name);
    if (!key) return;
    const value = n.initializer;
    if (STATUS_KEYS.has(key) && statusExpr(value, { strings: true })) return add(n, 'status-prop');
    if (key === 'code' && statusExpr(value)) {
      const siblings = n.parent.properties.map((p) => propName(p.name));
      if (siblings.some((s) => ERROR_KEYS.has(s))) return add(n, 'status-prop');
    }
    if (ts.isNumericLiteral(unwrap(value)) && isStatusNumber(unwrap(value)) && (ERROR_REASONS.has(norm(key)) || MAP_KEYS.has(norm(key))))
      return add(n, 'status-map');
  }

  function visitDeclaration(n) {
    const name = propName(n.name);
    if (name && STATUS_VAR.test(name) && n.initializer && statusExpr(n.initializer)) add(n, 'status-var');
  }

  function visitReturn(n) {
    const value = unwrap(n.expression);
    if (value && isStatusNumber(value) && /status|code|http/i.test(enclosingFunctionName(n))) add(n, 'status-map');
  }

  function visitDecorator(n) {
    const call = n.expression;
    if (!ts.isCallExpression(call)) return;
    const name = nameOf(call.expression);
    if ((name === 'HttpCode' || name === 'Redirect') && call.arguments.length > 0) return add(n, 'decorator');
    if (!nestFile || !NEST_ROUTES.has(name) || !ts.isMethodDeclaration(n.parent)) return;
    const siblings = (ts.getDecorators?.(n.parent) ?? []).map((d) =>
      ts.isCallExpression(d.expression) ? nameOf(d.expression.expression) : nameOf(d.expression),
    );
    if (!siblings.includes('HttpCode') && !siblings.includes('Redirect')) add(n, 'implicit-nest');
  }

  function visitConst(n) {
    // A constant counts where it is given, assigned or returned; not where it is compared or read.
    let slot = n;
    for (;;) {
      const p = slot.parent;
      if (
        p &&
        (ts.isParenthesizedExpression(p) ||
          ts.isAsExpression(p) ||
          (ts.isConditionalExpression(p) && p.condition !== slot) ||
          (ts.isBinaryExpression(p) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)))
      )
        slot = p;
      else break;
    }
    const p = slot.parent;
    if (!p || inDecorator(n) === 'other') return;
    const given =
      ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(slot)) ||
      ts.isReturnStatement(p) ||
      (ts.isArrowFunction(p) && p.body === slot);
    const assigned =
      (ts.isVariableDeclaration(p) && p.initializer === slot) ||
      (ts.isPropertyAssignment(p) && p.initializer === slot) ||
      (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === slot) ||
      ts.isArrayLiteralExpression(p) ||
      (ts.isPropertyDeclaration(p) && p.initializer === slot);
    if (given || assigned) add(n, 'status-const');
  }

  visit(sf);
  // One site per line: the first found, which is the outermost construct (res.status(404).json(x) is
  // one decision, not three).
  const byLine = new Map();
  for (const s of found) {
    const { line, character } = sf.getLineAndCharacterOfPosition(s.pos);
    if (!byLine.has(line)) byLine.set(line, { line: line + 1, column: character + 1, kind: s.kind });
  }
  const lines = text.split(/\r?\n/);
  return [...byLine.values()].sort((a, b) => a.line - b.line).map((s) => ({ ...s, text: lines[s.line - 1].trim().slice(0, 200) }));
}

/** Why a file is not a back-end source to look at, or undefined. */
export function skipReasonOf(rel, text) {
  const dirs = rel.split('/');
  const name = dirs.pop();
  if (dirs.some((d) => TEST_DIRS.has(d)) || TEST_FILE.test(name)) return 'test';
  if (dirs.some((d) => SKIP_DIRS.has(d) || d.startsWith('.')) || NOT_SOURCE.test(name) || GENERATED.test(text.slice(0, 600))) return 'generated or vendored';
  if (USE_CLIENT.test(text)) return 'front end';
  const imports = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  const server = imports.some((i) => SERVER_IMPORT.test(i)) || /^(route|middleware|proxy)\.[cm]?[jt]s$/.test(name);
  if (server) return undefined;
  // Folders named for the front end hold back-end code too when they sit under api/, server/, routes/...
  const backEndFolder = dirs.some((d) => BACK_DIRS.has(d));
  if (!backEndFolder && dirs.some((d) => FRONT_DIRS.has(d))) return 'front end';
  if (/\.[jt]sx$/.test(name) && imports.some((i) => i === 'react' || i.startsWith('react-dom'))) return 'front end';
  return undefined;
}

function* walk(root, rel) {
  const abs = path.join(root, rel);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    if (SOURCE.test(rel)) yield rel;
    return;
  }
  for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = rel === '.' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'dist') yield* walk(root, child);
    else if (e.isFile() && SOURCE.test(e.name)) yield child;
  }
}

/** The sites of one checked-out repository, with counts of the files looked at and skipped. */
export function sitesOfRepo(r) {
  const root = checkoutOf(r);
  const sites = [];
  const stats = { files: 0, skipped: {}, failed: 0 };
  const seen = new Set();
  for (const p of expandPaths(r).paths) {
    for (const rel of walk(root, p)) {
      if (seen.has(rel)) continue;
      seen.add(rel);
      const text = fs.readFileSync(path.join(root, rel), 'utf8');
      const why = skipReasonOf(rel, text);
      if (why) {
        stats.skipped[why] = (stats.skipped[why] ?? 0) + 1;
        continue;
      }
      stats.files++;
      try {
        for (const s of sitesOfText(text, rel)) sites.push({ repo: r.repo, path: rel, ...s });
      } catch (e) {
        stats.failed++;
        process.stderr.write(`${r.repo}: ${rel}: not parsed: ${e.message}\n`);
      }
    }
  }
  return { sites, stats };
}

function main() {
  const { values: opts } = parseArgs({ options: { repo: { type: 'string', multiple: true }, out: { type: 'string' } } });
  const lines = [];
  for (const r of selectRepos(readRepos(), opts.repo)) {
    if (!hasCheckout(r)) {
      process.stderr.write(`${r.repo}: no checkout (run bench/real-code/checkout.mjs); skipped\n`);
      continue;
    }
    const { sites, stats } = sitesOfRepo(r);
    const skipped =
      Object.entries(stats.skipped)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || 'none';
    process.stderr.write(`${r.repo}: ${stats.files} files, ${sites.length} sites (skipped files: ${skipped})\n`);
    for (const s of sites) lines.push(JSON.stringify({ repo: s.repo, path: s.path, line: s.line, column: s.column, text: s.text, kind: s.kind }));
  }
  const text = lines.join('\n') + (lines.length ? '\n' : '');
  if (opts.out) fs.writeFileSync(opts.out, text);
  else process.stdout.write(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
