// What a route is for, read from its path and its handler's name: an account action, a probe, a
// webhook, an operation of an outside API. Rules use it to tell a resource's answer from a protocol's.
import * as ts from 'typescript';
import type { StatusSite } from '../types';
import { fileMentions } from './siteRole';
import { enclosingFunction, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';
import { pluginFor } from '../../frameworks/registry';

/** The route's path: as registered, or (Next.js route handlers wrapped in a helper) from the file's place. */
export function routePathOf(ctx: FactsInput, site: StatusSite): string | undefined {
  if (site.route?.path !== undefined) return site.route.path;
  return pluginFor(site.framework).routePathOfFile?.(ctx.fileName);
}

/** A path parameter segment: `:id`, `:id?`, `[id]`, `[...slug]`, `{id}`. */
export function isParamSegment(segment: string): boolean {
  return /^(:[\w]+\??|\[[^\]]+\]|\{[^}]+\})$/.test(segment);
}

/** The path's segments, without empty ones: `/users/:id/` → ['users', ':id']. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** The last segment that is not a parameter: `/2fa/disable` → 'disable', `/users/:id` → 'users'. */
export function lastLiteralSegment(path: string): string | undefined {
  return pathSegments(path)
    .filter((s) => !isParamSegment(s))
    .pop();
}

/** `resendVerificationEmail` / `resend_verification` / `Resend-Verification` → 'resend-verification-email'. */
export function kebabWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** The handler's function node: the registered handler, else the function around the site. */
export function handlerNode(ctx: FactsInput, site: StatusSite): ts.FunctionLikeDeclaration | undefined {
  const at = nodeAt(treeOf(ctx), site.handler?.span ?? site.span);
  for (let n = at; n; n = n.parent) if (isFunctionLike(n)) return n;
  return undefined;
}

/** The name of the handler the site answers in: a method, a function, or the variable or property holding it. */
export function handlerNameOf(ctx: FactsInput, site: StatusSite): string | undefined {
  const f = handlerNode(ctx, site);
  if (!f) return undefined;
  if ((ts.isMethodDeclaration(f) || ts.isFunctionDeclaration(f) || ts.isFunctionExpression(f)) && f.name && ts.isIdentifier(f.name)) return f.name.text;
  const holder = f.parent;
  return (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) && ts.isIdentifier(holder.name)
    ? holder.name.text
    : undefined;
}

/**
 * Account and sign-in actions, as a route's last segment or a handler's name: sign-in, sign-out,
 * verify, resend, forgot or reset a password, confirm, enable or disable (2FA). They change state or
 * send a mail; they make nothing that has a URL. Registration is not among them: it creates a user.
 */
const ACCOUNT_ACTION = /^(sign-?in|sign-?out|log-?in|log-?out|authori[sz]e|authenticate|verify|resend|forgot|reset|confirm|disable|enable)(-|$)|(^|-)password$/;

/** The route or its handler names an account action rather than a collection (`/login-methods` is a collection). */
export function isAccountAction(ctx: FactsInput, site: StatusSite): boolean {
  const path = routePathOf(ctx, site);
  const segment = path !== undefined ? lastLiteralSegment(path) : undefined;
  if (segment !== undefined && !/s$/i.test(segment) && ACCOUNT_ACTION.test(kebabWords(segment))) return true;
  const name = handlerNameOf(ctx, site);
  return name !== undefined && ACCOUNT_ACTION.test(kebabWords(name));
}

/** Path segments and file names that name a probe wherever they appear. */
const PROBE_NAME =
  /^(health|healthz|healthcheck|healthchecks|health-check|health_check|readyz|readiness|ready|ready-check|readycheck|livez|liveness|heartbeat)$/i;
/** Words that name a probe only as the last segment of a route without parameters (`/status`, `/api/ping`). */
const PROBE_LEAF = /^(status|ping|live|alive)$/i;
/** Function names: the probe word first, after an optional verb (getHealth, readinessCheck, healthcheck). */
const PROBE_FUNCTION_WORD = /^(health|healthz|healthcheck|readiness|ready|readyz|liveness|livez|heartbeat)$/;
const VERB = /^(get|check|handle|run|do|api)$/;

