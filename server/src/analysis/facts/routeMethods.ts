// Which HTTP method a response answers, and which methods a resource accepts, read from the route
// registration, the handler's own `req.method` tests, or (node:http) the dispatcher that calls it.
import * as ts from 'typescript';
import type { StatusSite } from '../types';
import { enclosingFunction, isFunctionLike, listStatement, methodsCompared, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];
const HTTP_METHOD = new Set(METHOD_ORDER);

function ordered(methods: Iterable<string>): string[] {
  const set = new Set([...methods].map((m) => m.toUpperCase()).filter((m) => HTTP_METHOD.has(m)));
  return METHOD_ORDER.filter((m) => set.has(m));
}

/** The condition is made only of method comparisons joined by `joiner` (and parentheses). */
function onlyMethodTests(text: string, op: '===' | '!==', joiner: '&&' | '||'): boolean {
  const re =
    op === '==='
      ? /[\w.?]*\.method\s*===?\s*(['"`])[A-Za-z]+\1|(['"`])[A-Za-z]+\2\s*===?\s*[\w.?]*\.method\b/g
      : /[\w.?]*\.method\s*!==?\s*(['"`])[A-Za-z]+\1|(['"`])[A-Za-z]+\2\s*!==?\s*[\w.?]*\.method\b/g;
  const rest = text.replace(re, '').split(joiner).join('');
  return /^[\s()]*$/.test(rest);
}

/** `!['GET', 'PUT'].includes(req.method)` → ['GET', 'PUT']. */
function includesList(text: string): string[] | undefined {
  const m = /^\s*!\s*\[([^\]]*)\]\s*\.includes\(\s*[\w.?]*\.method\s*\)\s*$/.exec(text);
  if (!m) return undefined;
  const items = m[1].split(',').map((s) => s.trim().replace(/^(['"`])([A-Za-z]+)\1$/, '$2'));
  return items.every((s) => /^[A-Za-z]+$/.test(s)) ? items.map((s) => s.toUpperCase()) : undefined;
}

/** Methods the handler itself lets through before answering here: `if (req.method !== 'GET') → 405`. */
function methodsFromGuards(site: StatusSite): string[] | undefined {
  for (const g of site.guards) {
    if (!g.negated) {
      const listed = includesList(g.text);
      if (listed) return listed;
      const ms = methodsCompared(g.text, '!==');
      if (ms.length > 0 && onlyMethodTests(g.text, '!==', '&&')) return ms;
    } else {
      const ms = methodsCompared(g.text, '===');
      if (ms.length > 0 && onlyMethodTests(g.text, '===', '||')) return ms;
    }
  }
  return undefined;
}

function exits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
  return ts.isBlock(stmt) && stmt.statements.some((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s));
}

/**
 * Methods handled earlier in the same function: `if (req.method === 'GET') { ...; return }` before
 * the 405, or `switch (req.method) { case 'GET': ... default: 405 }`.
 */
function methodsHandledBefore(ctx: FactsInput, site: StatusSite): string[] | undefined {
  const sf = treeOf(ctx);
  const node = nodeAt(sf, site.span);
  const stmt = node && listStatement(node);
  if (!stmt) return undefined;
  const parent = stmt.parent;
  if (ts.isDefaultClause(parent)) {
    const sw = parent.parent.parent;
    if (!ts.isSwitchStatement(sw) || !/\.method$/.test(sw.expression.getText(sf))) return undefined;
    const labels = parent.parent.clauses.flatMap((c) => (ts.isCaseClause(c) && ts.isStringLiteralLike(c.expression) ? [c.expression.text] : []));
    return labels.length > 0 ? labels.map((l) => l.toUpperCase()) : undefined;
  }
  if (!ts.isBlock(parent) && !ts.isSourceFile(parent)) return undefined;
  const found: string[] = [];
  for (const s of parent.statements) {
    if (s === stmt) break;
    if (!ts.isIfStatement(s) || s.elseStatement || !exits(s.thenStatement)) continue;
    const cond = s.expression.getText(sf);
    const ms = methodsCompared(cond, '===');
    if (ms.length > 0 && onlyMethodTests(cond, '===', '||')) found.push(...ms);
  }
  return found.length > 0 ? found : undefined;
}

/** Every method of the registration that holds this handler: `app.on(['PUT', 'DELETE'], path, handler)`. */
function registrationMethods(ctx: FactsInput, site: StatusSite): string[] {
  if (!site.handler) return [];
  const fn = nodeAt(treeOf(ctx), site.handler.span);
  const call = fn?.parent;
  if (!call || !ts.isCallExpression(call)) return [];
  const first = call.arguments[0];
  return first && ts.isArrayLiteralExpression(first) ? first.elements.flatMap((e) => (ts.isStringLiteralLike(e) ? [e.text.toUpperCase()] : [])) : [];
}

/**
 * What to put in Allow for a 405: exact when the handler's own code says which methods pass,
 * otherwise the other methods this file registers for the same path (GET implies HEAD).
 */
export function allowedMethods(ctx: FactsInput, site: StatusSite): { methods: string[]; exact: boolean } | undefined {
  const fromCode = methodsFromGuards(site) ?? methodsHandledBefore(ctx, site);
  if (fromCode) {
    const methods = ordered(fromCode);
    return methods.length > 0 ? { methods, exact: true } : undefined;
  }
  const route = site.route;
  if (!route?.methodsForPath) return undefined;
  const own = new Set([route.method, ...registrationMethods(ctx, site)]);
  const others = new Set(route.methodsForPath.filter((m) => !own.has(m) && m !== 'ALL' && m !== 'USE'));
  if (others.has('GET')) others.add('HEAD');
  const methods = ordered(others);
  return methods.length > 0 ? { methods, exact: false } : undefined;
}

/** The named function a site lives in, through nested callbacks: `function login(req, res) { readForm(req, () => …) }`. */
function outerNamedFunction(node: ts.Node): string | undefined {
  let name: string | undefined;
  for (let f = enclosingFunction(node); f; f = enclosingFunction(f)) {
    if (ts.isFunctionDeclaration(f) && f.name) name = f.name.text;
    else if ((ts.isArrowFunction(f) || ts.isFunctionExpression(f)) && ts.isVariableDeclaration(f.parent) && ts.isIdentifier(f.parent.name))
      name = f.parent.name.text;
    if (name) return name;
  }
  return undefined;
}

/**
 * Per tree: the calls of each plainly called name, from one walk of the file (a walk per name made
 * files with many named handlers quadratic), and the answers found so far. Only the latest tree's
 * are kept: a WeakMap of trees would keep every tree alive until a full GC.
 */
let dispatcherMemo: { sf: ts.SourceFile; calls: Map<string, ts.CallExpression[]>; methods: Map<string, string | undefined> } | undefined;

/** node:http: every call of the handler sits under `if (... req.method === 'POST' ...)`. */
function methodFromDispatcher(sf: ts.SourceFile, fnName: string): string | undefined {
  if (dispatcherMemo?.sf !== sf) dispatcherMemo = { sf, calls: callsByName(sf), methods: new Map() };
  const memo = dispatcherMemo.methods;
  if (!memo.has(fnName)) memo.set(fnName, dispatchedMethod(sf, dispatcherMemo.calls.get(fnName) ?? []));
  return memo.get(fnName);
}

function callsByName(sf: ts.SourceFile): Map<string, ts.CallExpression[]> {
  const calls = new Map<string, ts.CallExpression[]>();
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const list = calls.get(n.expression.text);
      if (list) list.push(n);
      else calls.set(n.expression.text, [n]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return calls;
}

function dispatchedMethod(sf: ts.SourceFile, calls: readonly ts.CallExpression[]): string | undefined {
  const methods = new Set<string>();
  for (const call of calls) {
    let method: string | undefined;
    for (let p: ts.Node = call; p.parent && !isFunctionLike(p); p = p.parent) {
      const parent = p.parent;
      if (ts.isIfStatement(parent) && parent.thenStatement === p) {
        const ms = methodsCompared(parent.expression.getText(sf), '===');
        if (ms.length === 1 && !parent.expression.getText(sf).includes('||')) method = ms[0];
      }
    }
    methods.add(method ?? '?');
  }
  return calls.length > 0 && methods.size === 1 && !methods.has('?') ? [...methods][0] : undefined;
}

/** The request method a response answers, when it is known; undefined for app.all/app.use or unknown. */
export function routeMethodOf(ctx: FactsInput, site: StatusSite): string | undefined {
  const registered = site.route?.method;
  if (registered && HTTP_METHOD.has(registered)) return registered;
  // app.all / app.use / unknown: the handler's own `req.method === 'POST'` test, if any.
  for (const g of site.guards) {
    const ms = methodsCompared(g.text, g.negated ? '!==' : '===');
    if (ms.length === 1 && onlyMethodTests(g.text, g.negated ? '!==' : '===', g.negated ? '&&' : '||')) return ms[0];
  }
  const sf = treeOf(ctx);
  const node = nodeAt(sf, site.span);
  const name = node && outerNamedFunction(node);
  return name ? methodFromDispatcher(sf, name) : undefined;
}
