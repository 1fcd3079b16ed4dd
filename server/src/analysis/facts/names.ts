// Names the file declares, for rules that weigh what a status constant or a function is called.
import * as ts from 'typescript';
import type { FileAnalysis, StatusSite } from '../types';
import { enclosingFunction, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** The latest analysis's tables: asked per site, read once per file (one slot: a WeakMap would keep every tree alive). */
let tablesMemo: { analysis: FileAnalysis; names: ReadonlySet<string> } | undefined;

/** Top-level enums and object-literal constants of the file (`enum IcebergHttpStatusCode`, `const Codes = { ... }`), by name. */
export function declaredTables(ctx: FactsInput): ReadonlySet<string> {
  if (tablesMemo?.analysis !== ctx.analysis) {
    const names = new Set<string>();
    for (const st of ctx.analysis.sourceFile.statements) {
      if (ts.isEnumDeclaration(st)) names.add(st.name.text);
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations)
          if (ts.isIdentifier(d.name) && !!d.initializer && ts.isObjectLiteralExpression(skipParens(d.initializer))) names.add(d.name.text);
      }
    }
    tablesMemo = { analysis: ctx.analysis, names };
  }
  return tablesMemo.names;
}

/** The name of the function the site is in: its own, else the variable holding it; '' when it has none or there is none. */
export function enclosingFunctionName(ctx: FactsInput, site: StatusSite): string {
  const node = nodeAt(treeOf(ctx), site.span);
  const fn = node && enclosingFunction(node);
  const fnName = fn && (fn.name?.getText() ?? (ts.isVariableDeclaration(fn.parent) ? fn.parent.name.getText() : ''));
  return fnName ?? '';
}
