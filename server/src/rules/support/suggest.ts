// The status a site should have, judged from its guard or catch, and the small readings of a site
// that several rules share: the problem its guard states, its literal message, whether its code is
// only a fallback, and how to set a header on the same response in the same edit.
import type { Guard, StatusSite, TextEdit } from '../../analysis/types';
import { phraseOf } from '../../knowledge/statusData';
import { pluginFor } from '../../frameworks/registry';

export interface Suggestion {
  code: number;
  /** Why, in a few words, for the fix title. */
  because: string;
}

/** Errors that mean the request was bad: schema validation, malformed ids, unparsable bodies. */
export const CLIENT_ERROR_NAMES =
  /^(ValidationError|ValidatorError|ZodError|CastError|JoiValidationError|SequelizeValidationError|ValidateError|BadRequestError|InvalidInputError|UserInputError|StrictModeError|validation|isJoi|issues|entity\.parse\.failed|LIMIT_UNEXPECTED_FILE)$/;
/** Errors that mean "no such record or file". */
export const NOT_FOUND_NAMES =
  /^(NotFoundError|NotFound|NotFoundException|EntityNotFound|EntityNotFoundError|DocumentNotFoundError|EmptyResultError|RecordNotFound|RecordNotFoundError|ResourceNotFoundError|NoSuchKey|ENOENT|P2025|P2001|404)$/;
/** Unique-constraint violations: Mongo E11000, Prisma P2002, MySQL ER_DUP_ENTRY, Postgres 23505, Sequelize. */
export const UNIQUE_VIOLATION_NAMES =
  /^(11000|E11000|P2002|ER_DUP_ENTRY|23505|SequelizeUniqueConstraintError|UniqueConstraintError|SQLITE_CONSTRAINT_UNIQUE|DuplicateKeyError)$/;

/** "404 Not Found", for messages and fix titles. */
export function codeLabel(code: number): string {
  return `${code} ${phraseOf(code) ?? ''}`.trim();
}

