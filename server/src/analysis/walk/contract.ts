// The walk's contract: what a framework recognizer is handed (WalkContext), what it may report
// (sites, header writes, sends, escapes, slots, routes), and what one walk returns for the next to
// reuse (WalkResult, WalkSegment). Types only, plus the depth bound; the walk itself is visitor.ts.
import type * as ts from 'typescript';
import type { DeclInfo, DeclLookup } from '../guardReaders';
import type {
  BodyFacts,
  CatchFacts,
  CodeEditPlan,
  FlowFrame,
  FlowPosition,
  Framework,
  Guard,
  HandlerFacts,
  RouteFacts,
  SendEvent,
  SendHow,
  SiteKind,
  Span,
  StatusSite,
  StatusSlot,
} from '../model';
import type { LocalConstants, ResolvedCode } from '../resolve';
import type { ResponseBinding } from '../scope';

export interface FunctionContext {
  id: number;
  node: ts.SignatureDeclaration;
  parent?: FunctionContext;
  /** Parameters recognised as a response (strong: a role, not only a usual name). */
  receivers: Map<string, ResponseBinding>;
  /** Receivers this function set a status on, so a send in a nested callback is not taken for an implicit 200. */
  statusSet?: Set<string>;
  decls: Map<string, DeclInfo>;
  /** Names declared with let/var: their initializer is not their value everywhere. */
  mutable: Set<string>;
  /** Parameter type names (`reply: FastifyReply` → FastifyReply). */
  paramTypes: Map<string, string>;
  handler?: HandlerFacts;
  route?: RouteFacts;
  /** The framework this function is a handler of (inherited by nested callbacks). */
  framework?: Framework;
  /** True when this function is a handler registered on a route (or a Nest/Next route method). */
  isRouteHandler: boolean;
  /** How the function was registered: a route, an error or not-found handler, a hook, a server callback. */
  role?: HandlerRole;
  /** Enclosing if-branches, outermost first; classified only when a site or send lands under one. */
  guards: GuardFrame[];
  catches: CatchFacts[];
  frames: FlowFrame[];
  /** Nest controller method: what its decorators decided (see frameworks/nest/recognizer.ts). */
  nest?: { method: string; httpCode: boolean; redirect: boolean; manualResponse: boolean; returnsWithValue: number; receiver: string };
}

/** One side of an if. Both sides share the condition, classified once on first demand. */
export interface GuardFrame {
  condition: { expr: ts.Expression; requestName?: string; branches?: { then: Guard; else: Guard } };
  side: 'then' | 'else';
}

/** The site a send stands for when no status was set before it: `res.json(x)` → implicit 200. */
export interface ImplicitPlan {
  code: number;
  kind?: SiteKind;
  /** Where the implicit site is reported (the send callee, the returned value, `ctx.body`). */
  reportNode: ts.Node;
  codeEdit: CodeEditPlan;
  /** A status set later on the path also decides (Koa: `ctx.body = x; ctx.status = 404`). */
  anyOrder?: boolean;
}

export interface PendingSite {
  framework: Framework;
  kind: SiteKind;
  resolved: ResolvedCode;
  /** The node findings are reported on (the status expression, or the send/decorator for implicit codes). */
  reportNode: ts.Node;
  codeEdit: CodeEditPlan;
  receiver?: string;
  /** The receiver is surely this server's HTTP response (see ResponseBinding.certain). */
  certain?: boolean;
  guessedHandler?: string;
  body?: BodyFacts;
  headers?: { name: string; span: Span }[];
  /** The node whose enclosing chain is searched for a chained send (the status call). */
  chainFrom?: ts.Node;
  sendHow?: SendHow;
  sendSpan?: Span;
  sendMethod?: string;
  /**
   * 'path': the framework sends when the handler ends (Koa, Nest decorators): the body and headers
   * come from anywhere on the site's path, before or after it.
   */
  sendMode?: 'path';
  /** False when the body is not this site's to carry (Nest's default 201: each returned object has its own site). */
  linkBody?: boolean;
  /** An implicit default (Koa's redirect 302) that a status assignment on the same path replaces. */
  yieldsToStatus?: boolean;
  message?: string;
  fn?: FunctionContext;
  flow: FlowPosition;
  /** Enclosing guards within the handler at the site, innermost first. */
  guards: Guard[];
  catchClause?: CatchFacts;
  /** In a mock, a replaced fetch or a test suite's callback: not this server's answer (sites/testDoubles.ts). */
  testDouble?: true;
}

export type NewSite = Omit<PendingSite, 'flow' | 'fn' | 'guards' | 'catchClause' | 'testDouble'> & {
  /** A condition under which the site applies, innermost (ctx.assert(cond, 404): "cond is false"). */
  guard?: Guard;
};

export interface HeaderEvent {
  receiver: string;
  name: string;
  span: Span;
  fn: number;
  pos: number;
  flow: FlowPosition;
  /** The status call this header write is chained with (res.status(201).location(...)), if any. */
  chainRoot?: ts.Node;
}

