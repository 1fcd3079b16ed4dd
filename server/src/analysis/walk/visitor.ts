// The one walk over a file. It keeps the context a reviewer keeps in their head (which handler,
// which framework, which route, which if/catch we are in, what local variables hold: walk/state.ts)
// and lets each framework's recognizer report status sites, header writes and sends as the walk
// reaches them (walk/context.ts). Linking sites to their headers and sends happens afterwards on these
// small event lists (link.ts), never by walking the tree again.
import * as ts from 'typescript';
import type { CatchFacts } from '../model';
import { newLocalConstants, recordLocalConstant } from '../resolve';
import { declare, isVarList, moduleDeclarations, newScope, opensBlockScope } from '../scope';
import { fileFramework, importsHttpServer, registrationOf } from '../sites/registration';
import { bindingNames, importsOtherServer, isClientResponseInit, isServerResponseInit, topLevelImports } from '../sites/roles';
import { MAX_WALK_DEPTH, type GuardFrame, type Recognizer, type Registration, type WalkResult, type WalkSegment } from './contract';
import { createWalkContext } from './context';
import { functionContextFor, insideResponder, promiseCatchFacts } from './handlerRoles';
import { appendSegment, moduleKeyOf, replayWrite, reuseSegment, sameWrites } from './reuse';
import { declareHere, exitIndexes, frameworkByName, guardOf, handlerRequestName, isFunctionLike, lookupDecl, registrationEnvOf, type WalkState } from './state';

/** The block id of the module's statement list: the same in every walk, so reused module-level positions compare. */
const MODULE_BLOCK = -1;

/**
 * Type annotations, interfaces and type aliases hold no status site, send or header (a handler's
 * parameter types are read from the parameter itself), so the walk does not descend into them.
 */
function isTypeOnly(kind: ts.SyntaxKind): boolean {
  return (
    (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode) ||
    kind === ts.SyntaxKind.InterfaceDeclaration ||
    kind === ts.SyntaxKind.TypeAliasDeclaration
  );
}

/**
 * Walk `sf` once, every recognizer listening. `previous`: the walk of the version `sf` was re-parsed
 * from; the top-level statements the edit did not touch are taken from it (walk/reuse.ts).
 */