function routeIsProbe(path: string): boolean {
  const segments = path
    .split('/')
    .map((s) => s.replace(/^[_.]/, ''))
    .filter((s) => s !== '');
  if (segments.some((s) => PROBE_NAME.test(s))) return true;
  const last = segments[segments.length - 1];
  return last !== undefined && PROBE_LEAF.test(last) && !segments.some((s) => /^[:{[*]/.test(s));
}

/** The file's own name and the two folders above it: `health.ts`, `ready-check.ts`, `health/index.ts`, `app/api/health/route.ts`. */
function fileIsProbe(fileName: string): boolean {
  const parts = fileName.split(/[\\/]/).filter((p) => p !== '');
  const base = parts.pop() ?? '';
  const folders = parts.slice(-2).filter((f) => !/^[[(]/.test(f));
  return base.split('.').some((p) => PROBE_NAME.test(p)) || folders.some((f) => PROBE_NAME.test(f));
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-$]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

function functionNameIsProbe(name: string): boolean {
  const w = words(name);
  const first = w[0] !== undefined && VERB.test(w[0]) ? w[1] : w[0];
  return first !== undefined && PROBE_FUNCTION_WORD.test(first);
}

/** The name a function goes by: its own, the variable or property it is assigned to, the method's. */
function nameOfFunction(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const p = fn.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** True when the site answers a health, readiness or liveness probe. */
export function isHealthProbe(ctx: FactsInput, site: StatusSite): boolean {
  const path = routePathOf(ctx, site);
  if (path !== undefined && routeIsProbe(path)) return true;
  if (fileIsProbe(ctx.fileName) || fileMentions(ctx).terminus) return true;
  const node = nodeAt(treeOf(ctx), site.span);
  for (let f = node && enclosingFunction(node); f; f = enclosingFunction(f)) {
    const name = nameOfFunction(f);
    if (name && functionNameIsProbe(name)) return true;
  }
  return false;
}

/** A GET or HEAD probe (`/status`, `/healthz`, `/health/live`): load balancers often match exactly 200. */
export function isProbeRoute(ctx: FactsInput, site: StatusSite, method: string | undefined): boolean {
  return (method === undefined || method === 'GET' || method === 'HEAD') && isHealthProbe(ctx, site);
}

/** A header that carries a webhook's signature: `stripe-signature`, `x-hub-signature-256`, `svix-signature`. */
const SIGNATURE_HEADER = /['"`][\w-]*signature[\w-]*['"`]/i;

/** A webhook receiver: its route says so, or the handler checks the sender's signature. The sender reads only the status. */
export function isWebhookReceiver(ctx: FactsInput, site: StatusSite): boolean {
  const path = routePathOf(ctx, site);
  if (path !== undefined && pathSegments(path).some((s) => /webhook/i.test(s))) return true;
  const handler = handlerNode(ctx, site);
  return !!handler && SIGNATURE_HEADER.test(ctx.text.slice(handler.getStart(), handler.getEnd()));
}

/**
 * A route named like an AWS JSON-protocol operation (`POST /CreateVectorBucket`): the server copies an
 * outside API, whose documented answers it must keep.
 */
export function isOutsideApiOperation(ctx: FactsInput, site: StatusSite): boolean {
  const path = routePathOf(ctx, site);
  const last = path !== undefined ? pathSegments(path).pop() : undefined;
  return last !== undefined && /^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$/.test(last);
}

/** The callees (as written) of the calls that take, as an argument, a function holding the site: `withQstash(async (req) => …)` → ['withQstash']. Innermost first. */
export function wrappingCallees(ctx: FactsInput, site: StatusSite): string[] {
  const out: string[] = [];
  for (let n = nodeAt(treeOf(ctx), site.span); n; n = n.parent) {
    if (
      ts.isCallExpression(n) &&
      n.arguments.some((a) => (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) && a.pos <= site.span.start && a.end >= site.span.end)
    )
      out.push(n.expression.getText());
  }
  return out;
}
