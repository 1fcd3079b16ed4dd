// The one walk over a file. It keeps the context a reviewer keeps in their head (which handler,
// which framework, which route, which if/catch we are in, what local variables hold) and lets each
// framework's recognizer report status sites, header writes and sends as the walk reaches them.
// Linking sites to their headers and sends happens afterwards on these small event lists (link.ts),
// never by walking the tree again.
import * as ts from 'typescript';
import { classifyBranches, classifyCondition, type DeclInfo, type DeclLookup } from './facts';
import { newLocalConstants, recordLocalConstant, resolveStatus, spanOf, type LocalConstants, type ResolvedCode } from './resolve';
import { fileFramework, importsHttpServer, registrationOf, type HandlerRole, type ImportBinding, type Registration, type RegistrationEnv } from './sites/registration';
import { findResponseCall, type ResponseCall } from './sites/common';
import { unwrapExpr } from './syntax';
import { bindingNames, frameworkOfType, handlerParamIndexes, importsOtherServer, isClientResponseInit, isServerResponseInit, paramName, paramTypeName, topLevelImports } from './sites/roles';
import { insideTestDouble } from './sites/testDoubles';
import { bindingOf, declare, isVarList, moduleDeclarations, newScope, opensBlockScope, scopeOf, type ResponseBinding, type Scope } from './scope';
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
  SendHow,
  SiteKind,
  SendEvent,
  Span,
  StatusSite,
  StatusSlot,
} from './types';

/**
 * Usual names of a response object. A name only counts by its spelling where nothing declares it
 * (a pasted snippet) or as a parameter of a helper outside any handler (`function sendError(res, e)`);
 * a parameter in a response role is recognised whatever its name.
 */
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'ctx', 'c', 'context', 'rep', 'resp']);
/** Names a handler's request parameter goes by. */
const REQUEST_NAMES = /^(req|request)$/;

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
  /** Nest controller method: what its decorators decided (see sites/nest.ts). */
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
  framework: Framework;
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

/** `T` with the properties `K` writable. */
type Mutable<T, K extends keyof T> = Omit<T, K> & { -readonly [P in K]: T[P] };

/** Module-level state a top-level statement sets: replayed when the statement is reused. */
type ModuleWrite =
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

const EXIT_KINDS = new Set([ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.ThrowStatement]);

/** The name a function is declared or stored under: `function getUser(...)`, `const getUser = (...) =>`. */
function functionName(node: ts.Node, ancestors: readonly ts.Node[]): string | undefined {
  if (ts.isFunctionDeclaration(node)) return node.name?.text;
  const parent = ancestors[ancestors.length - 2];
  return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/**
 * `promise.catch((err) => ...)`: the callback is a catch clause for what the chain before it calls
 * (`store.getFile(name).then(send).catch(() => res.status(404))`).
 */
function promiseCatchFacts(fnNode: ts.Node, parent: ts.Node | undefined): CatchFacts | undefined {
  if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== fnNode) return undefined;
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch') return undefined;
  const tryCalls: string[] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const c = n.expression;
      const name = ts.isPropertyAccessExpression(c) ? c.name.text : ts.isIdentifier(c) ? c.text : undefined;
      if (name) tryCalls.push(name);
    }
    ts.forEachChild(n, collect);
  };
  collect(callee.expression);
  if (tryCalls.length === 0) return undefined;
  const first = (fnNode as ts.SignatureDeclaration).parameters[0];
  return { param: first && ts.isIdentifier(first.name) ? first.name.text : undefined, narrowed: false, tryCalls };
}

/** Some function around here has a response parameter: a handler, or a helper given one. */
function insideResponder(fn: FunctionContext | undefined): boolean {
  for (let f = fn; f; f = f.parent) if (f.receivers.size > 0) return true;
  return false;
}

export function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

