// The route map across files, per file: routes whose handler is a name from another module
// (`router.post('/', validate(schema), userController.createUser)`), and what each exported function
// answers (`exports.createUser = catchAsync(async (req, res) => { res.status(201).send(user) })`).
// project/routeTable.ts joins the two through the project's imports.
import * as ts from 'typescript';
import { positionAt } from './edits';
import { byStatusThenLine, responseOf, type RouteResponse } from './routeMap';
import { bindingsOf, requireOf } from './moduleBindings';
import { fileFramework } from './sites/registration';
import type { FileAnalysis, Framework } from './types';

/** A route registered with a named handler: `exportPath` names it from the module `specifier` (undefined: this file). */
export interface NamedRoute {
  method: string;
  path: string;
  /** 1-based line of the registration. */
  line: number;
  specifier: string | undefined;
  /** ['createUser'] for `import { createUser }`, ['userController', 'createUser'] for a member of an imported namespace. */
  exportPath: string[];
}

/** What an exported name is: a function with the statuses it decides, or another module re-exported. */
export type ExportedValue = { kind: 'function'; responses: RouteResponse[] } | { kind: 'module'; specifier: string; exportPath: string[] };

export interface FileRouteLinks {
  /** The framework the file's imports name, for its named routes. */
  framework: Framework | undefined;
  named: NamedRoute[];
  exports: Map<string, ExportedValue>;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);

/** `a`, `a.b`, `a.b.c` → ['a', 'b', 'c']; anything else undefined. */
function namePath(e: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(e)) return [e.text];
  if (ts.isPropertyAccessExpression(e)) {
    const head = namePath(e.expression);
    return head && [...head, e.name.text];
  }
  return undefined;
}

/** `router.get('/p', ..., h)` or `router.route('/p').get(..., h).post(..., g)`: method, path and the last argument, when a name. */
function namedRegistration(call: ts.CallExpression): { method: string; path: string; handler: string[] } | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !HTTP_METHODS.has(callee.name.text) || call.arguments.length === 0) return undefined;
  const args = call.arguments;
  if (args.some((a) => ts.isFunctionLike(a))) return undefined; // an inline handler: routeMap.ts has it
  let path: string | undefined;
  let rest: readonly ts.Expression[] = args;
  const first = args[0];
  if (ts.isStringLiteralLike(first)) {
    path = first.text;
    rest = args.slice(1);
  } else {
    // router.route('/p').get(h): down the chain to route()
    for (
      let inner: ts.Expression = callee.expression;
      ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression);
      inner = inner.expression.expression
    ) {
      if (inner.expression.name.text === 'route') {
        const arg = inner.arguments[0];
        path = arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
        break;
      }
      if (!HTTP_METHODS.has(inner.expression.name.text)) break;
    }
  }
  const last = rest.at(-1);
  const handler = last && namePath(last);
  if (path === undefined || !path.startsWith('/') || !handler) return undefined;
  const method = callee.name.text === 'del' ? 'DELETE' : callee.name.text.toUpperCase();
  return { method, path, handler };
}

/** The top-level declaration spans of local names, for the statuses a named function decides. */
function declarationSpans(sf: ts.SourceFile): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) out.set(st.name.text, { start: st.pos, end: st.end });
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer && isHandlerValue(d.initializer))
          out.set(d.name.text, { start: d.initializer.pos, end: d.initializer.end });
  }
  return out;
}

/**
 * A value that can be a handler: a function, or a call wrapping one (`catchAsync(async (req, res) => ...)`).
 * Anything else (a config object, a router, a string) is no handler: `api.get('/users', config)` is a
 * client's request, not a route.
 */
function isHandlerValue(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) return true;
  return ts.isCallExpression(e) && e.arguments.some((a) => ts.isFunctionExpression(a) || ts.isArrowFunction(a));
}

