// Syntax access for the facts the analysis gives rules about code shapes that StatusSite does not
// describe (header arguments, object literals, the statement to log before). The tree is parsed lazily, once
// per analysed text, and only when a rule has a candidate site: most files never pay for it.
import * as ts from 'typescript';
import { forEachChildAround, isTransparentWrapper, unwrapAwaited } from '../syntax';
import type { Span } from '../types';
import type { FactsInput } from './input';

/**
 * The file's syntax tree with parent links. It is the tree the walk already read (no second parse):
 * parents are filled in once per tree, iteratively so deep nesting cannot overflow the stack, and
 * only when a rule has a candidate site, so most files never pay for it.
 */
export function treeOf(ctx: FactsInput): ts.SourceFile {
  const sf = ctx.analysis.sourceFile;
  // Linked already (by an earlier rule, or by ts.updateSourceFile, which always sets parents)? The
  // mark is on the tree itself: a WeakSet of trees would keep every tree alive until a full GC.
  const first = sf.statements[0];
  if (first && first.parent !== sf) {
    const stack: ts.Node[] = [sf];
    while (stack.length > 0) {
      const node = stack.pop()!;
      ts.forEachChild(node, (child) => {
        (child as { parent: ts.Node }).parent = node;
        stack.push(child);
      });
    }
  }
  return sf;
}

/** The innermost node covering `span` exactly, else the innermost node containing it. */
export function nodeAt(sf: ts.SourceFile, span: Span): ts.Node | undefined {
  let best: ts.Node | undefined;
  // Down the path to the span only: rules ask once per site, so a visit of every statement would make big files quadratic.
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) > span.start) return;
    best = n;
    forEachChildAround(n, span.start, span.end, visit);
  };
  forEachChildAround(sf, span.start, span.end, visit);
  // Prefer the outermost of several nodes with the exact span (e.g. an expression statement's expression).
  let n = best;
  while (
    n &&
    n.parent &&
    n.getStart(sf) === span.start &&
    n.getEnd() === span.end &&
    n.parent.getStart(sf) === span.start &&
    n.parent.getEnd() === span.end &&
    !ts.isExpressionStatement(n.parent)
  )
    n = n.parent;
  return n;
}

export function isFunctionLike(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isConstructorDeclaration(n) ||
    ts.isGetAccessor(n) ||
    ts.isSetAccessor(n)
  );
}

export function enclosingFunction(n: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

/** Parentheses, `as`, `!` and `satisfies` around an expression: its value is the inner one's. */
export function skipOuter(n: ts.Node): ts.Node {
  let p = n;
  while (p.parent && isTransparentWrapper(p.parent)) p = p.parent;
  return p;
}

function isStatementList(n: ts.Node): boolean {
  return ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n);
}

/** The statement holding `n` that sits directly in a statement list, where another statement can go before it. */
export function listStatement(n: ts.Node): ts.Statement | undefined {
  for (let p: ts.Node | undefined = n; p && p.parent; p = p.parent) {
    if (isFunctionLike(p)) return undefined;
    if (isStatementList(p.parent) && ts.isStatement(p)) return p;
    // `if (x) stmt` without braces: a statement put before it would run unconditionally.
    if (ts.isStatement(p) && !ts.isBlock(p)) return undefined;
  }
  return undefined;
}

/** True when control can only leave `block` through a return/throw placed after `from`. */
function exitsAfter(block: ts.Node, from: ts.Node): boolean {
  if (ts.isReturnStatement(block) || ts.isThrowStatement(block)) return true;
  if (!ts.isBlock(block) && !ts.isCaseClause(block) && !ts.isDefaultClause(block)) return false;
  return block.statements.some((s) => s.getEnd() > from.getStart() && (ts.isReturnStatement(s) || ts.isThrowStatement(s)));
}

/**
 * False when `a` can never run on a path that also runs `b` in the same function: they sit in
 * different branches of one if/?:/switch, or `a` sits in a branch that returns before reaching `b`.
 * Conservative (true) across nested functions and loops.
 */