export function walk(sf: ts.SourceFile, recognizers: readonly Recognizer[], previous?: WalkResult): WalkResult {
  const text = sf.text;
  /** Module-level writes of the top-level statement being walked (see WalkSegment). */
  let writes: ModuleWrite[] = [];
  const locals = newLocalConstants({
    number: (name, value) => writes.push({ kind: 'number', name, value }),
    enum: (name, members) => writes.push({ kind: 'enum', name, members }),
  });
  const ancestors: ts.Node[] = [];
  const { imports, bindings } = topLevelImports(sf);
  const moduleNames = moduleDeclarations(sf);
  const moduleKey = moduleKeyOf(sf, imports, bindings, moduleNames);
  const result: WalkResult = { sites: [], headers: [], sends: [], escapes: [], slots: [], nodesVisited: 0, routes: [], vouches: [], segments: [], moduleKey, nextId: 0 };
  const importedFramework = fileFramework(imports);
  /** The file uses an LDAP, WebSocket, socket, gRPC or mock server: names and shapes alone make no response. */
  const otherServer = importsOtherServer(imports);
  /** Next.js pages API routes (pages/api/x.ts) answer through an Express-like `res`. */
  const pagesApi = /(^|\/)pages\/api\//.test(sf.fileName.replace(/\\/g, '/'));
  /** A (req, res) function in a file written against an HTTP server is one of its handlers. */
  const httpFile = !otherServer && (importsHttpServer(imports) || pagesApi);
  const moduleScope = newScope(undefined, undefined);
  for (const name of moduleNames) declare(moduleScope, name, null);
  /** The innermost scope: a block, a function or the module. */
  let scope: Scope = moduleScope;
  /** The scope of the function being walked (or the module's): where `var` declares. */
  let functionScope: Scope = moduleScope;
  // Ids continue after the previous walk's, so reused events never share an id with new ones.
  let fnCounter = previous?.nextId ?? 0;
  let blockCounter = previous?.nextId ?? 0;
  let fn: FunctionContext | undefined;
  /** The top-level "function" for module code, so flow positions always have a frame list. */
  const moduleFrames: FlowFrame[] = [];
  /** Initializers of module-level declarations (`const app = Fastify()`), for telling frameworks apart. */
  const moduleInits = new Map<string, ts.Expression>();
  let pendingRegistration: Registration | undefined;
  let currentClass: ts.ClassLikeDeclaration | undefined;
  let tryCallsStack: string[][] = [];
  let loopDepth = 0;

  const frames = (): FlowFrame[] => (fn ? fn.frames : moduleFrames);

  const flowPosition = (): FlowPosition => {
    // The innermost statement: is it itself an exit?
    let isExit = false;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i];
      if (isFunctionLike(a)) break;
      if (EXIT_KINDS.has(a.kind)) {
        isExit = true;
        break;
      }
      if (ts.isExpressionStatement(a) || ts.isVariableStatement(a) || ts.isIfStatement(a) || ts.isBlock(a)) break;
    }
    // An arrow function with an expression body returns that expression.
    const fnNode = fn?.node as ts.ArrowFunction | undefined;
    if (!isExit && fnNode && ts.isArrowFunction(fnNode) && !ts.isBlock(fnNode.body)) isExit = true;
    // Frame objects never change once pushed (visitStatements makes one per statement): share them.
    return { fn: fn ? fn.id : 0, frames: frames().slice(), isExit };
  };

  /** The nearest declaration of `name` decides; an undeclared usual name (a snippet) is a weak response. */
  const responseBinding = (name: string): ResponseBinding | undefined => {
    const b = bindingOf(scope, name);
    if (b !== undefined) return b ?? undefined;
    return !otherServer && RESPONSE_NAMES.has(name) ? { framework: frameworkByName(name), strong: false, certain: false } : undefined;
  };

  const responseName = (expr: ts.Expression): string | undefined => {
    const e = unwrapExpr(expr);
    return ts.isIdentifier(e) && responseBinding(e.text) ? e.text : undefined;
  };

  const handlerFramework = (): Framework | undefined => {
    for (let f = fn; f; f = f.parent) if (f.framework) return f.framework;
    return undefined;
  };

  /** A usual name with no recognised role: judge by the name, then by what the file imports. */
  const frameworkByName = (name: string): Framework => {
    if (pagesApi && (name === 'res' || name === 'response')) return 'next';
    if (name === 'reply' || name === 'rep') return 'fastify';
    if (name === 'ctx' || name === 'context') return importedFramework === 'hono' ? 'hono' : 'koa';
    if (name === 'c') return importedFramework === 'koa' ? 'koa' : 'hono';
    if (importedFramework === 'fastify') return 'fastify';
    if (importedFramework === 'express' || importedFramework === 'next') return importedFramework;
    return imports.has('http') || imports.has('node:http') || imports.has('https') || imports.has('node:https') ? 'node-http' : 'express';
  };

  const receiverFramework = (name: string): Framework => bindingOf(scope, name)?.framework ?? frameworkByName(name);

  const lookup: DeclLookup = (name) => {
    for (let f = fn; f; f = f.parent) {
      const d = f.decls.get(name);
      if (d) return d;
    }
    return undefined;
  };

  /**
   * The initializer of a `const` visible here, for resolving `const status = ok ? 200 : 503`; null
   * when the name is bound here to something else (a parameter, a let), which hides any outer constant.
   */
  const constInit = (name: string): ts.Expression | null | undefined => {
    for (let f = fn; f; f = f.parent) {
      const d = f.decls.get(name);
      if (d) return d.kind === 'var' && !f.mutable.has(name) && d.init ? d.init : null;
    }
    return undefined;
  };

  const isStrongResponse = (name: string): boolean => bindingOf(scope, name)?.strong === true;
  const isCertainResponse = (name: string): boolean => bindingOf(scope, name)?.certain === true;

  /** The function whose scope declares `name` (the response's handler), undefined for module-level and undeclared names. */
  const declaringFunction = (name: string): FunctionContext | undefined => {
    const id = scopeOf(scope, name)?.fnId;
    if (id === undefined) return undefined;
    for (let f = fn; f; f = f.parent) if (f.id === id) return f;
    return undefined;
  };

  /** Declare names in the innermost scope, or in the function's own for `var`. */
  const declareHere = (name: string, binding: ResponseBinding | null, functionLevel = false): void => {
    declare(functionLevel ? functionScope : scope, name, binding);
  };

  /** The request parameter of the handler around, unless a function in between re-declares its name. */
  const handlerRequestName = (): string | undefined => {
    for (let f = fn; f; f = f.parent) {
      const name = f.handler?.requestName;
      if (name) return lookup(name)?.shadowsRequest ? undefined : name;
    }
    return undefined;
  };

  const registrationEnv: RegistrationEnv = {
    imports,
    bindings,
    initOf: (name) => {
      for (let f = fn; f; f = f.parent) {
        const d = f.decls.get(name);
        if (d) return d.init;
      }
      return moduleInits.get(name);
    },
    paramType: (name) => {
      for (let f = fn; f; f = f.parent) {
        if (f.paramTypes.has(name)) return f.paramTypes.get(name);
        if (f.decls.has(name)) return undefined;
      }
      return undefined;
    },
  };

  const guardOf = (frame: GuardFrame): Guard => {
    const c = frame.condition;
    c.branches ??= classifyBranches(c.expr, lookup, sf, c.requestName);
    return c.branches[frame.side];
  };

  /** The function's enclosing guards, innermost first. */
  const currentGuards = (): Guard[] => {
    if (!fn || fn.guards.length === 0) return [];
    const out: Guard[] = new Array(fn.guards.length);
    for (let i = 0; i < out.length; i++) out[i] = guardOf(fn.guards[fn.guards.length - 1 - i]);
    return out;
  };

  let responseCallAsked: ts.CallExpression | undefined;
  let responseCallFound: ResponseCall | undefined;
  const ctx: Mutable<WalkContext, 'fn' | 'currentClass'> = {
    sf,
    text,
    locals,
    imports,
    bindings,
    ancestors,
    // Plain fields kept in step with `fn` and `currentClass`, not getters: V8 keeps an object
    // literal's accessors in its hidden class, which lives in old space, so getters closing over this
    // walk would keep every walked tree alive until a full GC (measured: GC went from ~5% to ~45% of
    // the analysis time).
    fn: undefined,
    currentClass: undefined,
    responseName,
    receiverFramework,
    isStrongReceiver: isStrongResponse,
    declaringFunction,
    handOver(callee, receiver) {
      const b = bindingOf(scope, receiver);
      if (b?.certain) result.vouches.push({ name: callee });
      else if (b?.guessedHandler) result.vouches.push({ name: callee, via: b.guessedHandler });
    },
    markParamResponse(name, framework) {
      if (!fn) return;
      const binding: ResponseBinding = { framework, strong: true, certain: true };
      fn.receivers.set(name, binding);
      // Called from onFunction: the innermost scope is the function's own.
      declare(scope, name, binding);
    },
    responseCallOf(call) {
      // Several recognizers ask about the same call in a row: answer once.
      if (call !== responseCallAsked) {
        responseCallAsked = call;
        responseCallFound = findResponseCall(call, ctx);
      }
      return responseCallFound;
    },
    markResponse(name, framework) {
      if (!fn) return;
      // `const r = NextResponse.json(...)`: the variable was declared (as not a response) just before its initializer.
      const binding: ResponseBinding = { framework, strong: true, certain: true };
      const declaredIn = scopeOf(scope, name);
      if (declaredIn && declaredIn.fnId === fn.id) declare(declaredIn, name, binding);
      else declareHere(name, binding);
    },
    handlerFramework,
    resolve: (expr) => resolveStatus(expr, locals, 0, constInit),
    classify: (expr) => classifyCondition(expr, lookup, sf, handlerRequestName()),
    innermostGuard: () => (fn && fn.guards.length > 0 ? guardOf(fn.guards[fn.guards.length - 1]) : undefined),
    lookup,
    addSite(site) {
      const { guard, ...rest } = site;
      const guards = currentGuards();
      if (guard) guards.unshift(guard);
      if (fn && site.receiver && site.sendHow !== 'thrown') (fn.statusSet ??= new Set()).add(site.receiver);
      const binding = site.receiver !== undefined ? bindingOf(scope, site.receiver) : undefined;
      result.sites.push({
        ...rest,
        certain: binding?.certain === true,
        guessedHandler: binding?.guessedHandler,
        fn,
        flow: flowPosition(),
        guards,
        catchClause: fn?.catches[fn.catches.length - 1],
        ...(insideTestDouble(ancestors) && { testDouble: true }),
      });
    },
    addHeader(receiver, name, node, chainRoot) {
      result.headers.push({ receiver, name: name.toLowerCase(), span: spanOf(node, sf), fn: fn ? fn.id : 0, pos: node.getStart(sf), flow: flowPosition(), chainRoot });
    },
    addSend(receiver, method, node, options = {}) {
      let returned = false;
      let statementStart: number | undefined;
      for (let i = ancestors.length - 1; i >= 0; i--) {
        const a = ancestors[i];
        if (isFunctionLike(a)) break;
        if (ts.isReturnStatement(a) || ts.isThrowStatement(a)) {
          returned = true;
          break;
        }
        if (ts.isExpressionStatement(a)) {
          statementStart = a.getStart(sf);
          break;
        }
        if (ts.isBlock(a) || ts.isVariableStatement(a)) break;
      }
      const fnNode = fn?.node;
      if (fnNode && ts.isArrowFunction(fnNode) && !ts.isBlock(fnNode.body)) returned = true;
      // A send in a callback, after the function around it set a status on this response, answers that status.
      let implicit = options.implicit;
      const owner = implicit && fn ? declaringFunction(receiver) : undefined;
      if (owner && owner !== fn) {
        for (let f = fn!.parent; f; f = f.parent) {
          if (f.statusSet?.has(receiver)) implicit = undefined;
          if (!implicit || f === owner) break;
        }
      }
      result.sends.push({
        receiver,
        method,
        node,
        body: options.body,
        fn: fn ? fn.id : 0,
        flow: flowPosition(),
        chainRoot: options.chainRoot,
        returned,
        statementStart,
        strong: options.strong || isStrongResponse(receiver),
        certain: options.strong || isCertainResponse(receiver),
        guessedHandler: options.strong ? undefined : bindingOf(scope, receiver)?.guessedHandler,
        framework: options.framework ?? receiverFramework(receiver),
        how: options.how,
        implicit,
        fnContext: fn,
        guards: currentGuards(),
        catchClause: fn?.catches[fn.catches.length - 1],
        ...(insideTestDouble(ancestors) && { testDouble: true }),
      });
    },
    addEscape(receiver, node, owner) {
      // Escaping in a callback (`setInterval(() => send(res))`) leaves the response out of sight of
      // every function around it too, up to the one that declares it.
      const upTo = owner ?? (receiver === '*' ? undefined : declaringFunction(receiver));
      const pos = node.getStart(sf);
      if (!fn) return void result.escapes.push({ receiver, fn: 0, pos });
      result.escapes.push({ receiver, fn: fn.id, pos });
      // A callback may run after anything its function does, wherever it is written: out of sight from the start.
      if (upTo && upTo !== fn) {
        for (let f = fn.parent; f; f = f.parent) {
          result.escapes.push({ receiver, fn: f.id, pos: Infinity });
          if (f === upTo) break;
        }
      }
    },
    addSlot(slot) {
      result.slots.push(slot);
    },
    addRoute(route) {
      result.routes.push(route);
    },
    span: (node) => spanOf(node, sf),
    flowPosition,
  };

  const enterFunction = (node: ts.SignatureDeclaration & { body?: ts.Node }, visitBody: () => void) => {
    const params = node.parameters;
    const id = ++fnCounter;
    const fnScope = newScope(scope, id);
    const fnCtx: FunctionContext = {
      id,
      node,
      parent: fn,
      receivers: new Map(),
      decls: new Map(),
      mutable: new Set(),
      paramTypes: new Map(),
      isRouteHandler: false,
      guards: [],
      catches: [],
      frames: [],
    };
    const receivers = fnCtx.receivers;
    const reg = pendingRegistration?.handlers.has(node) ? pendingRegistration : undefined;
    let handlerShaped: boolean | undefined;
    for (const p of params) {
      const name = paramName(p);
      if (!name) {
        for (const n of bindingNames(p.name)) fnCtx.decls.set(n, { kind: 'param' });
        continue;
      }
      fnCtx.decls.set(name, { kind: 'param' });
      const typeName = paramTypeName(p);
      if (!typeName) continue;
      fnCtx.paramTypes.set(name, typeName);
      handlerShaped ??= params.some((q) => REQUEST_NAMES.test(paramName(q) ?? '') || paramTypeName(q) === 'Request');
      const typed = frameworkOfType(typeName, bindings, handlerShaped);
      if (typed) receivers.set(name, { framework: typed, strong: true, certain: true });
      else if (typeName.endsWith('Context') && (name === 'c' || name === 'ctx')) receivers.set(name, { framework: frameworkByName(name), strong: true, certain: httpFile });
    }
    let reqIndex = params.length === 4 ? 1 : 0;
    let resIndex = params.length === 4 ? 2 : 1;
    let errorHandler = false;
    if (reg) {
      // A callback passed to app.get('/x', ...), fastify.route({ handler }), app.onError(...)...
      fnCtx.isRouteHandler = reg.role === 'route' || reg.role === 'server';
      fnCtx.role = reg.role;
      fnCtx.route = reg.route;
      const typedFramework = [...receivers.values()][0]?.framework;
      const first = paramName(params[0]);
      const second = paramName(params[1]);
      const byNames: Framework | undefined =
        second === 'reply' ? 'fastify' : first === 'ctx' && (params.length === 1 || second === 'next') ? 'koa' : first === 'c' && (params.length === 1 || second === 'next') ? 'hono' : undefined;
      const framework = typedFramework ?? reg.framework ?? (importedFramework !== 'next' ? importedFramework : undefined) ?? byNames ?? 'express';
      fnCtx.framework = framework;
      const idx = handlerParamIndexes(framework, reg, params.length);
      ({ req: reqIndex, res: resIndex, errorHandler } = idx);
      const resName = paramName(params[resIndex]);
      if (resName && !receivers.has(resName)) receivers.set(resName, { framework, strong: true, certain: true });
    } else {
      if (fn?.route) fnCtx.route = fn.route; // nested callbacks keep the route they serve
      // function getUser(req, res) { ... } registered elsewhere: the (req, res) shape is the role, but
      // only a guess unless the file is written against an HTTP server, and none where it serves LDAP or WebSockets.
      const reqLike = paramName(params[reqIndex]);
      const resLike = paramName(params[resIndex]);
      if (!otherServer && reqLike && REQUEST_NAMES.test(reqLike) && resLike && RESPONSE_NAMES.has(resLike) && !receivers.has(resLike)) {
        const guessedHandler = httpFile ? undefined : functionName(node, ancestors);
        receivers.set(resLike, { framework: frameworkByName(resLike), strong: true, certain: httpFile, guessedHandler });
      }
      if (receivers.size > 0) fnCtx.framework = [...receivers.values()][0].framework;
    }
    const strongCount = receivers.size;
    // A helper's `res` parameter (`function sendError(res, err)`) is a response by its name alone, a
    // weak one; never inside a handler, where a callback's `res` is its own value (`.then((res) => ...)`).
    const guessByName = !otherServer && strongCount === 0 && !insideResponder(fn);
    for (const p of params) {
      const name = paramName(p);
      if (name && guessByName && RESPONSE_NAMES.has(name)) receivers.set(name, { framework: frameworkByName(name), strong: false, certain: false });
      for (const n of name ? [name] : bindingNames(p.name)) declare(fnScope, n, receivers.get(n) ?? null);
    }
    // A function expression's own name is visible inside it.
    if (ts.isFunctionExpression(node) && node.name && !fnScope.names?.has(node.name.text)) declare(fnScope, node.name.text, null);
    if (reg || strongCount > 0) {
      const resName = paramName(params[resIndex]);
      fnCtx.handler = {
        requestName: paramName(params[reqIndex]),
        responseName: resName && receivers.get(resName)?.strong ? resName : [...receivers.keys()][0],
        isErrorMiddleware: errorHandler && !!reg,
        isAsync: !!ts.getModifiers(node as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
        span: spanOf(node, sf),
      };
    }
    // A callback's own `req` is not the request of the handler around it.
    const outerRequest = handlerRequestName();
    if (outerRequest && fnCtx.handler?.requestName !== outerRequest && fnCtx.decls.get(outerRequest)?.kind === 'param') fnCtx.decls.set(outerRequest, { kind: 'param', shadowsRequest: true });
    const saved = { fn, pendingRegistration, tryCallsStack, loopDepth, scope, functionScope };
    fn = ctx.fn = fnCtx;
    scope = functionScope = fnScope;
    pendingRegistration = undefined;
    tryCallsStack = [];
    loopDepth = 0;
    for (const r of recognizers) r.onFunction?.(node, fnCtx, ctx);
    if (!fnCtx.handler && !insideResponder(fnCtx)) for (const d of fnCtx.decls.values()) if (d.kind === 'param') d.outsideHandler = true;
    const promiseCatch = promiseCatchFacts(node, ancestors[ancestors.length - 2]);
    if (promiseCatch) {
      fnCtx.catches.push(promiseCatch);
      if (promiseCatch.param) fnCtx.decls.set(promiseCatch.param, { kind: 'caught-error' });
    }
    visitBody();
    for (const r of recognizers) r.onFunctionEnd?.(fnCtx, ctx);
    ({ fn, pendingRegistration, tryCallsStack, loopDepth, scope, functionScope } = saved);
    ctx.fn = fn;
  };

  const visitStatements = (statements: readonly ts.Node[]) => {
    const block = ++blockCounter;
    const list = frames();
    const exitAt = exitIndexes(statements);
    const inLoop = loopDepth > 0;
    for (let i = 0; i < statements.length; i++) {
      list.push({ block, index: i, exitsAfter: exitAt[i + 1], inLoop });
      visit(statements[i]);
      list.pop();
    }
  };

  /** A then/else branch that is a single statement acts as a one-statement list. */
  const visitBranch = (stmt: ts.Statement) => {
    if (ts.isBlock(stmt)) visit(stmt);
    else visitStatements([stmt]);
  };

  const withGuard = (guard: GuardFrame | undefined, body: () => void) => {
    if (!guard || !fn) return body();
    fn.guards.push(guard);
    try {
      body();
    } finally {
      fn.guards.pop();
    }
  };

  const visit = (node: ts.Node): void => {
    if (isTypeOnly(node.kind)) return;
    if (ancestors.length >= MAX_WALK_DEPTH) {
      result.depthLimitAt ??= node.getStart(sf);
      return;
    }
    result.nodesVisited++;
    ancestors.push(node);
    try {
      visitNode(node);
    } finally {
      ancestors.pop();
    }
  };

  /** Run `body` in a new block scope: what it declares with let/const/class ends with it. */
  const inBlockScope = (body: () => void): void => {
    const saved = scope;
    scope = newScope(scope, fn?.id);
    try {
      body();
    } finally {
      scope = saved;
    }
  };

  const visitFunction = (node: ts.SignatureDeclaration & { body?: ts.Node }) => {
    // `function res() {}` declares its name where it is written; a function expression's name is its own.
    if (ts.isFunctionDeclaration(node) && node.name) declareHere(node.name.text, null);
    if (ts.isMethodDeclaration(node)) for (const r of recognizers) r.onMethod?.(node, ctx, currentClass);
    enterFunction(node, () => {
      const body = node.body;
      // `async () => ({ ok: true })`: the expression body is what the function returns.
      if (body && ts.isArrowFunction(node) && !ts.isBlock(body)) for (const r of recognizers) r.onReturn?.(body as ts.Expression, body, ctx);
      ts.forEachChild(node, visit);
    });
  };

  const visitNode = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.Block:
      case ts.SyntaxKind.ModuleBlock:
        if (opensBlockScope(node, ancestors[ancestors.length - 2])) inBlockScope(() => visitStatements((node as ts.Block).statements));
        else visitStatements((node as ts.Block).statements);
        return;
      case ts.SyntaxKind.CaseBlock:
        inBlockScope(() => ts.forEachChild(node, visit));
        return;
      case ts.SyntaxKind.CaseClause:
      case ts.SyntaxKind.DefaultClause: {
        const clause = node as ts.CaseClause;
        if (ts.isCaseClause(clause)) visit(clause.expression);
        visitStatements(clause.statements);
        return;
      }
      case ts.SyntaxKind.IfStatement: {
        const s = node as ts.IfStatement;
        visit(s.expression);
        // Each branch gets its own guard: the else of `a || b` is known even when its then-branch is not.
        // Classifying is the walk's costliest step, so it waits until a site or send needs it.
        const condition: GuardFrame['condition'] = { expr: s.expression, requestName: fn ? handlerRequestName() : undefined };
        const then: GuardFrame = { condition, side: 'then' };
        // Inside a catch, a test of the error's type narrows the catch, whether or not a site follows.
        if (fn && fn.catches.length > 0 && guardOf(then).kind === 'error-type') fn.catches[fn.catches.length - 1].narrowed = true;
        withGuard(then, () => visitBranch(s.thenStatement));
        if (s.elseStatement) withGuard({ condition, side: 'else' }, () => visitBranch(s.elseStatement!));
        return;
      }
      case ts.SyntaxKind.TryStatement: {
        const s = node as ts.TryStatement;
        const calls: string[] = [];
        tryCallsStack.push(calls);
        visit(s.tryBlock);
        tryCallsStack.pop();
        if (s.catchClause) {
          const cc = s.catchClause;
          const facts: CatchFacts = { param: cc.variableDeclaration && ts.isIdentifier(cc.variableDeclaration.name) ? cc.variableDeclaration.name.text : undefined, narrowed: false, tryCalls: calls };
          fn?.catches.push(facts);
          if (facts.param && fn) fn.decls.set(facts.param, { kind: 'caught-error' });
          const savedGuards = fn?.guards;
          if (fn) fn.guards = []; // guards outside the try don't describe the error
          inBlockScope(() => {
            if (cc.variableDeclaration) for (const name of bindingNames(cc.variableDeclaration.name)) declareHere(name, null);
            visit(cc);
          });
          if (fn && savedGuards) fn.guards = savedGuards;
          fn?.catches.pop();
        }
        if (s.finallyBlock) visit(s.finallyBlock);
        return;
      }
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        loopDepth++;
        // `for (const res of list)`: the loop's declarations end with it.
        inBlockScope(() => ts.forEachChild(node, visit));
        loopDepth--;
        return;
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression: {
        const cls = node as ts.ClassLikeDeclaration;
        if (cls.name && ts.isClassDeclaration(cls)) declareHere(cls.name.text, null);
        const saved = currentClass;
        currentClass = ctx.currentClass = cls;
        inBlockScope(() => {
          if (cls.name && ts.isClassExpression(cls)) declareHere(cls.name.text, null);
          ts.forEachChild(node, visit);
        });
        currentClass = ctx.currentClass = saved;
        return;
      }
      case ts.SyntaxKind.VariableDeclaration: {
        const d = node as ts.VariableDeclaration;
        // `catch (err)`: the TryStatement case recorded err as the caught error; keep that.
        if (ts.isCatchClause(ancestors[ancestors.length - 2])) {
          ts.forEachChild(node, visit);
          return;
        }
        const list = ancestors[ancestors.length - 2];
        const isConst = !!list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
        // `let code = 200` may change before it is used: only a const names a code.
        if (isConst) recordLocalConstant(d, locals);
        const isVar = isVarList(list);
        if (ts.isIdentifier(d.name)) {
          // `const res = await fetch(url)` is a client's response; `host.switchToHttp().getResponse()` (Nest) is ours.
          const serverResponse = !!fn && !!d.initializer && !isClientResponseInit(d.initializer) && isServerResponseInit(d.initializer);
          declareHere(d.name.text, serverResponse ? { framework: frameworkByName(d.name.text), strong: true, certain: true } : null, isVar);
          if (fn) {
            fn.decls.set(d.name.text, { kind: 'var', init: d.initializer });
            if (!isConst) fn.mutable.add(d.name.text);
            else fn.mutable.delete(d.name.text);
          } else if (d.initializer) {
            moduleInits.set(d.name.text, d.initializer);
            writes.push({ kind: 'init', name: d.name.text, init: d.initializer, text: d.initializer.getText(sf) });
          }
        } else {
          // const { email } = req.body; const [user] = await db.query(...): each name remembers the source
          for (const name of bindingNames(d.name)) {
            declareHere(name, null, isVar);
            if (!fn) continue;
            fn.decls.set(name, { kind: 'var', init: d.initializer });
            fn.mutable.add(name); // a destructured name is not its initializer
          }
        }
        ts.forEachChild(node, visit);
        return;
      }
      case ts.SyntaxKind.EnumDeclaration:
        recordLocalConstant(node, locals);
        ts.forEachChild(node, visit);
        return;
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        const calls = tryCallsStack[tryCallsStack.length - 1];
        if (calls) {
          const callee = call.expression;
          const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
          if (name) calls.push(name);
        }
        for (const r of recognizers) r.onCall?.(call, ctx);
        const reg = registrationOf(call, registrationEnv);
        if (reg) {
          const route = reg.route;
          for (const name of reg.named ?? []) result.vouches.push({ name });
          if (route && route.path !== undefined && route.method !== 'USE') for (const method of reg.methods ?? [route.method]) result.routes.push({ method, path: route.path });
          visit(call.expression);
          const saved = pendingRegistration;
          pendingRegistration = reg;
          for (const a of call.arguments) visit(a);
          pendingRegistration = saved;
          return;
        }
        ts.forEachChild(node, visit);
        return;
      }
      case ts.SyntaxKind.NewExpression:
        for (const r of recognizers) r.onNew?.(node as ts.NewExpression, ctx);
        ts.forEachChild(node, visit);
        return;
      case ts.SyntaxKind.BinaryExpression: {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken) for (const r of recognizers) r.onAssign?.(b, ctx);
        ts.forEachChild(node, visit);
        return;
      }
      case ts.SyntaxKind.ReturnStatement: {
        const r0 = node as ts.ReturnStatement;
        for (const r of recognizers) r.onReturn?.(r0.expression, r0, ctx);
        ts.forEachChild(node, visit);
        return;
      }
      default:
        break;
    }
    if (isFunctionLike(node)) {
      visitFunction(node);
      return;
    }
    ts.forEachChild(node, visit);
  };

  // The file's top-level statements, one segment each; the rest of the walk is visit().
  const reusable = previous && previous.moduleKey === moduleKey && previous.depthLimitAt === undefined && previous.segments.length === sf.statements.length;
  let reusing = !!reusable;
  const statements = sf.statements;
  const exits = exitIndexes(statements);
  result.nodesVisited++;
  ancestors.push(sf);
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const old = reusable ? previous.segments[i] : undefined;
    if (reusing && old && old.statement === statement) {
      reuseSegment(old, statement.pos - old.pos);
      appendSegment(result, old);
      for (const w of old.writes) replayWrite(w, locals, moduleInits);
      result.segments.push(old);
      continue;
    }
    const mark = { sites: result.sites.length, headers: result.headers.length, sends: result.sends.length, escapes: result.escapes.length, slots: result.slots.length, routes: result.routes.length, vouches: result.vouches.length, nodes: result.nodesVisited };
    writes = [];
    moduleFrames.push({ block: MODULE_BLOCK, index: i, exitsAfter: exits[i + 1], inLoop: false });
    visit(statement);
    moduleFrames.pop();
    const segment: WalkSegment = {
      statement,
      pos: statement.pos,
      sites: result.sites.slice(mark.sites),
      headers: result.headers.slice(mark.headers),
      sends: result.sends.slice(mark.sends),
      escapes: result.escapes.slice(mark.escapes),
      slots: result.slots.slice(mark.slots),
      routes: result.routes.slice(mark.routes),
      vouches: result.vouches.slice(mark.vouches),
      nodesVisited: result.nodesVisited - mark.nodes,
      writes,
    };
    result.segments.push(segment);
    // A changed statement that sets module state differently (a constant, `const app = ...`) changes
    // what the statements after it mean: walk those again too.
    if (reusing && !(old && sameWrites(old.writes, writes))) reusing = false;
  }
  ancestors.pop();
  result.nextId = Math.max(fnCounter, blockCounter) + 1;
  return result;
}

