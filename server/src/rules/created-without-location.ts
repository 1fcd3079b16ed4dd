// A 201 Created that doesn't say where the new resource lives.
import type { Fix, StatusSite } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { builtHere, hasHeader, insertHeaderEdits } from './support/headerEdits';
import { createdRecordId, isHandlerParameter, nothingAddressableCreated, outerHandlerReadsUrlId, requestUrlNamesIt } from '../analysis/facts/newResource';
import { routeMethodOf } from '../analysis/facts/routeMethods';
import { routePathOf } from '../analysis/facts/routePurpose';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';
import { pluginFor } from '../frameworks/registry';

const KINDS = new Set(['status-call', 'status-assign', 'write-head', 'response-init', 'send-status']);
/** A plain identifier or member chain: safe to put in a template literal as is. */
const SIMPLE_EXPR = /^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*)*$/;

/** How the handler reads a path parameter, per framework. */
function paramAccess(ctx: RuleContext, site: StatusSite, name: string): string | undefined {
  const handlerReq = site.handler?.requestName;
  const req = handlerReq && isHandlerParameter(ctx, site, handlerReq) ? handlerReq : undefined;
  return pluginFor(site.framework).pathParam?.(name, req, site.receiver);
}

/**
 * `/users/${...}` from a collection route: a literal first segment, literal or `:param` segments,
 * and a last segment that reads as a plural collection (`/users`, not `/users/:id/follow`).
 */
function collectionPath(ctx: RuleContext, site: StatusSite, path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  if (segments.length === 0 || !/^[a-z][\w.-]*$/i.test(segments[0]) || !/^[a-z][a-z_-]*s$/i.test(segments[segments.length - 1])) return undefined;
  const out: string[] = [];
  for (const seg of segments) {
    if (/^[\w.-]+$/.test(seg)) out.push(seg.replace(/[`$\\]/g, ''));
    else {
      const param = /^:([A-Za-z_]\w*)$/.exec(seg);
      const access = param && paramAccess(ctx, site, param[1]);
      if (!access) return undefined;
      out.push('${' + access + '}');
    }
  }
  return '/' + out.join('/');
}

/** The new resource's id as source text, read from the response body. */
function idExpression(ctx: RuleContext, site: StatusSite): string | undefined {
  const body = site.body;
  if (!body) return undefined;
  if (body.kind === 'object') {
    const prop = body.props.find((p) => p.name === 'id' || p.name === '_id');
    return prop && SIMPLE_EXPR.test(prop.valueText) ? prop.valueText : undefined;
  }
  if (body.kind !== 'identifier' || !/^[A-Za-z_$][\w$]*$/.test(body.text)) return undefined;
  return createdRecordId(ctx, body);
}

/**
 * PUT /things/:id creates the resource at the request URL, which then identifies it: no Location
 * needed. A PUT to a collection (or with a server-made id) is reported like a POST.
 */
function putNamesTheResource(ctx: RuleContext, site: StatusSite): boolean {
  if (routePathOf(ctx, site) !== undefined) return requestUrlNamesIt(ctx, site, 'PUT');
  // No registered path (node:http): the URL names the resource when the handler reads an id from it.
  return outerHandlerReadsUrlId(ctx, site);
}

function locationFix(ctx: RuleContext, site: StatusSite): Fix | undefined {
  const path = site.route?.path;
  const base = path && collectionPath(ctx, site, path);
  const id = base && idExpression(ctx, site);
  if (!base || !id) return undefined;
  const value = '`' + base + '/${' + id + '}`';
  const edits = insertHeaderEdits(ctx, site, 'Location', value);
  // The path is the route as registered here: a router mounted under a prefix would need it too.
  return edits ? { title: `Add Location: ${value}`, edits } : undefined;
}

export const createdWithoutLocation = defineRule({
  id: 'created-without-location',
  // strict preset: every RFC 9110 SHOULD is at least a warning
  severity: { recommended: 'info', strict: 'warning' },
  basis: 'rfc-should',
  messages: {
    missingLocation:
      "{{code}} without Location: set Location to the new resource's URL. A POST that creates something SHOULD say where it is (RFC 9110 §9.3.3): SDKs and API tools follow Location to fetch or link the new resource, and without it the request URL is taken as its address.",
  },
  docs: {
    summary: 'A 201 Created response with no `Location` header pointing at the new resource.',
    description:
      'A 201 says a resource was created. A POST that creates one SHOULD answer 201 with a `Location` naming it ' +
      '(RFC 9110 §9.3.3); without one, clients must take the request URL itself for the new resource (§15.3.2), which is ' +
      'wrong for a POST to a collection. SDKs, HAL and ' +
      'JSON:API clients, and API tooling follow `Location` to fetch or link the new resource; without it they have to ' +
      "rebuild the URL from the body by convention. Set `Location` to the new resource's URL. Not reported: a PUT (or a " +
      "POST to a path ending in an id) to the resource's own URL; NestJS's implicit 201 for `@Post()`; and 201s that " +
      'make nothing with a URL of its own: a batch of relations (one row per id of the body), account actions (sign-in, ' +
      'verify, resend, forgot or reset a password, enable or disable 2FA), a short-lived proof handed out with an expiry ' +
      'and no id, OAuth dynamic client registration (RFC 7591). It reads one file: a handler that makes such a thing ' +
      'through a service, or a thing the API gives no URL, is still reported (on 23 public back ends 89% of its findings were right, against 95% or more for the warning rules), so the rule stays at info.',
    fixes: "Add `Location` built from the route path and the created record's id, when both are clear; otherwise no fix.",
    examples: {
      bad: "router.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json(user);\n});",
      good: "router.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).location(`/users/${user.id}`).json(user);\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.code !== 201 || site.form === 'dynamic' || !KINDS.has(site.kind) || !builtHere(site)) continue;
      if (hasHeader(ctx, site, 'Location')) continue;
      const method = routeMethodOf(ctx, site);
      if (method === 'PUT' ? putNamesTheResource(ctx, site) : requestUrlNamesIt(ctx, site, method)) continue;
      if (nothingAddressableCreated(ctx, site)) continue;
      const fix = locationFix(ctx, site);
      ctx.report(site, 'missingLocation', { code: `201 ${phraseOf(201)}` }, fix ? [fix] : []);
    }
  },
});
