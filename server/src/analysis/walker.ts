// The one walk over a file. It keeps the context a reviewer keeps in their head (which handler,
// which route, which if/catch we are in, what local variables hold) and lets each framework's
// recognizer report status sites, header writes and sends. Linking sites to their headers and
// sends happens afterwards on these small event lists, never by walking the tree again.
import ts from 'typescript';
import { classifyCondition, type DeclInfo, type DeclLookup } from './facts';
import { newLocalConstants, recordLocalConstant, resolveStatus, spanOf, type LocalConstants, type ResolvedCode } from './resolve';
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
  SiteKind,
  StatusSite,
  StatusSlot,
} from './types';

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

/** Usual names of a response object; a parameter in a response role is recognised whatever its name. */
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'ctx', 'c', 'context', 'rep', 'resp']);
/** Type names that mark a parameter as a response. */
const RESPONSE_TYPES = new Set(['Response', 'ServerResponse', 'FastifyReply', 'Context', 'ParameterizedContext', 'ExpressResponse', 'NextApiResponse', 'RouterContext']);

export interface FunctionContext {
  id: number;
  node: ts.SignatureDeclaration;
  parent?: FunctionContext;
  /** Parameter names recognised as a response object in this function. */
  responseParams: Set<string>;
  /** Names bound to values that are clearly not a server response (fetch/axios results). */
  notResponses: Set<string>;
  decls: Map<string, DeclInfo>;
  handler?: HandlerFacts;
  route?: RouteFacts;
  /** The route-callback depth: true when this function is a handler registered on a route. */
  isRouteHandler: boolean;
  guards: Guard[];
  catches: CatchFacts[];
  frames: FlowFrame[];
  /** Nest controller method or Next.js exported handler: where the framework default applies. */
  nest?: { httpCodeSet: boolean; redirectSet: boolean; method: string };
}

export interface PendingSite {
  framework: Framework;
  kind: SiteKind;
  resolved: ResolvedCode;
  /** The status expression node; undefined for implicit statuses (span then comes from `reportNode`). */
  reportNode: ts.Node;
  codeEdit: CodeEditPlan;
  receiver?: string;
  body?: BodyFacts;
  headers?: { name: string; span: { start: number; end: number } }[];
  /** The node whose enclosing chain is searched for a chained send (the status call). */
  chainFrom?: ts.Node;
  sendHow?: StatusSite['send']['how'];
  sendSpan?: { start: number; end: number };
  sendMethod?: string;
  message?: string;
  fn?: FunctionContext;
  flow: FlowPosition;
  ancestors: readonly ts.Node[];
  /** Enclosing guards within the handler at the site, innermost first. */
  guards: Guard[];
  catchClause?: CatchFacts;
}

export interface HeaderEvent {
  receiver: string;
  name: string;
  span: { start: number; end: number };
  fn: number;
  pos: number;
  /** The status call this header write is chained with (res.status(201).location(...)), if any. */
  chainRoot?: ts.Node;
}

export interface SendEventRaw {
  receiver: string;
  method: string;
  node: ts.CallExpression | ts.Node;
  body?: BodyFacts;
  fn: number;
  flow: FlowPosition;
  chainRoot?: ts.Node;
  returned: boolean;
  statementStart?: number;
  /** The receiver is a recognised handler parameter, not only a usual name. */
  strong: boolean;
  framework: Framework;
  /** How to set a status on this send when it has none: inserted after the receiver. */
  statusTemplate: string;
  fnContext?: FunctionContext;
  guards: Guard[];
  catchClause?: CatchFacts;
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
  readonly ancestors: readonly ts.Node[];
  readonly fn: FunctionContext | undefined;
  /** The response-object name an expression refers to, if it is one. */
  responseName(expr: ts.Expression): string | undefined;
  resolve(expr: ts.Expression): ResolvedCode[];
  addSite(site: Omit<PendingSite, 'flow' | 'ancestors' | 'fn' | 'guards' | 'catchClause'>): void;
  /** Find what a name was declared as, through enclosing functions. */
  lookup: DeclLookup;
  addHeader(receiver: string, name: string, node: ts.Node, chainRoot?: ts.Node): void;
  addSend(receiver: string, method: string, node: ts.Node, body?: BodyFacts, chainRoot?: ts.Node, framework?: Framework, statusTemplate?: string): void;
  addEscape(receiver: string, node: ts.Node): void;
  addSlot(slot: StatusSlot): void;
  span(node: ts.Node): { start: number; end: number };
  flowPosition(): FlowPosition;
}