/**
 * Type annotations, interfaces and type aliases hold no status site, send or header (a handler's
 * parameter types are read from the parameter itself), so the walk does not descend into them.
 */
function isTypeOnly(kind: ts.SyntaxKind): boolean {
  return (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode) || kind === ts.SyntaxKind.InterfaceDeclaration || kind === ts.SyntaxKind.TypeAliasDeclaration;
}

/** The block id of the module's statement list: the same in every walk, so reused module-level positions compare. */
const MODULE_BLOCK = -1;

/** First unconditional exit (return, throw) at or after each index of a statement list, computed once per list. */
function exitIndexes(statements: readonly ts.Node[]): number[] {
  const exitAt: number[] = new Array(statements.length + 1);
  exitAt[statements.length] = Infinity;
  for (let i = statements.length - 1; i >= 0; i--) exitAt[i] = EXIT_KINDS.has(statements[i].kind) ? i : exitAt[i + 1];
  return exitAt;
}

/**
 * What every statement's facts depend on beyond its own text: the file name, imports, top-level exits,
 * and the module's declarations of usual response names (they make such a name no response anywhere).
 */
function moduleKeyOf(sf: ts.SourceFile, imports: ReadonlySet<string>, bindings: ReadonlyMap<string, ImportBinding>, moduleNames: readonly string[]): string {
  const exits = exitIndexes(sf.statements).filter((x) => x !== Infinity);
  return JSON.stringify([sf.fileName, [...imports], [...bindings], exits, moduleNames.filter((n) => RESPONSE_NAMES.has(n))]);
}

