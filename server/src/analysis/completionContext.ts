// Is the cursor where a status code goes, and what did the code around it just do? Read on the
// syntax tree only: one descent from the root to the cursor (one child per level), then a look at
// the few nodes on that path and the statements before the cursor in its blocks. Half-typed code
// (`res.status(` with no closing paren) works because TypeScript's parser recovers, and the descent
// aims at the last character typed before the cursor.
import * as ts from 'typescript';
import type { Situation, SlotKind } from './completionRanking';
import { chainRoot, decoratedRoute, isFunctionLike, nameOf, situationAt } from './completionSituation';
import { bindingNames, paramName } from './sites/roles';
import type { Framework, Span } from './model';
import { plugins, responseNames as RESPONSE_NAMES, type SlotCall } from '../frameworks/registry';

export type { Situation, SlotKind } from './completionRanking';

export interface CompletionContext {
  slot: SlotKind;
  framework: Framework;
  /** The number or word typed so far (replaced by the chosen code), or an empty span at the cursor. */
  replace: Span;
  situation?: Situation;
}

const RESPONSE_TYPES = new Set([
  'Response',
  'ServerResponse',
  'FastifyReply',
  'Context',
  'ParameterizedContext',
  'ExpressResponse',
  'NextApiResponse',
  'RouterContext',
]);

function isBlank(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 11 || ch === 12 || ch === 0xa0 || ch === 0xfeff;
}

/** Root to the innermost node holding the last character typed before `offset`. */
function pathTo(sf: ts.SourceFile, offset: number): ts.Node[] {
  let anchor = offset;
  while (anchor > 0 && isBlank(sf.text.charCodeAt(anchor - 1))) anchor--;
  const path: ts.Node[] = [sf];
  let node: ts.Node = sf;
  for (;;) {
    const next: ts.Node | undefined = ts.forEachChild(node, (c) => (c.pos < anchor && anchor <= c.end ? c : undefined));
    if (!next) return path;
    path.push(next);
    node = next;
  }
}

/** Where a completion may write, in an argument or initializer position: `node` is what is there now. */
function slotSpan(sf: ts.SourceFile, offset: number, node: ts.Node | undefined): Span | undefined {
  if (!node || node.end === node.pos || (ts.isIdentifier(node) && node.text === '')) return { start: offset, end: offset };
  const start = node.getStart(sf);
  if (offset < start) {
    // `res.status(` with the next line's code parsed as its argument: the cursor line is still empty.
    return sf.getLineAndCharacterOfPosition(offset).line < sf.getLineAndCharacterOfPosition(start).line ? { start: offset, end: offset } : undefined;
  }
  if (offset > node.end) return undefined;
  return ts.isNumericLiteral(node) || ts.isIdentifier(node) ? { start, end: node.end } : undefined;
}

/** The argument index the cursor is at, and the argument there, when the cursor is inside the parentheses. */
function argumentAt(sf: ts.SourceFile, call: ts.CallExpression | ts.NewExpression, offset: number): { index: number; node?: ts.Expression } | undefined {
  const args = call.arguments;
  if (!args || offset < args.pos) return undefined;
  const closed = sf.text.charCodeAt(call.end - 1) === 41; // ')'
  let anchor = offset;
  while (anchor > 0 && isBlank(sf.text.charCodeAt(anchor - 1))) anchor--;
  if (anchor > (closed ? call.end - 1 : call.end)) return undefined;
  let index = 0;
  for (let k = 1; k < args.length; k++) if (offset >= args[k].pos) index = k;
  if (args.hasTrailingComma && offset >= args.end) index = args.length;
  return { index, node: args[index] };
}

/** A parameter in a response role: typed as a response, or the second of `(req, x)`. */
function isResponseParam(params: readonly ts.ParameterDeclaration[], i: number): boolean {
  const type = params[i].type;
  if (type && ts.isTypeReferenceNode(type) && RESPONSE_TYPES.has(ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text)) return true;
  return i >= 1 && /^(req|request)$/.test(paramName(params[i - 1]) ?? '');
}

/** Does `node` (on the path, innermost last) declare `name`? Function parameters and names, catch variables, loop and block declarations. */
function declares(node: ts.Node, name: string): boolean {
  if (isFunctionLike(node))
    return node.parameters.some((p) => bindingNames(p.name).includes(name)) || (ts.isFunctionExpression(node) && node.name?.text === name);
  if (ts.isCatchClause(node)) return !!node.variableDeclaration && bindingNames(node.variableDeclaration.name).includes(name);
  if (
    (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
    node.initializer &&
    ts.isVariableDeclarationList(node.initializer)
  ) {
    return node.initializer.declarations.some((d) => bindingNames(d.name).includes(name));
  }
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
    for (const st of node.statements) {
      if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => bindingNames(d.name).includes(name))) return true;
      if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name) return true;
      if (ts.isImportDeclaration(st) && st.importClause && importNames(st.importClause).includes(name)) return true;
    }
  }
  return false;
}

function importNames(clause: ts.ImportClause): string[] {
  const out = clause.name ? [clause.name.text] : [];
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) out.push(named.name.text);
  else if (named) for (const el of named.elements) out.push(el.name.text);
  return out;
}

/**
 * A response object, judged by the nearest declaration of its name: a parameter typed as one or in
 * the (req, res) shape; a parameter with a usual name (res, reply, ctx, c) of a helper that no
 * function around it answers through; or an undeclared usual name (a snippet). A callback's own
 * `res` (`fetch(url).then((res) => ...)`), a variable or a catch variable is not.
 */