export interface Recognizer {
  framework: Framework;
  onCall?(node: ts.CallExpression, w: WalkContext): void;
  onNew?(node: ts.NewExpression, w: WalkContext): void;
  onAssign?(node: ts.BinaryExpression, w: WalkContext): void;
  onMethod?(node: ts.MethodDeclaration, w: WalkContext, classNode: ts.ClassLikeDeclaration | undefined): void;
  onReturn?(node: ts.ReturnStatement, w: WalkContext): void;
  /** Called when a function-like node is entered; may mark the function as a handler. */
  onFunction?(node: ts.SignatureDeclaration, fn: FunctionContext, w: WalkContext): void;
  /** Called after the walk, to add sites that depend on a whole function (framework defaults). */
  onFunctionEnd?(fn: FunctionContext, w: WalkContext): void;
}

export interface WalkResult {
  sites: PendingSite[];
  headers: HeaderEvent[];
  sends: SendEventRaw[];
  escapes: EscapeEvent[];
  slots: StatusSlot[];
  nodesVisited: number;
  routes: { method: string; path: string }[];
}

const EXIT_KINDS = new Set([ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.ThrowStatement]);

function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
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

/** The method, path and role of a call that registers route handlers: app.get('/x', h), router.post(...). */
export function routeRegistration(node: ts.CallExpression): RouteFacts | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text.toLowerCase();
  if (!HTTP_METHODS.has(method) && method !== 'use') return undefined;
  const first = node.arguments[0];
  let path: string | undefined;
  if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) path = first.text;
  // router.route('/users').post(handler)
  const target = callee.expression;
  if (path === undefined && ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === 'route') {
    const arg = target.arguments[0];
    if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) path = arg.text;
  }
  const hasCallback = node.arguments.some((a) => ts.isFunctionExpression(a) || ts.isArrowFunction(a));
  if (!hasCallback && path === undefined) return undefined;
  if (method === 'use' && !hasCallback) return undefined;
  const upper = method === 'del' ? 'DELETE' : method.toUpperCase();
  return { method: upper, path };
}

function paramName(p: ts.ParameterDeclaration | undefined): string | undefined {
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

function paramTypeName(p: ts.ParameterDeclaration | undefined): string | undefined {
  const t = p?.type;
  if (t && ts.isTypeReferenceNode(t)) {
    const n = t.typeName;
    return ts.isIdentifier(n) ? n.text : n.right.text;
  }
  return undefined;
}

/** Calls whose result is an HTTP *client* response: `const res = await fetch(url)` is not ours. */
const CLIENT_CALLS = /^(fetch|axios|got|request|superagent|supertest|ky|undici|get|post|put|patch|delete|head|inject)$/i;

function isClientResponseInit(init: ts.Expression): boolean {
  let e = init;
  if (ts.isAwaitExpression(e)) e = e.expression;
  while (ts.isCallExpression(e)) {
    const callee = e.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (CLIENT_CALLS.test(name)) return true;
    if (ts.isPropertyAccessExpression(callee)) e = callee.expression;
    else break;
  }
  return false;
}

/** Top-level imports and requires only: a cheap look at the first level of statements. */
function topLevelImports(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const add = (spec: ts.Expression | undefined) => {
    if (spec && ts.isStringLiteral(spec)) out.add(spec.text);
  };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) add(st.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) add(st.moduleReference.expression);
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        let init = d.initializer;
        while (init && (ts.isPropertyAccessExpression(init) || ts.isCallExpression(init)) && !(ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require')) {
          init = ts.isCallExpression(init) ? init.expression : init.expression;
        }
        if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') add(init.arguments[0]);
      }
    }
  }
  return out;
}

function bindingNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
  return out;
}

export function walk(sf: ts.SourceFile, recognizers: readonly Recognizer[]): WalkResult {
  const text = sf.text;
  const locals = newLocalConstants();
  const ancestors: ts.Node[] = [];
  const result: WalkResult = { sites: [], headers: [], sends: [], escapes: [], slots: [], nodesVisited: 0, routes: [] };
  let fnCounter = 0;
  let blockCounter = 0;
  let fn: FunctionContext | undefined;
  /** The top-level "function" for module code, so flow positions always have a frame list. */
  const moduleFrames: FlowFrame[] = [];
  let pendingRoute: RouteFacts | undefined;
  let pendingHandlerArgs: Set<ts.Node> | undefined;
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
    return { fn: fn ? fn.id : 0, frames: frames().map((f) => ({ ...f })), isExit };
  };

  const responseName = (expr: ts.Expression): string | undefined => {
    let e = expr;
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    if (!ts.isIdentifier(e)) return undefined;
    const name = e.text;
    for (let f = fn; f; f = f.parent) {
      if (f.notResponses.has(name)) return undefined;
      if (f.responseParams.has(name)) return name;
      if (f.decls.has(name)) return undefined;
    }
    return RESPONSE_NAMES.has(name) ? name : undefined;
  };

  const lookup: DeclLookup = (name) => {
    for (let f = fn; f; f = f.parent) {
      const d = f.decls.get(name);
      if (d) return d;
    }
    return undefined;
  };

  const isStrongResponse = (name: string): boolean => {
    for (let f = fn; f; f = f.parent) {
      if (f.responseParams.has(name)) return true;
      if (f.decls.has(name) || f.notResponses.has(name)) return false;
    }
    return false;
  };

  const ctx: WalkContext = {
    sf,
    text,
    locals,
    imports: topLevelImports(sf),
    ancestors,
    get fn() {
      return fn;
    },
    responseName,
    resolve: (expr) => resolveStatus(expr, locals),
    lookup,
    addSite(site) {
      result.sites.push({
        ...site,
        fn,
        flow: flowPosition(),
        ancestors: ancestors.slice(),
        guards: fn ? fn.guards.slice().reverse() : [],
        catchClause: fn?.catches[fn.catches.length - 1],
      });
    },
    addHeader(receiver, name, node, chainRoot) {
      result.headers.push({ receiver, name: name.toLowerCase(), span: spanOf(node, sf), fn: fn ? fn.id : 0, pos: node.getStart(sf), chainRoot });
    },
    addSend(receiver, method, node, body, chainRoot, framework = 'express', statusTemplate = '.status({code})') {
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
      result.sends.push({
        receiver,
        method,
        node,
        body,
        fn: fn ? fn.id : 0,
        flow: flowPosition(),
        chainRoot,
        returned,
        statementStart,
        strong: isStrongResponse(receiver),
        framework,
        statusTemplate,
        fnContext: fn,
        guards: fn ? fn.guards.slice().reverse() : [],
        catchClause: fn?.catches[fn.catches.length - 1],
      });
    },
    addEscape(receiver, node) {
      result.escapes.push({ receiver, fn: fn ? fn.id : 0, pos: node.getStart(sf) });
    },
    addSlot(slot) {
      result.slots.push(slot);
    },
    span: (node) => spanOf(node, sf),
    flowPosition,
  };

  const enterFunction = (node: ts.SignatureDeclaration & { body?: ts.Node }, visitBody: () => void) => {
    const params = node.parameters;
    const fnCtx: FunctionContext = {
      id: ++fnCounter,
      node,
      parent: fn,
      responseParams: new Set(),
      notResponses: new Set(),
      decls: new Map(),
      isRouteHandler: false,
      guards: [],
      catches: [],
      frames: [],
    };
    // A callback passed to app.get('/x', ...) / router.post(...): (req, res, next) or (err, req, res, next).
    const isRouteCallback = pendingHandlerArgs?.has(node) ?? false;
    if (isRouteCallback) {
      fnCtx.isRouteHandler = true;
      fnCtx.route = pendingRoute;
    } else if (fn?.route) {
      fnCtx.route = fn.route; // nested callbacks keep the route they serve
    }
    const isErrorMiddleware = params.length === 4;
    const resIndex = isErrorMiddleware ? 2 : 1;
    for (const p of params) {
      const name = paramName(p);
      const typeName = paramTypeName(p);
      if (name && typeName && RESPONSE_TYPES.has(typeName)) fnCtx.responseParams.add(name);
      if (name) fnCtx.decls.set(name, { kind: 'param' });
    }
    // function getUser(req, res) { ... } registered elsewhere: the (req, res) shape is the role.
    const reqLike = paramName(params[isErrorMiddleware ? 1 : 0]);
    const resLike = paramName(params[resIndex]);
    if (reqLike && /^(req|request)$/.test(reqLike) && resLike && RESPONSE_NAMES.has(resLike)) fnCtx.responseParams.add(resLike);
    if (isRouteCallback) {
      const resName = paramName(params[resIndex]);
      if (resName) fnCtx.responseParams.add(resName);
      // Koa/Hono style single context parameter.
      const only = paramName(params[0]);
      if (params.length === 1 && only && RESPONSE_NAMES.has(only)) fnCtx.responseParams.add(only);
    }
    for (const p of params) {
      const name = paramName(p);
      if (name && RESPONSE_NAMES.has(name)) {
        fnCtx.decls.delete(name); // usual names still resolve through the name heuristic
      }
    }
    if (isRouteCallback || fnCtx.responseParams.size > 0) {
      fnCtx.handler = {
        requestName: paramName(params[isErrorMiddleware ? 1 : 0]),
        responseName: paramName(params[resIndex]),
        isErrorMiddleware: isErrorMiddleware && isRouteCallback,
        isAsync: !!ts.getModifiers(node as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
        span: spanOf(node, sf),
      };
    }
    const saved = { fn, pendingHandlerArgs, pendingRoute, tryCallsStack, loopDepth };
    fn = fnCtx;
    pendingHandlerArgs = undefined;
    pendingRoute = undefined;
    tryCallsStack = [];
    loopDepth = 0;
    for (const r of recognizers) r.onFunction?.(node, fnCtx, ctx);
    visitBody();
    for (const r of recognizers) r.onFunctionEnd?.(fnCtx, ctx);
    ({ fn, pendingHandlerArgs, pendingRoute, tryCallsStack, loopDepth } = saved);
  };

  const visitStatements = (statements: readonly ts.Node[], owner: ts.Node) => {
    const block = ++blockCounter;
    const list = frames();
    // First unconditional exit index at or after each position, computed once per list.
    const exitAt: number[] = new Array(statements.length + 1);
    exitAt[statements.length] = Infinity;
    for (let i = statements.length - 1; i >= 0; i--) {
      exitAt[i] = EXIT_KINDS.has(statements[i].kind) ? i : exitAt[i + 1];
    }
    const inLoop = loopDepth > 0;
    for (let i = 0; i < statements.length; i++) {
      list.push({ block, index: i, exitsAfter: exitAt[i + 1], inLoop });
      visit(statements[i]);
      list.pop();
    }
    void owner;
  };

  /** A then/else branch that is a single statement acts as a one-statement list. */
  const visitBranch = (stmt: ts.Statement) => {
    if (ts.isBlock(stmt)) visit(stmt);
    else visitStatements([stmt], stmt);
  };

  const handlerRequestName = (): string | undefined => {
    for (let f = fn; f; f = f.parent) if (f.handler?.requestName) return f.handler.requestName;
    return undefined;
  };

  const withGuard = (guard: Guard | undefined, body: () => void) => {
    if (!guard || !fn) return body();
    fn.guards.push(guard);
    try {
      body();
    } finally {
      fn.guards.pop();
    }
  };

  const visit = (node: ts.Node): void => {
    result.nodesVisited++;
    ancestors.push(node);
    try {
      visitNode(node);
    } finally {
      ancestors.pop();
    }
  };

  const visitNode = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.SourceFile:
      case ts.SyntaxKind.Block:
      case ts.SyntaxKind.ModuleBlock:
        visitStatements((node as ts.Block).statements, node);
        return;
      case ts.SyntaxKind.CaseClause:
      case ts.SyntaxKind.DefaultClause: {
        const clause = node as ts.CaseClause;
        if (ts.isCaseClause(clause)) visit(clause.expression);
        visitStatements(clause.statements, node);
        return;
      }
      case ts.SyntaxKind.IfStatement: {
        const s = node as ts.IfStatement;
        visit(s.expression);
        const base = classifyCondition(s.expression, lookup, sf, handlerRequestName());
        if (base?.kind === 'error-type' && fn && fn.catches.length > 0) fn.catches[fn.catches.length - 1].narrowed = true;
        withGuard(base && { ...base, negated: false }, () => visitBranch(s.thenStatement));
        if (s.elseStatement) withGuard(base && { ...base, negated: true }, () => visitBranch(s.elseStatement!));
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
          visit(cc);
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
        ts.forEachChild(node, visit);
        loopDepth--;
        return;
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression: {
        const saved = currentClass;
        currentClass = node as ts.ClassLikeDeclaration;
        ts.forEachChild(node, visit);
        currentClass = saved;
        return;
      }
      case ts.SyntaxKind.VariableDeclaration: {
        const d = node as ts.VariableDeclaration;
        recordLocalConstant(d, locals);
        if (ts.isIdentifier(d.name)) {
          if (fn) fn.decls.set(d.name.text, { kind: 'var', init: d.initializer });
          if (d.initializer && isClientResponseInit(d.initializer)) fn?.notResponses.add(d.name.text);
        } else if (fn) {
          // const { email } = req.body; const [user] = await db.query(...): each name remembers the source
          for (const name of bindingNames(d.name)) fn.decls.set(name, { kind: 'var', init: d.initializer });
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
        const route = routeRegistration(call);
        if (route) {
          if (route.path !== undefined && route.method !== 'USE') result.routes.push({ method: route.method, path: route.path });
          visit(call.expression);
          const saved = { pendingRoute, pendingHandlerArgs };
          pendingRoute = route;
          pendingHandlerArgs = new Set(call.arguments.filter((a) => ts.isFunctionExpression(a) || ts.isArrowFunction(a)));
          for (const a of call.arguments) visit(a);
          ({ pendingRoute, pendingHandlerArgs } = saved);
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
      case ts.SyntaxKind.ReturnStatement:
        for (const r of recognizers) r.onReturn?.(node as ts.ReturnStatement, ctx);
        ts.forEachChild(node, visit);
        return;
      default:
        break;
    }
    if (isFunctionLike(node)) {
      if (ts.isMethodDeclaration(node)) for (const r of recognizers) r.onMethod?.(node, ctx, currentClass);
      enterFunction(node, () => ts.forEachChild(node, visit));
      return;
    }
    ts.forEachChild(node, visit);
  };

  visit(sf);
  return result;
}

export type { ResolvedCode };
