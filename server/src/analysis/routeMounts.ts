// Which modules a file mounts under a path prefix (`app.use('/users', require('./routes/users'))`,
// `app.route('/api', api)` with `import api from './api'`, `fastify.register(plugin, { prefix })`):
// the route map prefixes the routes of those modules. Only what is imported from another module
// counts; a router mounted in its own file keeps its paths (whose routes are whose is not known).
import * as ts from 'typescript';
import { plugins } from '../frameworks/registry';
import { MAX_WALK_DEPTH } from './walk/contract';

export interface Mount {
  prefix: string;
  /** The module specifier as written: './routes/users', '@/api'. */
  specifier: string;
  /** `export { default } from './x'`: the module stands for the one it re-exports (prefix ''). */
  reexport?: true;
}

/** A prefix before every route of one framework in the app (NestJS's `setGlobalPrefix`). */
export interface GlobalPrefix {
  framework: string;
  prefix: string;
}

const MOUNTING = plugins.filter((p) => p.mountsOf);
const PREFIXING = plugins.filter((p) => p.globalPrefixOf);

/** The specifiers top-level imports and requires bind to local names. */
function importedNames(sf: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const spec = st.moduleSpecifier.text;
      if (clause?.name) names.set(clause.name.text, spec);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.set(bindings.name.text, spec);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.set(e.name.text, spec);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const spec = d.initializer && requiredSpecifier(d.initializer);
        if (spec === undefined) continue;
        if (ts.isIdentifier(d.name)) names.set(d.name.text, spec);
        else if (ts.isObjectBindingPattern(d.name)) for (const e of d.name.elements) if (ts.isIdentifier(e.name)) names.set(e.name.text, spec);
      }
    }
  }
  return names;
}

/** `require('x')`, `require('x').default`, `require('x').router`, `await import('x')`: 'x'. */
function requiredSpecifier(e: ts.Expression): string | undefined {
  while (ts.isPropertyAccessExpression(e) || ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !ts.isStringLiteral(e.arguments[0])) return undefined;
  const callee = e.expression;
  const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
  return isRequire || callee.kind === ts.SyntaxKind.ImportKeyword ? e.arguments[0].text : undefined;
}

/** The module a mounted expression comes from: an imported name, an inline require, `sub.routes()`. */
function specifierOf(e: ts.Expression, names: ReadonlyMap<string, string>): string | undefined {
  const inline = requiredSpecifier(e);
  if (inline !== undefined) return inline;
  // koa-router's sub.routes(), a namespace's member (routes.users): the module of the name at the root.
  while (ts.isCallExpression(e) && e.arguments.length === 0) e = e.expression;
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isIdentifier(e) ? names.get(e.text) : undefined;
}

export function mountsOfFile(sf: ts.SourceFile): { mounts: Mount[]; globalPrefixes: GlobalPrefix[] } {
  let names: Map<string, string> | undefined;
  const mounts: Mount[] = [];
  const globalPrefixes: GlobalPrefix[] = [];
  const visit = (node: ts.Node, depth: number): void => {
    if (depth > MAX_WALK_DEPTH) return;
    if (ts.isCallExpression(node)) {
      for (const p of PREFIXING) {
        const prefix = p.globalPrefixOf!(node);
        if (prefix !== undefined) globalPrefixes.push({ framework: p.id, prefix });
      }
      for (const p of MOUNTING) {
        const mount = p.mountsOf!(node);
        if (!mount) continue;
        names ??= importedNames(sf);
        for (const router of mount.routers) {
          const specifier = specifierOf(router, names);
          if (specifier !== undefined) mounts.push({ prefix: mount.prefix, specifier });
        }
        break;
      }
    }
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(sf, 0);
  // An index that re-exports a router (`export { default } from './collections'`) passes its mount on.
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier))
      mounts.push({ prefix: '', specifier: st.moduleSpecifier.text, reexport: true });
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.left.getText(sf) === 'module.exports') {
      const spec = requiredSpecifier(st.expression.right);
      if (spec !== undefined) mounts.push({ prefix: '', specifier: spec, reexport: true });
    }
  }
  return { mounts, globalPrefixes };
}