export function mayShareAPath(a: ts.Node, b: ts.Node): boolean {
  const bStart = b.getStart();
  const bEnd = b.getEnd();
  const contains = (n: ts.Node) => n.getStart() <= bStart && n.getEnd() >= bEnd;
  let child: ts.Node = a;
  let crossedFunction = false;
  for (let p = a.parent; p; child = p, p = p.parent) {
    if (contains(p)) {
      // p is the lowest common ancestor; `child` holds a, another child holds b.
      if (ts.isIfStatement(p) && child !== p.expression && !contains(child) && !contains(p.expression)) return false;
      if (ts.isConditionalExpression(p) && child !== p.condition && !contains(p.condition)) return false;
      if (ts.isCaseBlock(p)) return false;
      return true;
    }
    if (isFunctionLike(p) || (p.parent && isFunctionLike(p.parent))) crossedFunction = true;
    // A try block can be left by an exception at any point: what ran before it still counts.
    const isTryBlock = p.parent !== undefined && ts.isTryStatement(p.parent) && p.parent.tryBlock === p;
    if (!crossedFunction && !isTryBlock && (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) && exitsAfter(p, child)) return false;
    if (!crossedFunction && (ts.isReturnStatement(p) || ts.isThrowStatement(p)) && p.getEnd() <= bStart) return false;
  }
  return true;
}

/** Visit every node under `root` without entering nested functions. */
export function forEachInFunction(root: ts.Node, visit: (n: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    visit(n);
    if (n !== root && isFunctionLike(n)) return;
    ts.forEachChild(n, walk);
  };
  walk(root);
}

/** The declaration a name refers to at `from`: a parameter, catch variable or variable declaration. */
export function declarationOf(name: string, from: ts.Node): ts.ParameterDeclaration | ts.VariableDeclaration | undefined {
  for (let p: ts.Node | undefined = from.parent; p; p = p.parent) {
    if (ts.isCatchClause(p) && p.variableDeclaration && ts.isIdentifier(p.variableDeclaration.name) && p.variableDeclaration.name.text === name)
      return p.variableDeclaration;
    if (isFunctionLike(p)) {
      const param = p.parameters.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (param) return param;
    }
    if (ts.isSourceFile(p)) return topLevelDeclarations(p).get(name);
    if (ts.isBlock(p) || ts.isCaseClause(p)) {
      for (const st of p.statements) {
        if (!ts.isVariableStatement(st)) continue;
        const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
        if (d) return d;
      }
    }
  }
  return undefined;
}

/** The latest tree's top-level variables, first declaration of each name: asked per site, read once per file. */
let topLevelMemo: { sf: ts.SourceFile; declarations: Map<string, ts.VariableDeclaration> } | undefined;

function topLevelDeclarations(sf: ts.SourceFile): Map<string, ts.VariableDeclaration> {
  if (topLevelMemo?.sf !== sf) {
    const declarations = new Map<string, ts.VariableDeclaration>();
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && !declarations.has(d.name.text)) declarations.set(d.name.text, d);
    }
    topLevelMemo = { sf, declarations };
  }
  return topLevelMemo.declarations;
}

/** The callee name of a call, through `await` and `.then()`-free chains: `await db.user.create(x)` → 'create'. */
export function calleeName(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const x = unwrapAwaited(e);
  if (!ts.isCallExpression(x)) return undefined;
  const c = x.expression;
  return ts.isPropertyAccessExpression(c) ? c.name.text : ts.isIdentifier(c) ? c.text : undefined;
}

/** `req.method === 'POST'` style tests in a condition's text: the methods compared with `op`. */
export function methodsCompared(conditionText: string, op: '===' | '!=='): string[] {
  const out: string[] = [];
  const re =
    op === '==='
      ? /\.method\s*===?\s*(['"`])([A-Za-z]+)\1|(['"`])([A-Za-z]+)\3\s*===?\s*[\w.]*\.method\b/g
      : /\.method\s*!==?\s*(['"`])([A-Za-z]+)\1|(['"`])([A-Za-z]+)\3\s*!==?\s*[\w.]*\.method\b/g;
  for (const m of conditionText.matchAll(re)) out.push((m[2] ?? m[4]).toUpperCase());
  return out;
}
