// Reading a call's arguments the way every framework writes them: literal strings, header names,
// object literal properties, error messages, the empty slot between parentheses.
import * as ts from 'typescript';
import { unwrapExpr } from '../syntax';

/** The text of a string-like literal, or undefined. */
export function literalText(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return undefined;
}

/** A string, template or string literal: what a URL or a message argument looks like. */
export function isStringish(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isTemplateExpression(e) || ts.isNoSubstitutionTemplateLiteral(e);
}

/** Header names written by `set('Retry-After', x)`, `set({ Location: x })` or `new Headers({...})`. */
export function headerNamesOf(arg: ts.Expression | undefined): string[] {
  if (!arg) return [];
  const single = literalText(arg);
  if (single !== undefined) return [single.toLowerCase()];
  let obj: ts.Expression = unwrapExpr(arg);
  if (ts.isNewExpression(obj) && obj.arguments?.[0]) obj = unwrapExpr(obj.arguments[0]);
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

/** The property `name` of an object literal (`{ status: 404 }`), as an assignment or shorthand. */
export function objectProp(obj: ts.Expression | undefined, name: string): ts.ObjectLiteralElementLike | undefined {
  if (!obj) return undefined;
  const o = unwrapExpr(obj);
  if (!ts.isObjectLiteralExpression(o)) return undefined;
  return o.properties.find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
}

/** The value of `name` in an object literal: `{ status: 404 }` → 404; shorthand `{ status }` → the name. */
export function objectPropValue(obj: ts.Expression | undefined, name: string): ts.Expression | undefined {
  const p = objectProp(obj, name);
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** The empty slot inside a call's parentheses: `res.status()` → between the parentheses. */
export function emptyArgsAt(call: ts.CallExpression | ts.NewExpression): number {
  const args = call.arguments;
  return args ? args.end : call.getEnd() - 1;
}

/** The message of an error constructor or factory, when it is a literal string. */
export function messageOf(arg: ts.Expression | undefined): string | undefined {
  if (!arg) return undefined;
  const e = unwrapExpr(arg);
  const text = literalText(e);
  if (text !== undefined) return text;
  const m = objectPropValue(e, 'message');
  return m ? literalText(unwrapExpr(m)) : undefined;
}

/** An error factory's message: its first string argument that is not a code (`createError(404, 'No user')`). */
export function errorMessageArg(args: readonly ts.Expression[]): string | undefined {
  for (const a of args) {
    const t = literalText(unwrapExpr(a));
    if (t !== undefined && !/^\d{3}$/.test(t.trim())) return t;
  }
  return undefined;
}
