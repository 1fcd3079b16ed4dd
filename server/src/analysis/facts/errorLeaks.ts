// Where a response body carries a caught error's internals: err.stack, err.message, the error object
// itself, SQL/driver fields. An "error" is a catch variable, an error-middleware/handler parameter
// named like one (err, error, e, exception, dbError...), or a const computed from one.
import * as ts from 'typescript';
import { declarationOf, isFunctionLike, skipOuter } from './tree';

/** Fields that carry internals: messages, stacks, SQL, driver and upstream details. */
const LEAKY_PROPS = new Set(['message', 'stack', 'sql', 'sqlMessage', 'sqlState', 'detail', 'details', 'errors', 'parent', 'original', 'query', 'hint', 'table', 'constraint', 'column', 'schema', 'where', 'routine', 'cause', 'path', 'syscall', 'address', 'errno', 'response', 'config', 'request', 'meta']);
const TO_TEXT = new Set(['toString', 'toJSON']);
const ERROR_PARAM = /^(err|error|e|ex|exc|exception|cause)$|[a-z](Err|Error|Exception)$/;
/** A condition that shows the details on purpose only in development, or only when safe (`err.expose`). */
export const DELIBERATE_EXPOSURE = /NODE_ENV|\bproduction\b|\bdevelopment\b|isDev|isProd|__DEV__|\bdebug\b|\bexpose\b|\bdev\b|isLocal|verbose|showStack/i;

export interface Leak {
  /** The expression that leaks (`err.stack`, `err`, `err.toString()`). */
  node: ts.Expression;
  /** The error variable's name. */
  errorName: string;
  /** What leaks, for messages: 'stack trace', 'message', 'SQL details', 'error object', 'text'. */
  what: string;
  /** The leaked field, when one: 'message', 'stack'... */
  prop?: string;
}

function describe(prop: string | undefined): string {
  if (prop === undefined) return 'error object';
  if (prop === 'stack') return 'stack trace';
  if (prop === 'message') return 'message';
  if (TO_TEXT.has(prop)) return 'error text';
  if (/^(sql|sqlMessage|sqlState|query|detail|hint|table|constraint|column|schema|where|routine|parent|original|errors|meta)$/.test(prop)) return 'database/driver details';
  return `\`${prop}\``;
}

type ErrorRef = { kind: 'error' } | { kind: 'derived'; init: ts.Expression };

function errorRefOf(id: ts.Identifier): ErrorRef | undefined {
  const decl = declarationOf(id.text, id);
  if (!decl) return undefined;
  if (ts.isVariableDeclaration(decl) && ts.isCatchClause(decl.parent)) return { kind: 'error' };
  if (ts.isParameter(decl)) {
    const fn = decl.parent;
    // (err, req, res, next): Express/Connect error middleware, whatever the first name.
    if (isFunctionLike(fn) && fn.parameters.length === 4 && fn.parameters[0] === decl) return { kind: 'error' };
    return ERROR_PARAM.test(id.text) ? { kind: 'error' } : undefined;
  }
  if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) return { kind: 'derived', init: decl.initializer };
  return undefined;
}

/** An identifier that is read as a value here (not a property name, not a declaration). */
function isReference(n: ts.Identifier): boolean {
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === n) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === n) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === n) return false;
  return true;
}

/** `status >= 500 ? 'Internal Server Error' : err.message`: the details only go out with client errors. */
const STATUS_TEST = /\b(status|statusCode)\s*(<|>|<=|>=)|(<|>|<=|>=)\s*[\w.]*\b(status|statusCode)\b/;

function deliberateCondition(text: string): boolean {
  return DELIBERATE_EXPOSURE.test(text) || STATUS_TEST.test(text);
}

/** `err.code === 'INTERNAL' ? 'Internal server error' : err.message`: a switch on the error's kind, a fixed text on one side. */
const ERROR_KIND_TEST = /\.(code|status|statusCode|name|type|kind)\s*[!=]==?|instanceof\s+(?!Error\b)[\w.]+/;

function genericOtherSide(p: ts.ConditionalExpression, n: ts.Node): boolean {
  const other = p.whenTrue === n ? p.whenFalse : p.whenTrue;
  return (ts.isStringLiteral(other) || ts.isNoSubstitutionTemplateLiteral(other)) && ERROR_KIND_TEST.test(p.condition.getText());
}

