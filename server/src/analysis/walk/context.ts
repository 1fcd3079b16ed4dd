// The WalkContext a recognizer is handed (walk/contract.ts): read-only views of the walk's state and
// the ways to report sites, headers, sends and escapes, each stamped with where the walk stands.
import * as ts from 'typescript';
import { classifyCondition } from '../guards';
import { resolveStatus, spanOf } from '../resolve';
import { bindingOf, declare, scopeOf, type ResponseBinding } from '../scope';
import { findResponseCall } from '../sites/responseCalls';
import { insideTestDouble } from '../sites/testDoubles';
import { unwrapExpr } from '../syntax';
import type { ResponseCall, WalkContext } from './contract';
import {
  constInit,
  currentGuards,
  declareHere,
  declaringFunction,
  flowPosition,
  guardOf,
  handlerRequestName,
  isFunctionLike,
  receiverFramework,
  responseBinding,
  type WalkState,
} from './state';

/** `T` with the properties `K` writable. */
export type Mutable<T, K extends keyof T> = Omit<T, K> & { -readonly [P in K]: T[P] };

/** The context of one walk; the visitor keeps its `fn` and `currentClass` in step. */
export function createWalkContext(st: WalkState): Mutable<WalkContext, 'fn' | 'currentClass'> {
  const { sf, result, ancestors, locals } = st;
  const isStrongResponse = (name: string): boolean => bindingOf(st.scope, name)?.strong === true;
  const isCertainResponse = (name: string): boolean => bindingOf(st.scope, name)?.certain === true;
  const constInitHere = (name: string) => constInit(st, name);
  let responseCallAsked: ts.CallExpression | undefined;
  let responseCallFound: ResponseCall | undefined;
  const ctx: Mutable<WalkContext, 'fn' | 'currentClass'> = {
    sf,
    text: sf.text,
    locals,
    imports: st.imports,
    bindings: st.bindings,
    ancestors,
    // Plain fields kept in step with `fn` and `currentClass`, not getters: V8 keeps an object
    // literal's accessors in its hidden class, which lives in old space, so getters closing over this
    // walk would keep every walked tree alive until a full GC (measured: GC went from ~5% to ~45% of
    // the analysis time).
    fn: undefined,
    currentClass: undefined,
    responseName(expr) {
      const e = unwrapExpr(expr);
      return ts.isIdentifier(e) && responseBinding(st, e.text) ? e.text : undefined;
    },
    receiverFramework: (name) => receiverFramework(st, name),
    isStrongReceiver: isStrongResponse,
    declaringFunction: (name) => declaringFunction(st, name),
    handOver(callee, receiver) {
      const b = bindingOf(st.scope, receiver);
      if (b?.certain) result.vouches.push({ name: callee });
      else if (b?.guessedHandler) result.vouches.push({ name: callee, via: b.guessedHandler });
    },
    markParamResponse(name, framework) {
      const fn = st.fn;
      if (!fn) return;
      const binding: ResponseBinding = { framework, strong: true, certain: true };
      fn.receivers.set(name, binding);
      // Called from onFunction: the innermost scope is the function's own.
      declare(st.scope, name, binding);
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
      const fn = st.fn;
      if (!fn) return;
      // `const r = NextResponse.json(...)`: the variable was declared (as not a response) just before its initializer.
      const binding: ResponseBinding = { framework, strong: true, certain: true };
      const declaredIn = scopeOf(st.scope, name);
      if (declaredIn && declaredIn.fnId === fn.id) declare(declaredIn, name, binding);
      else declareHere(st, name, binding);
    },
    handlerFramework() {
      for (let f = st.fn; f; f = f.parent) if (f.framework) return f.framework;
      return undefined;
    },
    resolve: (expr) => resolveStatus(expr, locals, 0, constInitHere),
    classify: (expr) => classifyCondition(expr, st.lookup, sf, handlerRequestName(st)),
    innermostGuard() {
      const fn = st.fn;
      return fn && fn.guards.length > 0 ? guardOf(st, fn.guards[fn.guards.length - 1]) : undefined;
    },
    lookup: st.lookup,
    addSite(site) {
      const fn = st.fn;
      const { guard, ...rest } = site;
      const guards = currentGuards(st);
      if (guard) guards.unshift(guard);
      if (fn && site.receiver && site.sendHow !== 'thrown') (fn.statusSet ??= new Set()).add(site.receiver);
      const binding = site.receiver !== undefined ? bindingOf(st.scope, site.receiver) : undefined;
      result.sites.push({
        ...rest,
        certain: binding?.certain === true,
        guessedHandler: binding?.guessedHandler,
        fn,
        flow: flowPosition(st),
        guards,
        catchClause: fn?.catches[fn.catches.length - 1],
        ...(insideTestDouble(ancestors) && { testDouble: true }),
      });
    },
    addHeader(receiver, name, node, chainRoot) {
      const fn = st.fn;
      result.headers.push({
        receiver,
        name: name.toLowerCase(),
        span: spanOf(node, sf),
        fn: fn ? fn.id : 0,
        pos: node.getStart(sf),
        flow: flowPosition(st),
        chainRoot,
      });
    },
    addSend(receiver, method, node, options = {}) {
      const fn = st.fn;
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
      const owner = implicit && fn ? declaringFunction(st, receiver) : undefined;
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
        flow: flowPosition(st),
        chainRoot: options.chainRoot,
        returned,
        statementStart,
        strong: options.strong || isStrongResponse(receiver),
        certain: options.strong || isCertainResponse(receiver),
        guessedHandler: options.strong ? undefined : bindingOf(st.scope, receiver)?.guessedHandler,
        framework: options.framework ?? receiverFramework(st, receiver),
        how: options.how,
        implicit,
        fnContext: fn,
        guards: currentGuards(st),
        catchClause: fn?.catches[fn.catches.length - 1],
        ...(insideTestDouble(ancestors) && { testDouble: true }),
      });
    },
    addEscape(receiver, node, owner) {
      const fn = st.fn;
      // Escaping in a callback (`setInterval(() => send(res))`) leaves the response out of sight of
      // every function around it too, up to the one that declares it.
      const upTo = owner ?? (receiver === '*' ? undefined : declaringFunction(st, receiver));
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
    flowPosition: () => flowPosition(st),
  };
  return ctx;
}