export interface SendEventRaw {
  receiver: string;
  method: string;
  node: ts.Node;
  body?: BodyFacts;
  fn: number;
  flow: FlowPosition;
  chainRoot?: ts.Node;
  returned: boolean;
  statementStart?: number;
  /** The receiver is a recognised handler parameter or response variable, not only a usual name. */
  strong: boolean;
  /** The receiver is surely this server's HTTP response (see ResponseBinding.certain). */
  certain: boolean;
  guessedHandler?: string;
  framework: Framework;
  /** How a status site linked to this send is sent, when not 'later'/'chained' ('returned' for return values). */
  how?: SendHow;
  /** The implicit status of this send when nothing set one before it. */
  implicit?: ImplicitPlan;
  fnContext?: FunctionContext;
  guards: Guard[];
  catchClause?: CatchFacts;
  testDouble?: true;
}

export interface SendOptions {
  body?: BodyFacts;
  chainRoot?: ts.Node;
  framework?: Framework;
  how?: SendHow;
  implicit?: ImplicitPlan;
  /** Count the receiver as recognised even when it is not a parameter (synthetic receivers like '@nest'). */
  strong?: boolean;
}

export interface EscapeEvent {
  receiver: string;
  fn: number;
  pos: number;
}

/** What a framework recognizer gets: read-only context and ways to report. */
export interface WalkContext {
  readonly sf: ts.SourceFile;
  readonly text: string;
  readonly locals: LocalConstants;
  /** Module specifiers imported or required at the top level ('express', 'fastify', '@nestjs/common'...). */
  readonly imports: ReadonlySet<string>;
  /** Top-level import/require bindings: local name → module and imported name. */
  readonly bindings: ReadonlyMap<string, ImportBinding>;
  readonly ancestors: readonly ts.Node[];
  readonly fn: FunctionContext | undefined;
  readonly currentClass: ts.ClassLikeDeclaration | undefined;
  /** The response-object name an expression refers to, if it is one. */
  responseName(expr: ts.Expression): string | undefined;
  /** The framework of a response name: the role it was given, else judged by the name and imports. */
  receiverFramework(name: string): Framework;
  /** True when `name` is a recognised response (a handler parameter or response variable), not only a usual name. */
  isStrongReceiver(name: string): boolean;
  /** The function whose scope declares `name`, undefined for module-level and undeclared names. */
  declaringFunction(name: string): FunctionContext | undefined;
  /** `callee(req, res)`: a function of the file is handed this response, which makes it a handler too. */
  handOver(callee: string, receiver: string): void;
  /** Give a parameter of the function being entered a response role (Nest's `@Res() res`): surely an HTTP response. */
  markParamResponse(name: string, framework: Framework): void;
  /** The response chain `call` ends (`res.status(404).json(x)`), if its root is a response: computed once per call. */
  responseCallOf(call: ts.CallExpression): ResponseCall | undefined;
  /** Mark a local as a response of `framework` in the current function (`const r = NextResponse.json(...)`). */
  markResponse(name: string, framework: Framework): void;
  /** The framework of the innermost enclosing handler, if any. */
  handlerFramework(): Framework | undefined;
  resolve(expr: ts.Expression): ResolvedCode[];
  /** What a condition is about, as a guard for its then-branch. */
  classify(expr: ts.Expression): Guard | undefined;
  /** The guard of the innermost enclosing if-branch in the current function. */
  innermostGuard(): Guard | undefined;
  addSite(site: NewSite): void;
  /** Find what a name was declared as, through enclosing functions. */
  lookup: DeclLookup;
  addHeader(receiver: string, name: string, node: ts.Node, chainRoot?: ts.Node): void;
  addSend(receiver: string, method: string, node: ts.Node, options?: SendOptions): void;
  /**
   * The response leaves our sight here (passed to a helper, `next()` called): recorded for this function
   * and each one around it up to `owner` (by default the one declaring `receiver`).
   */
  addEscape(receiver: string, node: ts.Node, owner?: FunctionContext): void;
  addSlot(slot: StatusSlot): void;
  /** Record a route seen in the file (for methodsForPath), e.g. from Nest decorators or Next.js exports. */
  addRoute(route: { method: string; path: string }): void;
  span(node: ts.Node): Span;
  flowPosition(): FlowPosition;
}

export interface Recognizer {
  /** The framework whose sites it reports; none for the shared ones (escapes, rate limiters). */
  framework?: Framework;
  onCall?(node: ts.CallExpression, w: WalkContext): void;
  onNew?(node: ts.NewExpression, w: WalkContext): void;
  onAssign?(node: ts.BinaryExpression, w: WalkContext): void;
  onMethod?(node: ts.MethodDeclaration, w: WalkContext, classNode: ts.ClassLikeDeclaration | undefined): void;
  /** A value leaves the function: `return expr` (node is the statement) or an arrow's expression body. */
  onReturn?(expr: ts.Expression | undefined, node: ts.Node, w: WalkContext): void;
  /** Called when a function-like node is entered; may mark the function as a handler. */
  onFunction?(node: ts.SignatureDeclaration, fn: FunctionContext, w: WalkContext): void;
  /** Called when the walk leaves a function, to add sites that depend on the whole function. */
  onFunctionEnd?(fn: FunctionContext, w: WalkContext): void;
}

