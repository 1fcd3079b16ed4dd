// Plain data shared by the analysis, the rules, the LSP adapter and the CLI: sites, guards, bodies,
// sends, flow positions. A leaf: it imports no module of the analysis (types.ts adds FileAnalysis).
// Positions are UTF-16 offsets into the document text (what TypeScript and LSP both count in).

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor offers first, and the one fix-all and `--fix` apply unless it is a suggestion. At most one per finding. */
  isPreferred?: boolean;
  /**
   * Changes more than the status (a body, a header whose value is a guess, control flow): offered as
   * a quick fix for the user to review, never applied by fix-all or `--fix`.
   */
  suggestion?: boolean;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  /** Which of the rule's declared messages this is (tests name it; the CLI's JSON does not carry it). */
  messageId?: string;
  message: string;
  fixes: Fix[];
}

import type { Framework, ID } from '../frameworks/ids';
export type { Framework };

/** How a status appears in the source. */
export type CodeForm =
  | 'number' // res.status(404)
  | 'string' // res.status('404')
  | 'constant' // StatusCodes.NOT_FOUND, HttpStatus.NOT_FOUND, a local const, an enum member
  | 'implicit' // res.json(x) with no status: the framework's default
  | 'named' // new NotFoundException(), Boom.notFound(): the code is in the name
  | 'dynamic'; // err.status || 500: unknown at analysis time

/** The kind of call or construct that decides the status. */
export type SiteKind =
  | 'status-call' // res.status(n), reply.code(n), c.status(n)
  | 'send-status' // res.sendStatus(n)
  | 'status-assign' // res.statusCode = n, ctx.status = n
  | 'redirect' // res.redirect(n, url), ctx.redirect(url), Response.redirect(url, n)
  | 'write-head' // res.writeHead(n, headers)
  | 'implicit-send' // res.json(x) without a status
  | 'response-init' // new Response(body, { status }), Response.json(body, { status }), c.json(body, n)
  | 'decorator' // @HttpCode(n), @Redirect(url, n)
  | 'exception' // throw new HttpException(msg, n), new NotFoundException(), createError(404), Boom.notFound()
  | 'framework-default'; // NestJS's default 201 for @Post(), 200 for the other methods

/** What a guarding condition or catch is about; rules map these to the right status. */
export type GuardKind =
  | 'missing-field' // !req.body.email, typeof req.query.page !== 'number'
  | 'validation' // a failed Joi/Zod/Yup/express-validator result
  | 'lookup-miss' // !user after User.findById(...)
  | 'exists' // existing record found in a create/update path
  | 'auth-missing' // !req.user, !token, no Authorization header, failed token verification
  | 'permission' // role, permission or ownership test
  | 'rate-limit' // a rate/quota/limit counter
  | 'error-type' // err instanceof ValidationError, err.name === 'CastError'
  | 'other';

export interface Guard {
  kind: GuardKind;
  /** The condition's source text, for messages. */
  text: string;
  span: Span;
  /** The site is in the else branch: the condition is false there. */
  negated: boolean;
  /** For 'error-type': the error class or name tested, when known. */
  errorName?: string;
  /** For 'other': a permission test joined to a credentials test (`!user || !user.isAdmin`), two problems under one branch. */
  mixedWithAuth?: true;
}

export interface CatchFacts {
  /** The catch parameter's name, when there is one. */
  param?: string;
  /** True when an enclosing if inside the catch tests the error's type or code. */
  narrowed: boolean;
  /** Calls made in the try block (method or function names), to tell data/service calls apart. */
  tryCalls: string[];
}

export interface RouteFacts {
  /** Upper-case HTTP method, or 'ALL'/'USE' for app.all/app.use. */
  method: string;
  path?: string;
  /** Where the route is registered (for Allow suggestions): every method seen for this path in the file. */
  methodsForPath?: string[];
}

export type BodyValueKind =
  'boolean' | 'string' | 'number' | 'null' | 'undefined' | 'array' | 'object' | 'identifier' | 'member' | 'call' | 'template' | 'other';

export interface BodyProp {
  name: string;
  valueKind: BodyValueKind;
  /** Literal value for booleans, strings, numbers and null. */
  literal?: string | number | boolean | null;
  /** For arrays and objects: no elements/properties. For strings: ''. */
  empty?: boolean;
  /** Source text of the value (trimmed for long values). */
  valueText: string;
  span: Span;
}

export interface BodyFacts {
  kind: 'object' | 'string' | 'identifier' | 'member' | 'call' | 'null' | 'other';
  span: Span;
  text: string;
  /** Property names and literal values when the body is an object literal. */
  props: BodyProp[];
}

export interface HeaderFact {
  /** Lower-case header name. */
  name: string;
  span: Span;
}

export type SendHow =
  | 'chained' // res.status(404).json(x)
  | 'same-call' // res.sendStatus(404), c.json(x, 404), new Response(x, {status})
  | 'later' // res.status(404); res.json(x)
  | 'returned' // Fastify/Hono/Next: the value returned from the handler is the response
  | 'thrown' // exceptions: the framework's error handler sends it
  | 'framework' // Koa ctx.status / decorators: the framework sends when the handler ends
  | 'not-sent' // no send on this path
  | 'unknown'; // the response escapes (passed to a helper, returned): stay silent

