// What a file's top-level imports and requires bind to local names: `import x from 'm'`,
// `import { a as b } from 'm'`, `import * as ns from 'm'`, `const x = require('m')`,
// `const { a } = require('m')`, `const x = require('m').y`. Read by the route map's per-file parts.
import * as ts from 'typescript';

export interface Binding {
  specifier: string;
  /** The name imported ('default' for a default import), or undefined for the whole module. */
  imported: string | undefined;
}

/** `x = require('m')`, `x = require('m').y`, `{ a } = require('m')`, `await import('m')`: the module and the member. */
export function requireOf(e: ts.Expression): Binding | undefined {
  let member: string | undefined;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isPropertyAccessExpression(e)) {
    member = e.name.text;
    e = e.expression;
  }
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !ts.isStringLiteral(e.arguments[0])) return undefined;
  const callee = e.expression;
  if (!(ts.isIdentifier(callee) && callee.text === 'require') && callee.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  return { specifier: e.arguments[0].text, imported: member };
}

export function bindingsOf(sf: ts.SourceFile): Map<string, Binding> {
  const out = new Map<string, Binding>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const specifier = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (clause?.name) out.set(clause.name.text, { specifier, imported: 'default' });
      const nb = clause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.set(nb.name.text, { specifier, imported: undefined });
      if (nb && ts.isNamedImports(nb)) for (const e of nb.elements) out.set(e.name.text, { specifier, imported: (e.propertyName ?? e.name).text });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const req = d.initializer && requireOf(d.initializer);
        if (!req) continue;
        if (ts.isIdentifier(d.name)) out.set(d.name.text, req);
        else if (ts.isObjectBindingPattern(d.name) && req.imported === undefined) {
          for (const e of d.name.elements) {
            const key = e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : undefined;
            if (key && ts.isIdentifier(e.name)) out.set(e.name.text, { specifier: req.specifier, imported: key });
          }
        }
      }
    }
  }
  return out;
}