function sameWrites(a: readonly ModuleWrite[], b: readonly ModuleWrite[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.kind !== y.kind || x.name !== y.name) return false;
    if (x.kind === 'number' && x.value !== (y as typeof x).value) return false;
    if (x.kind === 'init' && x.text !== (y as typeof x).text) return false;
    if (x.kind === 'enum' && JSON.stringify([...x.members]) !== JSON.stringify([...(y as typeof x).members])) return false;
  }
  return true;
}

function replayWrite(w: ModuleWrite, locals: LocalConstants, moduleInits: Map<string, ts.Expression>): void {
  // Map.prototype.set: a replayed write is not a new write of the statement being walked.
  if (w.kind === 'number') Map.prototype.set.call(locals.numbers, w.name, w.value);
  else if (w.kind === 'enum') Map.prototype.set.call(locals.enums, w.name, w.members);
  else moduleInits.set(w.name, w.init);
}

function appendSegment(result: WalkResult, segment: WalkSegment): void {
  result.sites.push(...segment.sites);
  result.headers.push(...segment.headers);
  result.sends.push(...segment.sends);
  result.escapes.push(...segment.escapes);
  result.slots.push(...segment.slots);
  result.routes.push(...segment.routes);
  result.vouches.push(...segment.vouches);
  result.nodesVisited += segment.nodesVisited;
}

