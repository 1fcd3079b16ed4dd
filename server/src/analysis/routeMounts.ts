// Which modules a file mounts under a path prefix (`app.use('/users', require('./routes/users'))`,
// `app.route('/api', api)` with `import api from './api'`, `fastify.register(plugin, { prefix })`):
// the route map prefixes the routes of those modules. Only what is imported from another module
// counts; a router mounted in its own file keeps its paths (whose routes are whose is not known).
import * as ts from 'typescript';
import { plugins } from '../frameworks/registry';
import { bindingsOf, requireOf, type Binding } from './moduleBindings';
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

/** The module a mounted expression comes from: an imported name, an inline require, `sub.routes()`. */
function specifierOf(e: ts.Expression, names: ReadonlyMap<string, Binding>): string | undefined {
  const inline = requireOf(e)?.specifier;
  if (inline !== undefined) return inline;
  // koa-router's sub.routes(), a namespace's member (routes.users): the module of the name at the root.
  while (ts.isCallExpression(e) && e.arguments.length === 0) e = e.expression;
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return ts.isIdentifier(e) ? names.get(e.text)?.specifier : undefined;
}

export function mountsOfFile(sf: ts.SourceFile): { mounts: Mount[]; globalPrefixes: GlobalPrefix[] } {
  let names: Map<string, Binding> | undefined;
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
        names ??= bindingsOf(sf);
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
      const spec = requireOf(st.expression.right)?.specifier;
      if (spec !== undefined) mounts.push({ prefix: '', specifier: spec, reexport: true });
    }
  }
  return { mounts, globalPrefixes };
}
