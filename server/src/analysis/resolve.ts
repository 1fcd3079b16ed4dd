// Turns a status expression into the code(s) it stands for: literals, named constants from the
// well-known packages, local constants and enum members, and both branches of a conditional.
import * as ts from 'typescript';
import { resolveConstantName, resolveReasonPhrase } from '../knowledge/statusData';
import { unwrapExpr } from './syntax';
import type { CodeForm, Span } from './model';

export interface ResolvedCode {
  code: number | undefined;
  form: CodeForm;
  /** The expression this code comes from (a branch of a conditional, the fallback of `x || 500`). */
  node: ts.Expression;
  constantName?: string;
  /** The code is a branch of `cond ? a : b`: it is only sent when that test goes its way. */
  branch?: true;
}

/** Objects whose members are status constants: http-status-codes, NestJS, http-status, and common local names. */
const CONSTANT_HOLDERS = new Set([
  'StatusCodes',
  'HttpStatus',
  'HttpStatusCode',
  'HTTP_STATUS',
  'HttpStatusCodes',
  'httpStatus',
  'status',
  'STATUS',
  'Status',
  'statusCodes',
  'STATUS_CODES',
  'HTTPStatus',
  'codes',
]);

/** Local knowledge the walker gathers as it goes: `const NOT_FOUND = 404`, `enum Codes { A = 404 }`. */
export interface LocalConstants {
  numbers: Map<string, number>;
  enums: Map<string, Map<string, number>>;
}

/** A map that reports each write (the walker replays a reused statement's writes: see WalkSegment). */
class ReportingMap<V> extends Map<string, V> {
  constructor(private readonly onSet?: (name: string, value: V) => void) {
    super();
  }
  override set(name: string, value: V): this {
    this.onSet?.(name, value);
    return super.set(name, value);
  }
}

export function newLocalConstants(onWrite?: {
  number(name: string, value: number): void;
  enum(name: string, members: Map<string, number>): void;
}): LocalConstants {
  if (!onWrite) return { numbers: new Map(), enums: new Map() };
  return { numbers: new ReportingMap(onWrite.number), enums: new ReportingMap(onWrite.enum) };
}

/**
 * What a name in the current scope is bound to, when it is a `const` with an initializer: lets
 * `const status = found ? 200 : 404; res.status(status)` resolve. Undefined for params, lets, unknowns.
 */
export type ConstScope = (name: string) => ts.Expression | null | undefined;

/** Resolve a status expression. Returns one entry per possible code (two for `c ? 200 : 503`). */
export function resolveStatus(expr: ts.Expression, locals: LocalConstants, depth = 0, scope?: ConstScope): ResolvedCode[] {
  const e = unwrapExpr(expr);
  if (depth > 8) return [{ code: undefined, form: 'dynamic', node: e }];
  if (ts.isNumericLiteral(e)) {
    return [{ code: Number(e.text), form: 'number', node: e }];
  }
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) {
    return [{ code: -Number(e.operand.text), form: 'number', node: e }];
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const n = e.text.trim() === '' ? NaN : Number(e.text);
    return [{ code: Number.isFinite(n) ? n : undefined, form: 'string', node: e }];
  }
  if (ts.isConditionalExpression(e)) {
    const branches = [...resolveStatus(e.whenTrue, locals, depth + 1, scope), ...resolveStatus(e.whenFalse, locals, depth + 1, scope)];
    return branches.map((b) => ({ ...b, branch: true }));
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      // `err.status || 500`: the left side is dynamic; the literal fallback is a site of its own.
      const right = resolveStatus(e.right, locals, depth + 1, scope).filter((r) => r.code !== undefined);
      return [{ code: undefined, form: 'dynamic', node: e }, ...right];
    }
  }
  if (ts.isIdentifier(e)) {
    const init = scope?.(e.text);
    if (init) return resolveThroughConst(e, unwrapExpr(init), locals, depth, scope);
    if (init === null) return [{ code: undefined, form: 'dynamic', node: e }];
    const n = locals.numbers.get(e.text);
    if (n !== undefined) return [{ code: n, form: 'constant', node: e, constantName: e.text }];
    return [{ code: undefined, form: 'dynamic', node: e }];
  }
  // statuses('Not Found') from the `statuses` package: the phrase names the code.
  if (
    ts.isCallExpression(e) &&
    ts.isIdentifier(e.expression) &&
    (e.expression.text === 'statuses' || e.expression.text === 'status') &&
    e.arguments.length === 1
  ) {
    const arg = unwrapExpr(e.arguments[0]);
    if (ts.isStringLiteral(arg)) {
      const code = resolveReasonPhrase(arg.text);
      if (code !== undefined) return [{ code, form: 'constant', node: e, constantName: `${e.expression.text}('${arg.text}')` }];
    }
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteral(e.argumentExpression) ? e.argumentExpression.text : undefined;
    const holder = unwrapExpr(e.expression);
    const holderName = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : undefined;
    if (name !== undefined && holderName !== undefined) {
      const fullName = `${holderName}.${name}`;
      const localEnum = locals.enums.get(holderName);
      if (localEnum?.has(name)) {
        return [{ code: localEnum.get(name), form: 'constant', node: e, constantName: fullName }];
      }
      if (holderName === 'ReasonPhrases') {
        const code = resolveReasonPhrase(name.replace(/_/g, ' '));
        return [{ code, form: code === undefined ? 'dynamic' : 'constant', node: e, constantName: fullName }];
      }
      if (CONSTANT_HOLDERS.has(holderName) || /status/i.test(holderName) || (holderName === 'constants' && name.startsWith('HTTP_STATUS_'))) {
        const code = resolveConstantName(name);
        if (code !== undefined) return [{ code, form: 'constant', node: e, constantName: fullName }];
      }
    }
  }
  return [{ code: undefined, form: 'dynamic', node: e }];
}

