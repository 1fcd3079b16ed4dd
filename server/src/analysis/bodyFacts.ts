// What a response body is, for every framework: null, a string, an object and, for an object, each
// property with what its value is (a literal and its value, a variable, a member, a call, empty or
// not). Read from the AST; a value it cannot tell is 'other', so rules stay silent.
import * as ts from 'typescript';
import { unwrapAwaited } from './syntax';
import type { BodyFacts, BodyProp, BodyValueKind } from './model';

function valueKind(v: ts.Expression): BodyValueKind {
  const e = unwrapAwaited(v);
  switch (e.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return 'boolean';
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return 'string';
    case ts.SyntaxKind.TemplateExpression:
      return 'template';
    case ts.SyntaxKind.NumericLiteral:
      return 'number';
    case ts.SyntaxKind.NullKeyword:
      return 'null';
    case ts.SyntaxKind.ArrayLiteralExpression:
      return 'array';
    case ts.SyntaxKind.ObjectLiteralExpression:
      return 'object';
    case ts.SyntaxKind.Identifier:
      return (e as ts.Identifier).text === 'undefined' ? 'undefined' : 'identifier';
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      return 'member';
    case ts.SyntaxKind.CallExpression:
      return 'call';
    default:
      return 'other';
  }
}

function propName(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

/** The facts of a response body expression (`res.json(x)`'s x), undefined when there is none. */
export function bodyFacts(expr: ts.Expression | undefined, sf: ts.SourceFile): BodyFacts | undefined {
  if (!expr) return undefined;
  const e = unwrapAwaited(expr);
  const span = { start: expr.getStart(sf), end: expr.getEnd() };
  const fullText = expr.getText(sf);
  const text = fullText.length > 200 ? fullText.slice(0, 197) + '...' : fullText;
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return { kind: 'null', span, text, props: [] };
  if (ts.isObjectLiteralExpression(e)) {
    const props: BodyProp[] = [];
    for (const p of e.properties) {
      const name = propName(p);
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(p)) {
        const v = unwrapAwaited(p.initializer);
        const kind = valueKind(v);
        let literal: BodyProp['literal'];
        let empty: boolean | undefined;
        if (kind === 'boolean') literal = v.kind === ts.SyntaxKind.TrueKeyword;
        else if (kind === 'string') literal = (v as ts.StringLiteral).text;
        else if (kind === 'number') literal = Number((v as ts.NumericLiteral).text);
        else if (kind === 'null') literal = null;
        if (kind === 'string') empty = (v as ts.StringLiteral).text === '';
        if (kind === 'array') empty = (v as ts.ArrayLiteralExpression).elements.length === 0;
        if (kind === 'object') empty = (v as ts.ObjectLiteralExpression).properties.length === 0;
        const vt = p.initializer.getText(sf);
        props.push({
          name,
          valueKind: kind,
          literal,
          empty,
          valueText: vt.length > 80 ? vt.slice(0, 77) + '...' : vt,
          span: { start: p.getStart(sf), end: p.getEnd() },
        });
      } else if (ts.isShorthandPropertyAssignment(p)) {
        props.push({ name, valueKind: 'identifier', valueText: name, span: { start: p.getStart(sf), end: p.getEnd() } });
      }
    }
    return { kind: 'object', span, text, props };
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return { kind: 'string', span, text, props: [] };
  if (ts.isIdentifier(e)) return { kind: 'identifier', span, text, props: [] };
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return { kind: 'member', span, text, props: [] };
  if (ts.isCallExpression(e)) return { kind: 'call', span, text, props: [] };
  return { kind: 'other', span, text, props: [] };
}
