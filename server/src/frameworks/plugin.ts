// What one framework contributes: how to tell it is in use, its recognizer for the walk, and the
// framework-specific words and spellings the rules need (messages, header and body edits). One
// plugin per folder, listed in registry.ts. Rules read these fields and never name a framework.
import type { SlotKind } from '../analysis/completionRanking';
import type { StatusSite } from '../analysis/model';
import type ts from 'typescript';
import type { Recognizer, Registration, RegistrationEnv } from '../analysis/walk/contract';
import type { Framework } from './ids';

export interface FrameworkDetect {
  /** Module specifiers that mean the file uses this framework; one ending in '/' matches every subpath ('hono/' → 'hono/factory'). */
  imports: readonly string[];
  /** Type names a handler's response parameter is annotated with. */
  paramTypes: readonly string[];
  /** Parameter names the framework's docs give its response object. */
  receiverNames: readonly string[];
}

/** How a header is set next to a status, for the fixes that add one (Location, WWW-Authenticate, Retry-After...). */
export interface HeaderSpelling {
  /** Method chained on `status(n)` that sets a header and returns the response: `res.status(401).set(...)`. */
  afterStatus?: string;
  /** The same when the file also uses NestJS, which may run on Fastify (its reply has `header()`, no `set()`). */
  afterStatusUnderNest?: string;
  /** `status(n)` returns nothing: the header call goes in a statement of its own before it (`c.header(...)`). */
  statementBeforeStatus?: string;
  /** Method chained on the response before `sendStatus(n)`. */
  beforeSendStatus?: string;
  /** The statement after `x.status = n` that sets a header (`ctx.set(...)`); `setHeader` when absent. */
  afterStatusAssign?: string;
  /** The one-step fix's chained method (rules/support/suggest.ts), where it is certain to exist. */
  quickChain?: string;
  /** `c.json(body, n, headers)`: the headers are the argument after the status. */
  headersArgAfterStatus?: boolean;
}

/**
 * Where completion's cursor is, read from the syntax alone: an argument of `new X(...)`, `@X(...)`,
 * `x(...)` or `a.b(...)`; the value of `a.status = ` / `a.statusCode = `; or the `status` of an init
 * object (`new Response(body, { status })`, `Response.json(...)`, `.redirect(...)`).
 */
export type SlotCall =
  | { form: 'new' | 'decorator' | 'function'; name: string | undefined; index: number }
  /** `receiver`: the chain's root (`res` of `res.status(...)`); `target`: the object the method is called on, when a name; `response`: the root is a response. */
  | { form: 'method'; name: string | undefined; index: number; receiver: string | undefined; target: string | undefined; response: boolean }
  | { form: 'assign'; name: 'status' | 'statusCode'; receiver: string | undefined }
  | { form: 'init'; name: string; method: 'construct' | 'json' | 'redirect' };

/** A plugin's answer about a slot: the kind of status that goes there, `null` for "my call, no status here", `undefined` for "not mine". */
export type SlotAnswer = SlotKind | null | undefined;

export type InvalidStatusKind = 'string' | 'range' | 'integer';

