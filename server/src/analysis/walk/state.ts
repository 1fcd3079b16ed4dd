// What the walk keeps in its head while it goes (walk/visitor.ts moves it, walk/context.ts and
// walk/handlerRoles.ts read it): the function and scope it is in, what names refer to, where in the
// handler's control flow it stands.
import * as ts from 'typescript';
import { classifyBranches } from '../guards';
import type { DeclLookup } from '../guardReaders';
import type { FlowFrame, FlowPosition, Framework, Guard } from '../model';
import type { LocalConstants } from '../resolve';
import { bindingOf, declare, scopeOf, type ResponseBinding, type Scope } from '../scope';
import type { FunctionContext, GuardFrame, ImportBinding, ModuleWrite, RegistrationEnv, WalkResult } from './contract';
import { ID } from '../../frameworks/ids';
import { responseNames } from '../../frameworks/registry';

/**
 * Usual names of a response object. A name only counts by its spelling where nothing declares it
 * (a pasted snippet) or as a parameter of a helper outside any handler (`function sendError(res, e)`);
 * a parameter in a response role is recognised whatever its name. The plugins' `detect.receiverNames`.
 */
export const RESPONSE_NAMES = responseNames;
/** Names a handler's request parameter goes by. */
export const REQUEST_NAMES = /^(req|request)$/;

export const EXIT_KINDS = new Set([ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.ThrowStatement]);

