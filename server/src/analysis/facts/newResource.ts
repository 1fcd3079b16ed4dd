// Did a 201 make one new resource that has a URL of its own? Shapes where it did not: a batch of
// relations, a short-lived grant handed out by value, an OAuth client registration, an account action,
// or a request URL that already names what was made.
import * as ts from 'typescript';
import { unwrapExpr } from '../syntax';
import type { BodyFacts, StatusSite } from '../types';
import { handlerNode, isAccountAction, isParamSegment, lastLiteralSegment, pathSegments, routePathOf } from './routePurpose';
import { calleeName, declarationOf, enclosingFunction, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

/** Calls that write records: `insert(...)`, `insertUsersRoles(...)`, `db.tags.createMany(...)`. */
const CREATE_NAME = /^(create|insert|add|save|upsert|store|persist)/i;
/** Calls that write many records at once: `createMany`, `insertMany`, `bulkCreate`, `createFieldsBatch`. */
const BATCH_NAME = /^bulk[A-Z_]|^(create|insert|add|save|upsert)\w*(Many|Batch|Bulk|All)$/;
const BATCH_SEGMENT = /^(batch|bulk)$/i;
/** A property that gives the thing handed out a lifetime: a token or proof clients use by value. */
const EXPIRY_PROP = /^expires?(_?(at|in|on))?$/i;
const PLURAL_NAME = /(s|Ids?|List)$/;

/** Going out from `n` through wrappers (`...`, `await`, `(x ?? [])`): the expression whose value it becomes. */
function outerValue(n: ts.Node): ts.Node {
  let p = n;
  for (;;) {
    const parent = p.parent;
    if (!parent) return p;
    const passes =
      ts.isParenthesizedExpression(parent) ||
      ts.isAwaitExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isAsExpression(parent) ||
      (ts.isBinaryExpression(parent) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind));
    if (!passes) return p;
    p = parent;
  }
}

function containsCreateCall(root: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && CREATE_NAME.test(calleeName(n) ?? '')) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(root);
  return found;
}

/**
 * `insertRoles(roleIds.map(...))`, `insert(...ids.map(...))`, `Promise.all(names.map((n) => Tag.create(n)))`:
 * a list from the request becomes one record per entry.
 */