export interface FrameworkPlugin {
  id: Framework;
  /** The framework's name in messages: 'Express', 'NestJS'. */
  displayName: string;
  detect: FrameworkDetect;
  /** Sites, sends and headers found in the walk. Shared recognizers are listed by one plugin only (Express's covers node:http and Next.js pages responses). */
  recognizer?: Recognizer;
  /**
   * The registration a call of the framework's own API makes (`http.createServer(h)`,
   * `fastify.route({ ... })`, `app.onError(h)`), null when the call is the framework's but registers
   * nothing, undefined when it is not the framework's. Asked for every call, before the generic
   * `app.<method>(path, h)`: check the callee's name first. `frameworkOfTarget` names the framework of
   * the object a method is called on, when it can be told.
   */
  registrationOf?(
    call: ts.CallExpression,
    env: RegistrationEnv,
    frameworkOfTarget: (target: ts.Expression, env: RegistrationEnv) => Framework | undefined,
  ): Registration | null | undefined;
  /**
   * The routers a call mounts under a path prefix (`app.use('/api', router)`, `app.route('/api', sub)`,
   * `app.register(plugin, { prefix: '/api' })`): the prefix and the expressions naming what is mounted.
   * Asked for every call by the route map (analysis/routeMounts.ts): check the callee's name first.
   */
  mountsOf?(call: ts.CallExpression): { prefix: string; routers: ts.Expression[] } | undefined;
  /** A prefix the call puts before every route of this framework in the app (`app.setGlobalPrefix('api')`). */
  globalPrefixOf?(call: ts.CallExpression): string | undefined;
  /** Which parameters of a handler registered with `role` are the request and the response; (req, res) or Express's 4-parameter error handler when absent. */
  handlerParams?(role: Registration['role']): { req: number; res: number; errorHandler: boolean };
  /** The status slot completion offers codes in. Plugins are asked in registry order; the first answer other than undefined wins. */
  statusSlot?(call: SlotCall): SlotAnswer;
  /** Asked only when no plugin's statusSlot answered: the framework assumed for a response of unknown kind. */
  fallbackSlot?(call: SlotCall): SlotAnswer;

  headers?: HeaderSpelling;
  /** The call that ends a response with no body, when it is not `end()`: Fastify's `reply.send()`. */
  finishMethod?: string;
  /** The method that sets the status, for messages, when it is not `status()`: Fastify's `reply.code()`. */
  statusMethod?: string;
  /** The response has `sendStatus(n)`, which sends the reason phrase as the body. */
  hasSendStatus?: boolean;
  /** A handler's return value is ignored: `return res.status(400)` sends nothing. */
  ignoresReturnedResponse?: boolean;
  /** `c.json(body, init)` and `new Response(body, init)` hand the status to the Fetch API's Response constructor (200-599 only). */
  responseInitIsFetch?: boolean;
  /** Every send builds a Fetch `Response`, whose constructor throws on a body with a null-body status. */
  buildsFetchResponse?: boolean;
  /** The body to drop is the argument of these calls, rewritten to `body(null, ...)`: Hono's `c.json(x, 204)`. */
  bodyNullCalls?: readonly string[];
  /** Who drops a body sent with a no-content status, when it is not displayName ('The error handler'). */
  bodyDroppedBy?: string;
  /** Empties a 205's body as it does a 204's (Node only does for 1xx, 204 and 304). */
  empties205?: boolean;
  /** Without a status, an empty body is answered with 204 by the framework itself. */
  emptyBodyImplies204?: boolean;
  /** What happens when the second response is sent, for response-sent-twice; Node's ERR_HTTP_HEADERS_SENT when absent. */
  secondSend?: string;
  /** What an invalid status does at runtime; the rule's Express wording when absent. */
  invalidStatus?(kind: InvalidStatusKind, site: StatusSite): string;
  /** Node's own check lets 600-999 through (Express, node:http). */
  acceptsStatusUpTo999?: boolean;
  /** The one-call redirect that also sets Location, for messages (CODE stands for the status). */
  redirectCall?: string;
  /** How a handler reads path parameter `name`: from the request parameter or the context. */
  pathParam?(name: string, request: string | undefined, receiver: string | undefined): string | undefined;
  /** Where a thrown exception's message goes into the response body: its first argument, or the `message` option. */
  exceptionMessage?: 'first-argument' | 'message-option';
  /** The exception's message is sent as text (not JSON), so a fix rewrites it as a string. */
  exceptionMessageIsText?: boolean;
  /** A `@HttpCode()` decorator's body is what the decorated method returns. */
  decoratorBodyIsReturned?: boolean;
  /** The route path a file's place gives its handlers (app/api/users/[id]/route.ts → /api/users/[id]), for routes no call registers. */
  routePathOfFile?(fileName: string): string | undefined;
  /** Middleware always receives `next`: `next ? next(err) : res.status(401)` never takes the second branch. */
  alwaysPassesNext?: boolean;
}