export interface SendFacts {
  how: SendHow;
  /** The call that sends the body, when there is one (res.json(...), reply.send(...)). */
  span?: Span;
  /** The sending method's name: json, send, end, sendStatus, render, redirect... */
  method?: string;
  /** True when the send is the operand of a return (return res.json(x)) or followed by return/throw. */
  returns: boolean;
}

export interface HandlerFacts {
  /** Names of the handler's request/response parameters, when recognised. */
  requestName?: string;
  responseName?: string;
  isErrorMiddleware: boolean;
  isAsync: boolean;
  span: Span;
}

export interface StatusSite {
  framework: Framework;
  kind: SiteKind;
  /** The status code, or undefined when it cannot be known statically. */
  code: number | undefined;
  form: CodeForm;
  /** Where findings are reported: the status expression, or the send call when the status is implicit. */
  span: Span;
  /** The source text at span. */
  text: string;
  /**
   * Where a "change the status" fix writes, and what it writes there:
   * a plain replacement of the literal/constant, or an insertion (e.g. `.status(400)` for an implicit 200).
   * Undefined when no safe code edit exists.
   */
  codeEdit?: CodeEditPlan;
  /** For constants: the constant's name as written (StatusCodes.NOT_FOUND). */
  constantName?: string;
  /** The code is one branch of `cond ? a : b` (`status: notFound ? 404 : 500`): a test picks it, not every request. */
  branch?: true;
  /** The response variable (res, reply, ctx, c) when there is one. */
  receiver?: string;
  /**
   * The receiver is surely this server's HTTP response: a parameter of a handler registered on a
   * recognised framework, or typed as one; not a (req, res) shape or a usual name guessed at.
   */
  certain?: boolean;
  /** Set when `certain` is false only because its handler was recognised by its (req, res) shape: the handler's name (see FileAnalysis.registeredHandlers). */
  guessedHandler?: string;
  body?: BodyFacts;
  headers: HeaderFact[];
  send: SendFacts;
  route?: RouteFacts;
  /** The innermost enclosing if-condition (within the handler), when any. */
  guard?: Guard;
  /** Every enclosing if-condition within the handler, innermost first. */
  guards: Guard[];
  catchClause?: CatchFacts;
  handler?: HandlerFacts;
  /** A message passed with the status (exceptions, createError, ctx.throw), when literal. */
  message?: string;
  /** Where the site sits on its function's control-flow skeleton (see flow.ts), for flow-aware rules. */
  flow?: FlowPosition;
  /**
   * A test double's answer (a Response given to a mock, a replaced fetch, a server a test suite starts):
   * a status code (hover, inlay hints), never this server's response, so no rule sees it.
   */
  testDouble?: true;
}

/** How to rewrite a site's status to another code, computed by the framework that found it. */
export type CodeEditPlan =
  | { kind: 'replace'; span: Span; style: 'number' | 'constant'; constantPrefix?: string }
  | { kind: 'insert'; at: number; template: string } // template contains {code}
  // Replace `span` with `template` ({code} filled in): `return x` → `return reply.code(404).send(x)`.
  | { kind: 'template'; span: Span; template: string }
  // The code is in a name (NotFoundException, Boom.notFound, createError.NotFound): replace the name
  // with the family's name for the new code; no edit when the family has none for that code.
  | { kind: 'rename'; span: Span; family: NamedStatusFamily; imported?: readonly string[] }
  | { kind: 'none' };

/** Libraries whose class or factory names carry the status code. */
export type NamedStatusFamily = typeof ID.nest | typeof ID.boom | typeof ID.httpErrors | 'fastify-sensible';

export interface SuppressionFacts {
  /** Rule ids disabled for the whole file ('*' = all). */
  fileDisabled: Set<string>;
  /** 0-based line → rule ids disabled on that line ('*' = all). */
  lineDisabled: Map<number, Set<string>>;
}

/** A place where a status expression sits, used for completion (may be empty or half-typed). */
export interface StatusSlot extends Span {
  framework: Framework;
  /** What the handler around it just did, to rank codes (e.g. 'create' ranks 201 first). */
  hint?: 'create' | 'delete' | 'read' | 'update' | 'error' | 'auth' | 'redirect';
}

/** A send call, located on the handler's control-flow skeleton (see flow.ts). */
export interface SendEvent extends Span {
  receiver: string;
  /** The receiver is surely this server's HTTP response (see StatusSite.certain). */
  certain: boolean;
  guessedHandler?: string;
  method: string;
  /** The status site this send completes, when any. */
  statusSpan?: Span;
  /** True when a return/throw/next() follows it on its path or it is itself returned. */
  terminates: boolean;
  /** Opaque position on the control-flow skeleton: see flow.ts. */
  flow: FlowPosition;
  /** Span to insert `return ` at (start of the send's statement), when the send is a statement. */
  statementStart?: number;
  /** In a test double (see StatusSite.testDouble): no rule sees it. */
  testDouble?: true;
}

export interface FlowFrame {
  /** Identity of the statement list (a block's id within the file). */
  block: number;
  /** Index of the statement within that list. */
  index: number;
  /** True when that statement list has an unconditional return/throw at an index >= the next one. */
  exitsAfter: number; // first index > `index` of an unconditional exit, or Infinity
  /** The statement list belongs to a loop body. */
  inLoop: boolean;
}

export interface FlowPosition {
  /** Identity of the enclosing function. */
  fn: number;
  frames: FlowFrame[];
  /** The statement holding the event is itself a return/throw. */
  isExit: boolean;
}
