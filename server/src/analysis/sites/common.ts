// Small helpers every framework recognizer shares.
import ts from 'typescript';
import type { ResolvedCode } from '../resolve';
import type { CodeEditPlan } from '../types';
import type { WalkContext } from '../walker';

/** The text of a string-like literal, or undefined. */
export function literalText(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return undefined;
}

/** Header names written by `set('Retry-After', x)`, `set({ Location: x })` or `new Headers({...})`. */
export function headerNamesOf(arg: ts.Expression | undefined): string[] {
  if (!arg) return [];
  const single = literalText(arg);
  if (single !== undefined) return [single.toLowerCase()];
  let obj: ts.Expression = arg;
  if (ts.isNewExpression(obj) && obj.arguments?.[0]) obj = obj.arguments[0];
  if (ts.isObjectLiteralExpression(obj)) {
    const names: string[] = [];
    for (const p of obj.properties) {
      const n = p.name;
      if (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n))) names.push(n.text.toLowerCase());
    }
    return names;
  }
  if (ts.isArrayLiteralExpression(obj)) {
    // [['Location', url], ...]
    return obj.elements.flatMap((el) => (ts.isArrayLiteralExpression(el) ? headerNamesOf(el.elements[0]) : []));
  }
  return [];
}

/** How a "change the code" fix rewrites a resolved status expression. */
export function replacePlan(resolved: ResolvedCode, w: WalkContext): CodeEditPlan {
  const span = w.span(resolved.node);
  switch (resolved.form) {
    case 'number':
    case 'string':
      return { kind: 'replace', span, style: 'number' };
    case 'constant': {
      const name = resolved.constantName ?? '';
      const dot = name.lastIndexOf('.');
      return dot > 0 ? { kind: 'replace', span, style: 'constant', constantPrefix: name.slice(0, dot) } : { kind: 'replace', span, style: 'number' };
    }
    default:
      return { kind: 'none' };
  }
}