export function routeLinksOfFile(analysis: FileAnalysis): FileRouteLinks {
  const sf = analysis.sourceFile;
  const bindings = bindingsOf(sf);
  const lineOf = (offset: number) => positionAt(analysis.lineStarts, offset).line + 1;
  const spans = declarationSpans(sf);
  const responsesIn = (span: { start: number; end: number }): RouteResponse[] => {
    const seen = new Set<string>();
    const out: RouteResponse[] = [];
    for (const site of analysis.sites) {
      if (site.testDouble || site.span.start < span.start || site.span.end > span.end) continue;
      const r = responseOf(site, lineOf);
      const id = `${r.status}:${r.line}:${r.via}`;
      if (!seen.has(id)) (out.push(r), seen.add(id));
    }
    return out.sort(byStatusThenLine);
  };
  const exports = new Map<string, ExportedValue>();
  const exportLocal = (exported: string, value: ts.Expression | undefined) => {
    if (!value) return;
    const req = requireOf(value);
    if (req) return void exports.set(exported, { kind: 'module', specifier: req.specifier, exportPath: req.imported ? [req.imported] : [] });
    if (ts.isIdentifier(value)) {
      const b = bindings.get(value.text);
      if (b)
        return void exports.set(exported, { kind: 'module', specifier: b.specifier, exportPath: b.imported && b.imported !== 'default' ? [b.imported] : [] });
      const span = spans.get(value.text);
      if (span) exports.set(exported, { kind: 'function', responses: responsesIn(span) });
      return;
    }
    if (ts.isObjectLiteralExpression(value)) {
      // module.exports = { a, b: c, d: require('./d') }: each member exported by its name
      if (exported !== 'default') return;
      for (const p of value.properties) {
        if (ts.isShorthandPropertyAssignment(p)) exportLocal(p.name.text, p.name);
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) exportLocal(p.name.text, p.initializer);
      }
      return;
    }
    if (isHandlerValue(value)) exports.set(exported, { kind: 'function', responses: responsesIn({ start: value.pos, end: value.end }) });
  };
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (exported && ts.isFunctionDeclaration(st))
      exports.set(isDefault ? 'default' : (st.name?.text ?? 'default'), { kind: 'function', responses: responsesIn({ start: st.pos, end: st.end }) });
    else if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) exportLocal(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(st)) exportLocal('default', st.expression);
    else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) {
        const local = (e.propertyName ?? e.name).text;
        if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier))
          exports.set(e.name.text, { kind: 'module', specifier: st.moduleSpecifier.text, exportPath: [local] });
        else {
          const span = spans.get(local);
          if (span) exports.set(e.name.text, { kind: 'function', responses: responsesIn(span) });
        }
      }
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      // module.exports = x, module.exports.a = x, exports.a = x
      const target = namePath(st.expression.left);
      if (target?.join('.') === 'module.exports') exportLocal('default', st.expression.right);
      else if (target && target.length === 3 && target[0] === 'module' && target[1] === 'exports') exportLocal(target[2], st.expression.right);
      else if (target && target.length === 2 && target[0] === 'exports') exportLocal(target[1], st.expression.right);
    }
  }

  const named: NamedRoute[] = [];
  const modules = new Set<string>();
  for (const st of sf.statements) if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) modules.add(st.moduleSpecifier.text);
  const visit = (node: ts.Node, depth: number): void => {
    if (depth > 200) return;
    if (ts.isCallExpression(node)) {
      const req = requireOf(node);
      if (req) modules.add(req.specifier);
      const reg = namedRegistration(node);
      if (reg) {
        const [root, ...members] = reg.handler;
        const b = bindings.get(root);
        const line = lineOf(node.getStart(sf));
        if (b)
          named.push({
            method: reg.method,
            path: reg.path,
            line,
            specifier: b.specifier,
            exportPath: [...(b.imported && !(b.imported === 'default' && members.length > 0) ? [b.imported] : []), ...members],
          });
        else if (members.length === 0 && spans.has(root)) named.push({ method: reg.method, path: reg.path, line, specifier: undefined, exportPath: [root] });
      }
    }
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(sf, 0);
  return { framework: named.length > 0 ? fileFramework(modules) : undefined, named, exports: withLocalFunctions(exports, spans, responsesIn, named) };
}

/** A route registered with a function of its own file: its statuses, under the local name. */
function withLocalFunctions(
  exports: Map<string, ExportedValue>,
  spans: Map<string, { start: number; end: number }>,
  responsesIn: (s: { start: number; end: number }) => RouteResponse[],
  named: readonly NamedRoute[],
): Map<string, ExportedValue> {
  for (const r of named) {
    const name = r.exportPath[0];
    if (r.specifier !== undefined || exports.has(`local:${name}`)) continue;
    const span = spans.get(name);
    if (span) exports.set(`local:${name}`, { kind: 'function', responses: responsesIn(span) });
  }
  return exports;
}