/**
 * A name bound by `const`: a number literal is a named constant (replace the name in fixes); a
 * conditional or `x || 500` resolves to its branches, whose literals sit in the declaration.
 */
function resolveThroughConst(use: ts.Identifier, init: ts.Expression, locals: LocalConstants, depth: number, scope?: ConstScope): ResolvedCode[] {
  if (ts.isNumericLiteral(init)) return [{ code: Number(init.text), form: 'constant', node: use, constantName: use.text }];
  if (ts.isConditionalExpression(init) || ts.isBinaryExpression(init)) {
    const branches = resolveStatus(init, locals, depth + 1, scope);
    if (branches.some((b) => b.code !== undefined)) {
      // The dynamic part is reported where the name is used; literal branches where they are written.
      return branches.map((b) => (b.form === 'dynamic' ? { ...b, node: use } : b));
    }
    return [{ code: undefined, form: 'dynamic', node: use }];
  }
  if (ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init)) {
    const [first] = resolveStatus(init, locals, depth + 1, scope);
    if (first.code !== undefined) return [{ ...first, node: use, constantName: use.text }];
  }
  return [{ code: undefined, form: 'dynamic', node: use }];
}

/** Record `const NOT_FOUND = 404`, `enum E { X = 404 }` and `const HTTP = { GONE: 410 }` so later uses resolve. */
export function recordLocalConstant(node: ts.Node, locals: LocalConstants): void {
  if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
    let init = unwrapExpr(node.initializer);
    if (ts.isNumericLiteral(init)) {
      const value = Number(init.text);
      if (value >= 100 && value <= 999) locals.numbers.set(node.name.text, value);
      return;
    }
    // Object.freeze({ ... })
    if (ts.isCallExpression(init) && init.arguments.length === 1 && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'freeze') {
      init = unwrapExpr(init.arguments[0]);
    }
    if (ts.isObjectLiteralExpression(init)) {
      const members = new Map<string, number>();
      for (const p of init.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
        const v = unwrapExpr(p.initializer);
        if (ts.isNumericLiteral(v) && Number(v.text) >= 100 && Number(v.text) <= 999) members.set(p.name.text, Number(v.text));
      }
      // Only objects that look like a table of codes: every member a status-like number.
      if (members.size > 0 && members.size === init.properties.length) locals.enums.set(node.name.text, members);
    }
  } else if (ts.isEnumDeclaration(node)) {
    const members = new Map<string, number>();
    for (const m of node.members) {
      if (m.initializer && ts.isNumericLiteral(m.initializer) && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) {
        members.set(m.name.text, Number(m.initializer.text));
      }
    }
    if (members.size > 0) locals.enums.set(node.name.text, members);
  }
}

export function spanOf(node: ts.Node, sf: ts.SourceFile): Span {
  return { start: node.getStart(sf), end: node.getEnd() };
}