/**
 * Every offset a segment's events hold, each object once: found on the segment's first reuse, then
 * moved with flat loops on every later edit (a mid-file edit moves every segment after it, and
 * looking for shared objects each time cost more than the rest of the incremental walk).
 */
interface SegmentOffsets {
  /** The linked results these were collected with: a new link (other routes) collects again. */
  linked: WalkSegment['linked'];
  spans: Span[];
  inserts: { at: number }[];
  positions: { pos: number }[];
  statementStarts: { statementStart?: number }[];
}

const segmentOffsets = new WeakMap<WalkSegment, SegmentOffsets>();

/** Bring a reused segment up to date: its offsets move with its statement. */
function reuseSegment(segment: WalkSegment, delta: number): void {
  if (delta === 0) return;
  let offsets = segmentOffsets.get(segment);
  if (!offsets || offsets.linked !== segment.linked) {
    offsets = collectOffsets(segment);
    segmentOffsets.set(segment, offsets);
  }
  for (const x of offsets.spans) {
    x.start += delta;
    x.end += delta;
  }
  for (const x of offsets.inserts) x.at += delta;
  for (const x of offsets.positions) x.pos += delta;
  for (const x of offsets.statementStarts) if (x.statementStart !== undefined) x.statementStart += delta;
  segment.pos += delta;
}