/**
 * A function of the file the file itself treats as a handler: registered by name
 * (`app.get('/x', getUser)`), or handed this server's response (`handleSignup(req, res)`); `via` names
 * the handler whose response was handed on when that one is itself only guessed.
 */
export interface Vouch {
  name: string;
  via?: string;
}

export interface WalkResult {
  sites: PendingSite[];
  headers: HeaderEvent[];
  sends: SendEventRaw[];
  escapes: EscapeEvent[];
  slots: StatusSlot[];
  nodesVisited: number;
  routes: { method: string; path: string }[];
  /** Functions the file registers as handlers by name, or hands a response to (see registeredHandlers). */
  vouches: Vouch[];
  /** Offset of the first subtree left unvisited because it is nested deeper than MAX_WALK_DEPTH. */
  depthLimitAt?: number;
  /** What each top-level statement contributed, so the next version's walk can reuse unchanged ones. */
  segments: WalkSegment[];
  /** The file's imports and top-level exits, which every statement's facts depend on. */
  moduleKey: string;
  /** Function and block ids handed out so far: a walk reusing this one continues after them. */
  nextId: number;
}

/** Module-level state a top-level statement sets: replayed when the statement is reused. */
export type ModuleWrite =
  | { kind: 'number'; name: string; value: number }
  | { kind: 'enum'; name: string; members: Map<string, number> }
  | { kind: 'init'; name: string; init: ts.Expression; text: string };

/**
 * The events one top-level statement produced. ts.updateSourceFile keeps the node of a statement the
 * edit did not touch (moving its positions), so on the next version the same node means the same
 * facts: they are reused, their offsets moved by as much as the statement moved.
 */
export interface WalkSegment {
  statement: ts.Node;
  /** statement.pos when these offsets were right. */
  pos: number;
  /** The walk that produced these events (the first id it handed out): a reused segment keeps it. */
  walkedAt: number;
  sites: PendingSite[];
  headers: HeaderEvent[];
  sends: SendEventRaw[];
  escapes: EscapeEvent[];
  slots: StatusSlot[];
  routes: { method: string; path: string }[];
  vouches: Vouch[];
  nodesVisited: number;
  writes: ModuleWrite[];
  /** This statement's linked sites and sends (link.ts), valid while the file's routes are the same. */
  linked?: { sites: StatusSite[]; sends: SendEvent[]; routesKey: string };
}

/**
 * Deeper than any hand-written code (real files stay under ~100 AST levels; minified bundles under
 * ~400); the recursive walk overflows the stack past ~1,100, so it stops here instead.
 */
export const MAX_WALK_DEPTH = 500;

// What registration (sites/registration.ts) tells the walk about a call that registers handlers.

export interface ImportBinding {
  /** The module specifier: 'fastify', 'hono', '@nestjs/common'... */
  module: string;
  /** The imported name: 'default', '*' (namespace or require), or the named export. */
  name: string;
}

/** What the registration code can see of the file: imports and what names were bound to. */
export interface RegistrationEnv {
  imports: ReadonlySet<string>;
  bindings: ReadonlyMap<string, ImportBinding>;
  /** The initializer a name was declared with (function scopes first, then module scope). */
  initOf(name: string): ts.Expression | undefined;
  /** The enclosing functions' parameter names and type names, innermost first. */
  paramType(name: string): string | undefined;
}

export type HandlerRole = 'route' | 'error' | 'not-found' | 'hook' | 'server';

export interface Registration {
  route?: RouteFacts;
  /** Every method registered when there are several (Hono's app.on(['PUT', 'DELETE'], ...)). */
  methods?: string[];
  /** The framework the registering object belongs to, when it can be told. */
  framework?: Framework;
  role: HandlerRole;
  /** The function nodes that are handlers (arguments, or the `handler` of a route options object). */
  handlers: Set<ts.Node>;
  /** Handlers passed by name (`app.get('/x', getUser)`, `route({ handler: onCreate })`): functions declared apart. */
  named?: string[];
}

// A call on a response object (sites/responseCalls.ts finds them; WalkContext.responseCallOf answers).

export interface ChainLink {
  call: ts.CallExpression;
  method: string;
}

/** A method call on a response (`res.json(x)`, or the last link of a chain starting at one). */
export interface ResponseCall {
  receiver: string;
  /** The calls chained on the response, in order: `res.set(a).status(201).json(b)` → [set, status, json]. */
  links: ChainLink[];
  /** The last link: this call. */
  link: ChainLink;
  method: string;
  framework: Framework;
  strong: boolean;
}