function isResponse(id: ts.Identifier | undefined, path: readonly ts.Node[]): boolean {
  if (!id) return false;
  const name = id.text;
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i];
    if (!declares(n, name)) continue;
    if (!isFunctionLike(n)) return false;
    const params = n.parameters;
    const at = params.findIndex((p) => paramName(p) === name);
    if (at < 0) return false;
    if (isResponseParam(params, at)) return true;
    return (
      RESPONSE_NAMES.has(name) &&
      !path
        .slice(0, i)
        .some(
          (outer) => isFunctionLike(outer) && outer.parameters.some((p, k) => isResponseParam(outer.parameters, k) || RESPONSE_NAMES.has(paramName(p) ?? '')),
        )
    );
  }
  return RESPONSE_NAMES.has(name);
}

interface Slot {
  slot: SlotKind;
  framework: Framework;
}

/** The plugin whose slot this is: the first that answers, else the fallback (a response of unknown kind). */
function slotOf(call: SlotCall): Slot | undefined {
  for (const p of plugins) {
    const slot = p.statusSlot?.(call);
    if (slot !== undefined) return slot ? { slot, framework: p.id } : undefined;
  }
  for (const p of plugins) {
    const slot = p.fallbackSlot?.(call);
    if (slot !== undefined) return slot ? { slot, framework: p.id } : undefined;
  }
  return undefined;
}

/** The status argument of a call or `new`, if `index` is one. */
function callSlot(call: ts.CallExpression | ts.NewExpression, index: number, path: readonly ts.Node[], parent: ts.Node | undefined): Slot | undefined {
  const callee = call.expression;
  const name = nameOf(callee);
  if (ts.isNewExpression(call)) return slotOf({ form: 'new', name, index });
  if (ts.isIdentifier(callee)) return slotOf({ form: parent && ts.isDecorator(parent) ? 'decorator' : 'function', name, index });
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const target = callee.expression;
  const root = chainRoot(target);
  return slotOf({
    form: 'method',
    name,
    index,
    receiver: root?.text,
    target: ts.isIdentifier(target) ? target.text : undefined,
    response: isResponse(root, path),
  });
}

/** `{ status: | }` as the init of `new Response(body, init)`, `Response.json(body, init)`, `NextResponse.json(...)`. */
function initSlot(prop: ts.PropertyAssignment, objectLit: ts.Node | undefined, owner: ts.Node | undefined): Slot | undefined {
  const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
  if (key !== 'status' || !objectLit || !ts.isObjectLiteralExpression(objectLit) || !owner) return undefined;
  if (!(ts.isNewExpression(owner) || ts.isCallExpression(owner)) || owner.arguments?.[1] !== objectLit) return undefined;
  const callee = owner.expression;
  if (ts.isNewExpression(owner)) return ts.isIdentifier(callee) ? slotOf({ form: 'init', name: callee.text, method: 'construct' }) : undefined;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const method = callee.name.text;
  return method === 'json' || method === 'redirect' ? slotOf({ form: 'init', name: callee.expression.text, method }) : undefined;
}

/** The status position holding the cursor: the innermost call, assignment or property that has one decides. */
function findSlot(sf: ts.SourceFile, offset: number, path: readonly ts.Node[]): (Slot & { at: number; replace: Span }) | undefined {
  for (let i = path.length - 1; i > 0; i--) {
    const n = path[i];
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const arg = argumentAt(sf, n, offset);
      if (!arg) continue; // the cursor is in the callee: look further out
      const slot = callSlot(n, arg.index, path, path[i - 1]);
      const replace = slot && slotSpan(sf, offset, arg.node);
      return slot && replace && { ...slot, at: i, replace };
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (offset < n.operatorToken.end) continue;
      const left = n.left;
      if (!ts.isPropertyAccessExpression(left) || !isResponse(chainRoot(left.expression), path)) return undefined;
      const prop = left.name.text;
      if (prop !== 'status' && prop !== 'statusCode') return undefined;
      const replace = slotSpan(sf, offset, n.right);
      const slot = replace && slotOf({ form: 'assign', name: prop, receiver: chainRoot(left.expression)?.text });
      return slot && replace && { ...slot, at: i, replace };
    }
    if (ts.isPropertyAssignment(n)) {
      if (offset < n.initializer.pos) return undefined;
      const slot = initSlot(n, path[i - 1], path[i - 2]);
      const replace = slot && slotSpan(sf, offset, n.initializer);
      return slot && replace && { ...slot, at: i, replace };
    }
    // A status position is never further out than the statement or function holding the cursor.
    if (ts.isStatement(n) || isFunctionLike(n) || ts.isClassElement(n) || ts.isClassLike(n)) return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What the code around the cursor did

/** The status position at `offset`, with what the surrounding code suggests; undefined elsewhere. */
export function completionContext(sf: ts.SourceFile, offset: number): CompletionContext | undefined {
  if (offset < 0 || offset > sf.text.length) return undefined;
  const path = pathTo(sf, offset);
  const found = findSlot(sf, offset, path);
  if (!found) return undefined;
  const ctx: CompletionContext = { slot: found.slot, framework: found.framework, replace: found.replace };
  const situation = found.slot === 'redirect' ? undefined : found.slot === 'decorator' ? decoratedRoute(path[found.at - 2]) : situationAt(sf, path, offset);
  if (situation) ctx.situation = situation;
  return ctx;
}