function mapsIntoCreates(fn: ts.Node): { batchCall: boolean; mapped: boolean } {
  let batchCall = false;
  let mapped = false;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? '';
      if (BATCH_NAME.test(name)) batchCall = true;
      if ((name === 'map' || name === 'flatMap') && ts.isPropertyAccessExpression(n.expression)) {
        const holder = outerValue(n).parent;
        if (holder && ts.isCallExpression(holder) && holder.arguments.some((a) => outerValue(n) === a || unwrapExpr(a) === n)) {
          const target = calleeName(holder) ?? '';
          const callback = n.arguments[0];
          if (CREATE_NAME.test(target)) mapped = true;
          else if (/^all(Settled)?$/.test(target) && callback && containsCreateCall(callback)) mapped = true;
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return { batchCall, mapped };
}

/** The answer shows no single new thing: no body, a list, or an object of lists (`{ roleIds, addedIds }`). */
function answersNoSingleThing(site: StatusSite): boolean {
  const body = site.body;
  if (!body) return true;
  if (body.kind === 'object') return body.props.length > 0 && body.props.every((p) => PLURAL_NAME.test(p.name));
  if (body.kind === 'identifier') return PLURAL_NAME.test(body.text);
  return /^\[/.test(body.text.trim());
}

function isBatch(ctx: FactsInput, site: StatusSite, fn: ts.Node | undefined): boolean {
  const path = routePathOf(ctx, site);
  if (path !== undefined && BATCH_SEGMENT.test(pathSegments(path).pop() ?? '')) return true;
  if (!fn) return false;
  const { batchCall, mapped } = mapsIntoCreates(fn);
  return batchCall || (mapped && answersNoSingleThing(site));
}

/** `{ verificationId, expiresAt }`, `{ token, expires_in }`: handed out by value, no id to address it by. */
function isExpiringGrant(site: StatusSite): boolean {
  const props = site.body?.kind === 'object' ? site.body.props : [];
  return props.some((p) => EXPIRY_PROP.test(p.name)) && !props.some((p) => p.name === 'id' || p.name === '_id');
}

/** RFC 7591 dynamic client registration reads `redirect_uris`; its answer carries the client's configuration URI. */
function isClientRegistration(ctx: FactsInput, fn: ts.Node | undefined): boolean {
  return !!fn && ctx.text.slice(fn.getStart(), fn.getEnd()).includes('redirect_uris');
}

/**
 * The request URL names the resource: PUT to it, or POST to a path ending in its id (`POST /tenants/:id`).
 * A PUT or POST to a plural collection creates elsewhere.
 */
export function requestUrlNamesIt(ctx: FactsInput, site: StatusSite, method: string | undefined): boolean {
  const path = routePathOf(ctx, site);
  if (path === undefined || (method !== 'PUT' && method !== 'POST')) return false;
  const last = pathSegments(path).pop();
  if (last === undefined) return false;
  if (isParamSegment(last)) return true;
  return method === 'PUT' && !/s$/i.test(lastLiteralSegment(path) ?? '');
}

/** The 201 did not make one resource with a URL of its own, so there is nothing for Location to name. */
export function nothingAddressableCreated(ctx: FactsInput, site: StatusSite): boolean {
  if (isExpiringGrant(site) || isAccountAction(ctx, site)) return true;
  const fn = handlerNode(ctx, site);
  return isClientRegistration(ctx, fn) || isBatch(ctx, site, fn);
}

/** `name` at the site is the handler's own parameter, not a callback's that re-declares it. */
export function isHandlerParameter(ctx: FactsInput, site: StatusSite, name: string): boolean {
  const node = nodeAt(treeOf(ctx), site.span);
  const decl = node && declarationOf(name, node);
  const fn = decl && ts.isParameter(decl) ? decl.parent : undefined;
  return !!fn && fn.getStart() === site.handler?.span.start && fn.getEnd() === site.handler.span.end;
}

/** Calls that create a record: `User.create(...)`, `db.files.insert(...)`, `orders.place(...)`, `user.createAddress(...)`. */
const CREATE_CALL = /^(create|insert|save|add|register|store|persist|upsert|place)([A-Z]\w*)?$/;

/**
 * The id of the record a body names by a plain identifier, as source text: `user.id` or `user._id`
 * when the handler reads one, `user.id` when `user` holds what a create call returned.
 */
export function createdRecordId(ctx: FactsInput, body: BodyFacts): string | undefined {
  const name = body.text;
  const sf = treeOf(ctx);
  const node = nodeAt(sf, body.span);
  const fn = node && enclosingFunction(node);
  if (!node || !fn) return undefined;
  // The handler already reads the id somewhere (`user.id` in a log line, `_id` for Mongo).
  const used = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\.(_id|id)\\b`).exec(ctx.text.slice(fn.getStart(), fn.getEnd()));
  if (used) return `${name}.${used[1]}`;
  const decl = declarationOf(name, node);
  if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && CREATE_CALL.test(calleeName(decl.initializer) ?? '')) return `${name}.id`;
  return undefined;
}

/** The outermost named function around the site reads the URL's id (`params`) or takes more than (req, res); true outside any. */
export function outerHandlerReadsUrlId(ctx: FactsInput, site: StatusSite): boolean {
  const node = nodeAt(treeOf(ctx), site.span);
  let fn = node && enclosingFunction(node);
  while (fn && enclosingFunction(fn) && !ts.isFunctionDeclaration(fn)) fn = enclosingFunction(fn);
  if (!fn) return true;
  return /\bparams\b/.test(fn.getText()) || fn.parameters.length > 2;
}