/** True when `inner` only shows up in development, for client errors, or when an `expose`-like flag allows it. */
function deliberatelyShown(inner: ts.Node, root: ts.Node): boolean {
  for (let n: ts.Node = inner; n !== root && n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isConditionalExpression(p) && p.condition !== n && (deliberateCondition(p.condition.getText()) || genericOtherSide(p, n))) return true;
    if (ts.isBinaryExpression(p) && p.right === n && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken) && deliberateCondition(p.left.getText())) return true;
  }
  return false;
}

const TEST_OPERATORS = new Set([ts.SyntaxKind.InstanceOfKeyword, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword]);

/** The leaks inside `root` (not entering nested functions); `depth` limits following derived consts. */
export function findLeaks(root: ts.Node, depth = 0): Leak[] {
  const leaks: Leak[] = [];
  const visit = (n: ts.Node): void => {
    if (n !== root && isFunctionLike(n)) return;
    if (ts.isIdentifier(n) && isReference(n)) {
      const ref = errorRefOf(n);
      if (ref?.kind === 'error') {
        const leak = classify(n);
        if (leak && !deliberatelyShown(leak.node, root)) leaks.push(leak);
      } else if (ref?.kind === 'derived' && depth === 0 && !onlyTested(n)) {
        const inner = findLeaks(ref.init, depth + 1);
        if (inner.length > 0 && !deliberatelyShown(n, root)) leaks.push({ ...inner[0], node: n });
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
  return leaks;
}

/** `llmError ? a : b`, `if (x)`, `x && y`, `x === y`: the value is tested here, not sent. */
function onlyTested(id: ts.Identifier): boolean {
  const outer = skipOuter(id) as ts.Expression;
  const p = outer.parent;
  if (ts.isConditionalExpression(p) && p.condition === outer) return true;
  if (ts.isPrefixUnaryExpression(p) || ts.isTypeOfExpression(p) || ts.isIfStatement(p)) return true;
  return ts.isBinaryExpression(p) && (TEST_OPERATORS.has(p.operatorToken.kind) || (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.left === outer));
}

/** Functions that turn an error into what a client may see: `formatErrorForUser(err)`, `sanitizeError(err)`. */
const SANITIZER = /saniti[sz]e|redact|scrub|mask|public|safe|for(User|Client)|toUser|toClient|userMessage|clientMessage|generic/i;

function classify(id: ts.Identifier): Leak | undefined {
  const outer = skipOuter(id) as ts.Expression;
  const p = outer.parent;
  const errorName = id.text;
  if (ts.isPropertyAccessExpression(p) && p.expression === outer) {
    const prop = p.name.text;
    if (LEAKY_PROPS.has(prop)) return { node: p, errorName, what: describe(prop), prop };
    if (TO_TEXT.has(prop) && ts.isCallExpression(p.parent) && p.parent.expression === p) return { node: p.parent, errorName, what: describe(prop), prop };
    return undefined; // err.code, err.status, err.name: safe to show
  }
  if (ts.isElementAccessExpression(p) || ts.isCallExpression(p) && p.expression === outer) return undefined;
  if (ts.isCallExpression(p) && SANITIZER.test(p.expression.getText())) return undefined;
  if (ts.isBinaryExpression(p)) {
    if (TEST_OPERATORS.has(p.operatorToken.kind)) return undefined;
    if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.left === outer) return undefined;
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isTypeOfExpression(p) || ts.isVoidExpression(p)) return undefined;
  if (ts.isConditionalExpression(p) && p.condition === outer) return undefined;
  if (ts.isIfStatement(p) || ts.isExpressionStatement(p)) return undefined;
  // String(err), `${err}`, 'x' + err: the error's text (its message, or its stack with util.inspect)
  if (ts.isCallExpression(p) && /^(String|inspect|util\.inspect|JSON\.stringify)$/.test(p.expression.getText())) return { node: p, errorName, what: 'error text' };
  if (ts.isTemplateSpan(p) || ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) return { node: outer, errorName, what: 'error text' };
  // json(err), { error: err }, { err }, { ...err }
  return { node: outer, errorName, what: describe(undefined) };
}