export function walk(sf: ts.SourceFile, recognizers: readonly Recognizer[], previous?: WalkResult): WalkResult {
  const locals = newLocalConstants({
    number: (name, value) => st.writes.push({ kind: 'number', name, value }),
    enum: (name, members) => st.writes.push({ kind: 'enum', name, members }),
  });
  const ancestors: ts.Node[] = [];
  const { imports, bindings } = topLevelImports(sf);
  const moduleNames = moduleDeclarations(sf);
  const moduleKey = moduleKeyOf(sf, imports, bindings, moduleNames);
  const result: WalkResult = {
    sites: [],
    headers: [],
    sends: [],
    escapes: [],
    slots: [],
    nodesVisited: 0,
    routes: [],
    vouches: [],
    segments: [],
    moduleKey,
    nextId: 0,
  };
  const otherServer = importsOtherServer(imports);
  const pagesApi = /(^|\/)pages\/api\//.test(sf.fileName.replace(/\\/g, '/'));
  const moduleScope = newScope(undefined, undefined);
  for (const name of moduleNames) declare(moduleScope, name, null);
  const moduleInits = new Map<string, ts.Expression>();
  const st: WalkState = {
    sf,
    result,
    ancestors,
    locals,
    imports,
    bindings,
    importedFramework: fileFramework(imports),
    otherServer,
    pagesApi,
    httpFile: !otherServer && (importsHttpServer(imports) || pagesApi),
    moduleInits,
    moduleFrames: [],
    lookup: (name) => lookupDecl(st, name),
    fn: undefined,
    scope: moduleScope,
    functionScope: moduleScope,
    writes: [],
  };
  const ctx = createWalkContext(st);
  const registrationEnv = registrationEnvOf(st);
  // Ids continue after the previous walk's, so reused events never share an id with new ones.
  const firstId = previous?.nextId ?? 0;
  let fnCounter = firstId;
  let blockCounter = firstId;
  let pendingRegistration: Registration | undefined;
  let currentClass: ts.ClassLikeDeclaration | undefined;
  let tryCallsStack: string[][] = [];
  let loopDepth = 0;

  const frames = () => (st.fn ? st.fn.frames : st.moduleFrames);
  const moduleFrames = st.moduleFrames;

  const enterFunction = (node: ts.SignatureDeclaration & { body?: ts.Node }, visitBody: () => void) => {
    const reg = pendingRegistration?.handlers.has(node) ? pendingRegistration : undefined;
    const { fnCtx, fnScope } = functionContextFor(node, ++fnCounter, st, reg);
    const saved = { fn: st.fn, pendingRegistration, tryCallsStack, loopDepth, scope: st.scope, functionScope: st.functionScope };
    st.fn = ctx.fn = fnCtx;
    st.scope = st.functionScope = fnScope;
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
    ({ pendingRegistration, tryCallsStack, loopDepth } = saved);
    st.fn = ctx.fn = saved.fn;
    st.scope = saved.scope;
    st.functionScope = saved.functionScope;
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
    const fn = st.fn;
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
    const saved = st.scope;
    st.scope = newScope(saved, st.fn?.id);
    try {
      body();
    } finally {
      st.scope = saved;
    }
  };

  const visitFunction = (node: ts.SignatureDeclaration & { body?: ts.Node }) => {
    // `function res() {}` declares its name where it is written; a function expression's name is its own.
    if (ts.isFunctionDeclaration(node) && node.name) declareHere(st, node.name.text, null);
    if (ts.isMethodDeclaration(node)) for (const r of recognizers) r.onMethod?.(node, ctx, currentClass);
    enterFunction(node, () => {
      const body = node.body;
      // `async () => ({ ok: true })`: the expression body is what the function returns.
      if (body && ts.isArrowFunction(node) && !ts.isBlock(body)) for (const r of recognizers) r.onReturn?.(body as ts.Expression, body, ctx);
      ts.forEachChild(node, visit);
    });
  };

  const visitNode = (node: ts.Node): void => {
    // The function around `node`: entering a nested one restores it on the way out.
    const fn = st.fn;
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
        const condition: GuardFrame['condition'] = { expr: s.expression, requestName: fn ? handlerRequestName(st) : undefined };
        const then: GuardFrame = { condition, side: 'then' };
        // Inside a catch, a test of the error's type narrows the catch, whether or not a site follows.
        if (fn && fn.catches.length > 0 && guardOf(st, then).kind === 'error-type') fn.catches[fn.catches.length - 1].narrowed = true;
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
          const facts: CatchFacts = {
            param: cc.variableDeclaration && ts.isIdentifier(cc.variableDeclaration.name) ? cc.variableDeclaration.name.text : undefined,
            narrowed: false,
            tryCalls: calls,
          };
          fn?.catches.push(facts);
          if (facts.param && fn) fn.decls.set(facts.param, { kind: 'caught-error' });
          const savedGuards = fn?.guards;
          if (fn) fn.guards = []; // guards outside the try don't describe the error
          inBlockScope(() => {
            if (cc.variableDeclaration) for (const name of bindingNames(cc.variableDeclaration.name)) declareHere(st, name, null);
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
        if (cls.name && ts.isClassDeclaration(cls)) declareHere(st, cls.name.text, null);
        const saved = currentClass;
        currentClass = ctx.currentClass = cls;
        inBlockScope(() => {
          if (cls.name && ts.isClassExpression(cls)) declareHere(st, cls.name.text, null);
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
          declareHere(st, d.name.text, serverResponse ? { framework: frameworkByName(st, d.name.text), strong: true, certain: true } : null, isVar);
          if (fn) {
            fn.decls.set(d.name.text, { kind: 'var', init: d.initializer });
            if (!isConst) fn.mutable.add(d.name.text);
            else fn.mutable.delete(d.name.text);
          } else if (d.initializer) {
            moduleInits.set(d.name.text, d.initializer);
            st.writes.push({ kind: 'init', name: d.name.text, init: d.initializer, text: d.initializer.getText(sf) });
          }
        } else {
          // const { email } = req.body; const [user] = await db.query(...): each name remembers the source
          for (const name of bindingNames(d.name)) {
            declareHere(st, name, null, isVar);
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
          if (route && route.path !== undefined && route.method !== 'USE')
            for (const method of reg.methods ?? [route.method]) result.routes.push({ method, path: route.path });
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
        const statement = node as ts.ReturnStatement;
        for (const r of recognizers) r.onReturn?.(statement.expression, statement, ctx);
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
      const reused = reuseSegment(old, statement.pos - old.pos);
      appendSegment(result, reused);
      for (const w of reused.writes) replayWrite(w, locals, moduleInits);
      result.segments.push(reused);
      continue;
    }
    const mark = {
      sites: result.sites.length,
      headers: result.headers.length,
      sends: result.sends.length,
      escapes: result.escapes.length,
      slots: result.slots.length,
      routes: result.routes.length,
      vouches: result.vouches.length,
      nodes: result.nodesVisited,
    };
    st.writes = [];
    moduleFrames.push({ block: MODULE_BLOCK, index: i, exitsAfter: exits[i + 1], inLoop: false });
    visit(statement);
    moduleFrames.pop();
    const segment: WalkSegment = {
      statement,
      pos: statement.pos,
      walkedAt: firstId,
      sites: result.sites.slice(mark.sites),
      headers: result.headers.slice(mark.headers),
      sends: result.sends.slice(mark.sends),
      escapes: result.escapes.slice(mark.escapes),
      slots: result.slots.slice(mark.slots),
      routes: result.routes.slice(mark.routes),
      vouches: result.vouches.slice(mark.vouches),
      nodesVisited: result.nodesVisited - mark.nodes,
      writes: st.writes,
    };
    result.segments.push(segment);
    // A changed statement that sets module state differently (a constant, `const app = ...`) changes
    // what the statements after it mean: walk those again too.
    if (reusing && !(old && sameWrites(old.writes, st.writes))) reusing = false;
  }
  ancestors.pop();
  result.nextId = Math.max(fnCounter, blockCounter) + 1;
  return result;
}