export interface WalkState {
  readonly sf: ts.SourceFile;
  readonly result: WalkResult;
  /** The nodes from the file down to the one being visited. */
  readonly ancestors: ts.Node[];
  readonly locals: LocalConstants;
  readonly imports: ReadonlySet<string>;
  readonly bindings: ReadonlyMap<string, ImportBinding>;
  readonly importedFramework: Framework | undefined;
  /** The file uses an LDAP, WebSocket, socket, gRPC or mock server: names and shapes alone make no response. */
  readonly otherServer: boolean;
  /** Next.js pages API routes (pages/api/x.ts) answer through an Express-like `res`. */
  readonly pagesApi: boolean;
  /** A (req, res) function in a file written against an HTTP server is one of its handlers. */
  readonly httpFile: boolean;
  /** Initializers of module-level declarations (`const app = Fastify()`), for telling frameworks apart. */
  readonly moduleInits: Map<string, ts.Expression>;
  /** The top-level "function" for module code, so flow positions always have a frame list. */
  readonly moduleFrames: FlowFrame[];
  /** Find what a name was declared as, through enclosing functions. */
  readonly lookup: DeclLookup;
  fn: FunctionContext | undefined;
  /** The innermost scope: a block, a function or the module. */
  scope: Scope;
  /** The scope of the function being walked (or the module's): where `var` declares. */
  functionScope: Scope;
  /** Module-level writes of the top-level statement being walked (see WalkSegment). */
  writes: ModuleWrite[];
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

/** First unconditional exit (return, throw) at or after each index of a statement list, computed once per list. */
export function exitIndexes(statements: readonly ts.Node[]): number[] {
  const exitAt: number[] = new Array(statements.length + 1);
  exitAt[statements.length] = Infinity;
  for (let i = statements.length - 1; i >= 0; i--) exitAt[i] = EXIT_KINDS.has(statements[i].kind) ? i : exitAt[i + 1];
  return exitAt;
}

/** Where the walk stands on the control-flow skeleton of the function it is in. */
export function flowPosition(st: WalkState): FlowPosition {
  const { ancestors, fn } = st;
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
  return { fn: fn ? fn.id : 0, frames: (fn ? fn.frames : st.moduleFrames).slice(), isExit };
}

/** A usual name with no recognised role: judge by the name, then by what the file imports. */
export function frameworkByName(st: WalkState, name: string): Framework {
  const { importedFramework, imports } = st;
  if (st.pagesApi && (name === 'res' || name === 'response')) return ID.next;
  if (name === 'reply' || name === 'rep') return ID.fastify;
  if (name === 'ctx' || name === 'context') return importedFramework === ID.hono ? ID.hono : ID.koa;
  if (name === 'c') return importedFramework === ID.koa ? ID.koa : ID.hono;
  if (importedFramework === ID.fastify) return ID.fastify;
  if (importedFramework === ID.express || importedFramework === ID.next) return importedFramework;
  return imports.has('http') || imports.has('node:http') || imports.has('https') || imports.has('node:https') ? ID.nodeHttp : ID.express;
}

/** The nearest declaration of `name` decides; an undeclared usual name (a snippet) is a weak response. */
export function responseBinding(st: WalkState, name: string): ResponseBinding | undefined {
  const b = bindingOf(st.scope, name);
  if (b !== undefined) return b ?? undefined;
  return !st.otherServer && RESPONSE_NAMES.has(name) ? { framework: frameworkByName(st, name), strong: false, certain: false } : undefined;
}

export function receiverFramework(st: WalkState, name: string): Framework {
  return bindingOf(st.scope, name)?.framework ?? frameworkByName(st, name);
}

export function lookupDecl(st: WalkState, name: string): ReturnType<DeclLookup> {
  for (let f = st.fn; f; f = f.parent) {
    const d = f.decls.get(name);
    if (d) return d;
  }
  return undefined;
}

/**
 * The initializer of a `const` visible here, for resolving `const status = ok ? 200 : 503`; null
 * when the name is bound here to something else (a parameter, a let), which hides any outer constant.
 */
export function constInit(st: WalkState, name: string): ts.Expression | null | undefined {
  for (let f = st.fn; f; f = f.parent) {
    const d = f.decls.get(name);
    if (d) return d.kind === 'var' && !f.mutable.has(name) && d.init ? d.init : null;
  }
  return undefined;
}

/** The function whose scope declares `name` (the response's handler), undefined for module-level and undeclared names. */
export function declaringFunction(st: WalkState, name: string): FunctionContext | undefined {
  const id = scopeOf(st.scope, name)?.fnId;
  if (id === undefined) return undefined;
  for (let f = st.fn; f; f = f.parent) if (f.id === id) return f;
  return undefined;
}

/** Declare names in the innermost scope, or in the function's own for `var`. */
export function declareHere(st: WalkState, name: string, binding: ResponseBinding | null, functionLevel = false): void {
  declare(functionLevel ? st.functionScope : st.scope, name, binding);
}

/** The request parameter of the handler around, unless a function in between re-declares its name. */
export function handlerRequestName(st: WalkState): string | undefined {
  for (let f = st.fn; f; f = f.parent) {
    const name = f.handler?.requestName;
    if (name) return lookupDecl(st, name)?.shadowsRequest ? undefined : name;
  }
  return undefined;
}

/** What registration code sees of the walk: imports, and what names were declared as. */
export function registrationEnvOf(st: WalkState): RegistrationEnv {
  return {
    imports: st.imports,
    bindings: st.bindings,
    initOf: (name) => {
      for (let f = st.fn; f; f = f.parent) {
        const d = f.decls.get(name);
        if (d) return d.init;
      }
      return st.moduleInits.get(name);
    },
    paramType: (name) => {
      for (let f = st.fn; f; f = f.parent) {
        if (f.paramTypes.has(name)) return f.paramTypes.get(name);
        if (f.decls.has(name)) return undefined;
      }
      return undefined;
    },
  };
}

export function guardOf(st: WalkState, frame: GuardFrame): Guard {
  const c = frame.condition;
  c.branches ??= classifyBranches(c.expr, st.lookup, st.sf, c.requestName);
  return c.branches[frame.side];
}

/** The function's enclosing guards, innermost first. */
export function currentGuards(st: WalkState): Guard[] {
  const fn = st.fn;
  if (!fn || fn.guards.length === 0) return [];
  const out: Guard[] = new Array(fn.guards.length);
  for (let i = 0; i < out.length; i++) out[i] = guardOf(st, fn.guards[fn.guards.length - 1 - i]);
  return out;
}