/** A clause ("the lookup found nothing") as the start of a sentence. */
export function capitalized(clause: string): string {
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** Source or message text quoted in a message, cut so the sentence around it stays short. */
export function snippet(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The guard that decides a site's meaning: the innermost if around it, when it states a problem. */
export function problemGuard(site: StatusSite): Guard | undefined {
  const g = site.guard;
  return g && g.kind !== 'other' && !g.negated ? g : undefined;
}

/** `SyntaxError` from parsing the request body (body-parser's `'body' in err`, or JSON.parse in the try). */
export function isBodySyntaxError(site: StatusSite, g: Guard): boolean {
  if (g.kind !== 'error-type' || g.errorName !== 'SyntaxError') return false;
  if (/\bbody\b|entity\.parse/.test(g.text) || site.handler?.isErrorMiddleware) return true;
  const calls = site.catchClause?.tryCalls ?? [];
  return calls.some((c) => c === 'parse' || c === 'json') && calls.every((c) => /^(parse|json|toString|text|slice|trim|from|concat|String|Buffer)$/.test(c));
}

/** The guard states a client mistake: failed validation, a missing field, a validation error type. */
export function isClientInputGuard(site: StatusSite, g: Guard | undefined): boolean {
  if (!g) return false;
  if (g.kind === 'validation' || g.kind === 'missing-field') return true;
  return g.kind === 'error-type' && (CLIENT_ERROR_NAMES.test(g.errorName ?? '') || isBodySyntaxError(site, g));
}

/** Ordered suggestions for a failing response: the first is the preferred fix. */
export function suggestErrorCodes(site: StatusSite, settings: { readonly validationStatus: number }): Suggestion[] {
  const out: Suggestion[] = [];
  const add = (code: number, because: string) => {
    if (!out.some((s) => s.code === code)) out.push({ code, because });
  };
  const g = problemGuard(site);
  switch (g?.kind) {
    case 'lookup-miss':
      add(404, 'the lookup found nothing');
      break;
    case 'validation':
    case 'missing-field':
      add(settings.validationStatus, 'the request failed validation');
      break;
    case 'auth-missing':
      add(401, 'no valid credentials');
      break;
    case 'permission':
      add(403, 'authenticated but not allowed');
      break;
    case 'exists':
      add(409, 'the resource already exists');
      break;
    case 'rate-limit':
      add(429, 'rate limit exceeded');
      break;
    case 'error-type':
      if (isClientInputGuard(site, g)) add(settings.validationStatus, 'the request failed validation');
      else if (NOT_FOUND_NAMES.test(g.errorName ?? '')) add(404, 'the lookup found nothing');
      else if (UNIQUE_VIOLATION_NAMES.test(g.errorName ?? '')) add(409, 'the resource already exists');
      break;
    default:
      break;
  }
  if (site.catchClause) add(500, 'an unexpected error was caught');
  add(400, 'the request cannot be processed');
  if (site.guards.some((x) => x.kind === 'lookup-miss' && !x.negated)) add(404, 'the lookup found nothing');
  add(500, 'the server failed');
  return out;
}

/** The literal message a response carries: the exception's message, a string body, or `{ error: '...' }`. */
export function siteMessage(site: StatusSite): string | undefined {
  if (site.message) return site.message;
  const body = site.body;
  if (!body) return undefined;
  if (body.kind === 'string') {
    const m = /^(['"`])([^]*)\1$/.exec(body.text);
    return m && !m[2].includes('${') ? m[2] : undefined;
  }
  if (body.kind !== 'object') return undefined;
  for (const name of ['error', 'message', 'msg', 'detail', 'title', 'reason', 'description', 'error_description']) {
    const p = body.props.find((x) => x.name === name && typeof x.literal === 'string');
    if (p) return p.literal as string;
  }
  return undefined;
}

/** `res.status(err.status || 500)`: the literal is only a fallback, the real code is decided at run time. */
export function isFallbackCode(site: StatusSite, text: string): boolean {
  let i = site.span.start - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  const two = text.slice(i - 1, i + 1);
  return two === '||' || two === '??';
}

/** The latest text's preferred quote: counting the whole file's quotes for each site cost size times sites. */
let quoteMemo: { text: string; quote: string } | undefined;

/** The quote the file prefers for inserted strings. */
function quoteOf(text: string): string {
  if (quoteMemo?.text !== text) {
    const single = (text.match(/'/g) ?? []).length;
    const double = (text.match(/"/g) ?? []).length;
    quoteMemo = { text, quote: double > single ? '"' : "'" };
  }
  return quoteMemo.quote;
}

/**
 * An edit that sets a header on the same response in the same fix, where that is plainly safe:
 *   res.status(401)            → res.status(401).set('WWW-Authenticate', 'Bearer')     (Express)
 *   reply.code(429)            → reply.code(429).header('Retry-After', '60')           (Fastify)
 *   c.json(body, 429)          → c.json(body, 429, { 'Retry-After': '60' })            (Hono, no headers argument yet)
 *   { status: 429 }            → { status: 429, headers: { 'Retry-After': '60' } }     (Response / NextResponse init)
 *   ctx.status = 429;          → ctx.status = 429; ctx.set('Retry-After', '60');       (Koa, on its own line)
 * Undefined elsewhere (thrown errors, unusual shapes): the header rules then ask for it.
 */
export function sameEditHeaderEdit(site: StatusSite, text: string, name: string, value: string): TextEdit | undefined {
  if (site.headers.some((h) => h.name === name.toLowerCase()) || site.send.how === 'thrown') return undefined;
  const q = quoteOf(text);
  const str = (x: string) => `${q}${x.replace(/['"\\]/g, '')}${q}`;
  const prop = /^[A-Za-z_$][\w$]*$/.test(name) ? name : str(name);
  let after = site.span.end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  let before = site.span.start - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  if (site.kind === 'status-call' && site.receiver && text[after] === ')') {
    const method = pluginFor(site.framework).headers?.quickChain;
    return method ? { start: after + 1, end: after + 1, newText: `.${method}(${str(name)}, ${str(value)})` } : undefined;
  }
  if (site.kind === 'response-init') {
    // c.json(body, 429): the status is the last argument
    if (pluginFor(site.framework).headers?.headersArgAfterStatus && text[after] === ')' && text[before] === ',')
      return { start: site.span.end, end: site.span.end, newText: `, { ${prop}: ${str(value)} }` };
    // { status: 429 } and nothing else in the init object
    const open = text.lastIndexOf('{', site.span.start);
    const close = text.indexOf('}', site.span.end);
    if (open >= 0 && close >= 0 && /^\{\s*status\s*:\s*$/.test(text.slice(open, site.span.start)) && /^\s*,?\s*$/.test(text.slice(site.span.end, close))) {
      return { start: site.span.end, end: site.span.end, newText: `, headers: { ${prop}: ${str(value)} }` };
    }
    return undefined;
  }
  const assignLine = pluginFor(site.framework).headers?.afterStatusAssign;
  if (site.kind === 'status-assign' && assignLine && site.receiver) {
    const lineStart = text.lastIndexOf('\n', site.span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', site.span.end) < 0 ? text.length : text.indexOf('\n', site.span.end);
    const line = text.slice(lineStart, lineEnd);
    const m = /^([ \t]*)(\w+)\.status\s*=\s*[^;]+?(;?)\s*$/.exec(line);
    if (!m || m[2] !== site.receiver || text.slice(site.span.end, lineEnd).trim() !== m[3]) return undefined;
    return { start: lineEnd, end: lineEnd, newText: `\n${m[1]}${site.receiver}.${assignLine}(${str(name)}, ${str(value)})${m[3]}` };
  }
  return undefined;
}

/**
 * The sites that answer a fixed 5xx code someone chose (not a dynamic or fallback `err.status || 500`),
 * with the guard of the problem they answer, if any: where the 5xx-for-a-client-problem rules look.
 */
export function* chosenServerErrors(sites: readonly StatusSite[], text: string): Generator<{ site: StatusSite & { code: number }; guard: Guard | undefined }> {
  for (const site of sites) {
    if (site.code === undefined || site.code < 500 || site.code > 599 || site.form === 'dynamic') continue;
    if (isFallbackCode(site, text)) continue;
    yield { site: site as StatusSite & { code: number }, guard: problemGuard(site) };
  }
}