function collectOffsets(segment: WalkSegment): SegmentOffsets {
  // Every offset a walk event holds, field by field (the incremental-analysis property test compares
  // with fresh walks, so a field missing here fails it). Objects shared between events count once.
  const out: SegmentOffsets = { linked: segment.linked, spans: [], inserts: [], positions: [], statementStarts: [] };
  const seen = new Set<object>();
  const first = (x: object) => !seen.has(x) && !!seen.add(x);
  const span = (x: Span | undefined) => {
    if (x && first(x)) out.spans.push(x);
  };
  const plan = (x: CodeEditPlan | undefined) => {
    if (!x || !first(x)) return;
    if (x.kind === 'insert') out.inserts.push(x);
    else if ('span' in x) span(x.span);
  };
  const body = (x: BodyFacts | undefined) => {
    if (!x || !first(x)) return;
    span(x.span);
    for (const p of x.props) span(p.span);
  };
  const guards = (xs: readonly Guard[]) => {
    for (const g of xs) span(g.span);
  };
  const fn = (x: FunctionContext | undefined) => {
    for (let f = x; f && first(f); f = f.parent) span(f.handler?.span);
  };
  for (const p of segment.sites) {
    plan(p.codeEdit);
    body(p.body);
    for (const h of p.headers ?? []) span(h.span);
    span(p.sendSpan);
    guards(p.guards);
    fn(p.fn);
  }
  for (const h of segment.headers) {
    span(h.span);
    out.positions.push(h);
  }
  for (const x of segment.sends) {
    body(x.body);
    out.statementStarts.push(x);
    plan(x.implicit?.codeEdit);
    guards(x.guards);
    fn(x.fnContext);
  }
  for (const e of segment.escapes) out.positions.push(e);
  for (const slot of segment.slots) span(slot);
  // What link.ts made of them: the sites' own spans and the sends (the rest is shared with the events above).
  for (const site of segment.linked?.sites ?? []) {
    span(site.span);
    span(site.send.span);
    for (const h of site.headers) span(h.span);
    body(site.body);
    plan(site.codeEdit);
    guards(site.guards);
    span(site.handler?.span);
  }
  for (const send of segment.linked?.sends ?? []) {
    span(send);
    span(send.statusSpan);
    out.statementStarts.push(send);
  }
  return out;
}

export type { ResolvedCode };
export type { StatusSite };
