// Headers RFC 9110 asks of a status: 401 MUST carry WWW-Authenticate, 405 MUST carry Allow, and a
// redirect SHOULD carry Location (without one it redirects nowhere).
import type { Fix, StatusSite } from '../analysis/types';
import { getStatus } from '../knowledge/statusData';
import { authGuard, unauthorizedForPermission } from './auth-status-mismatch';
import { inBranchWithoutNext, notAboutCredentials } from './support/unauthorizedContext';
import { builtHere, hasHeader, insertHeaderEdits } from './support/headerEdits';
import { allowedMethods } from '../analysis/facts/routeMethods';
import { codeLabel } from './support/suggest';
import { quoteOf, stringLiteral } from '../analysis/facts/text';
import { defineRule } from './support/defineRule';
import { wwwAuthenticateScheme } from './support/options';
import type { ReportContext } from './types';
import { pluginFor } from '../frameworks/registry';

/** Redirects whose target is the Location header (300 and 304 are not redirects to one place). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * "RFC 9110 §15.5.2 says a 401 MUST send WWW-Authenticate": the strength and section the knowledge
 * base records for the header, so the message claims no more than the RFC does.
 */
function whatTheRfcSays(code: number, header: string): string {
  const e = getStatus(code);
  const h = e?.registered ? [...e.headers.required, ...e.headers.recommended].find((x) => x.name === header) : undefined;
  if (!h) return `RFC 9110 pairs a ${code} with ${header}`;
  const where = h.source.section ? `${h.source.rfc} §${h.source.section}` : h.source.rfc;
  return h.strength === 'advice' ? `${where} defines a ${code} by its ${header}` : `${where} says a ${code} ${h.strength} send ${header}`;
}

function wwwAuthenticateValue(scheme: string): string {
  // RFC 7617 makes the realm required for Basic.
  return scheme.toLowerCase() === 'basic' ? `${scheme} realm="api"` : scheme;
}

const options = { wwwAuthenticateScheme };

function check401(ctx: ReportContext<typeof options>, site: StatusSite): void {
  if (hasHeader(ctx, site, 'WWW-Authenticate')) return;
  // A 401 that should be a 403 (auth-status-mismatch says so): asking for a challenge would contradict it.
  if (unauthorizedForPermission(ctx, site)) return;
  // `!user || !user.isAdmin` answered 401: auth-status-mismatch asks to split it; a challenge now would be half wrong.
  if (authGuard(ctx, site)?.mixedWithAuth) return;
  // Never sent (`next ? next(err) : res.status(401)` in Express), or about something no credential can fix.
  if (inBranchWithoutNext(ctx, site) || notAboutCredentials(ctx, site)) return;
  const value = wwwAuthenticateValue(ctx.settings.wwwAuthenticateScheme);
  const edits = insertHeaderEdits(ctx, site, 'WWW-Authenticate', stringLiteral(value, quoteOf(ctx.text)));
  // The configured scheme may not be this route's: a suggestion, never applied by fix-all.
  const fixes = edits ? [{ title: `Add WWW-Authenticate: ${value}`, edits, isPreferred: true, suggestion: true }] : [];
  ctx.report(site, 'missingWwwAuthenticate', { code: codeLabel(401), value, rfc: whatTheRfcSays(401, 'WWW-Authenticate') }, fixes);
}

function check405(ctx: ReportContext, site: StatusSite): void {
  if (hasHeader(ctx, site, 'Allow')) return;
  const allowed = allowedMethods(ctx, site);
  const fixes: Fix[] = [];
  if (allowed) {
    const value = allowed.methods.join(', ');
    const edits = insertHeaderEdits(ctx, site, 'Allow', stringLiteral(value, quoteOf(ctx.text)));
    // Methods read from the handler's own test are exact; routes registered in this file may be incomplete.
    if (edits) fixes.push({ title: `Add Allow: ${value}`, edits, isPreferred: allowed.exact, suggestion: !allowed.exact });
  }
  const data = { code: codeLabel(405), rfc: whatTheRfcSays(405, 'Allow') };
  if (allowed) ctx.report(site, 'missingAllow', { ...data, methods: allowed.methods.join(', ') }, fixes);
  else ctx.report(site, 'missingAllowMethodsUnknown', data, fixes);
}

function checkRedirect(ctx: ReportContext, site: StatusSite, code: number): void {
  if (hasHeader(ctx, site, 'Location')) return;
  const oneCall = pluginFor(site.framework).redirectCall?.replace('CODE', String(code));
  ctx.report(site, 'missingLocation', {
    code: codeLabel(code),
    oneCall: oneCall ? `, or redirect with \`${oneCall}\`` : '',
    rfc: whatTheRfcSays(code, 'Location'),
  });
}

export const missingRequiredHeader = defineRule({
  id: 'missing-required-header',
  // MUST for 401 and 405, SHOULD for the redirects' Location.
  severity: { recommended: 'warning' },
  basis: 'rfc-must-should',
  options,
  messages: {
    missingWwwAuthenticate:
      "{{code}} without WWW-Authenticate: add `WWW-Authenticate: {{value}}`. {{rfc}}; without it, HTTP clients and auth libraries can't start the right login flow, and some treat the response as malformed. If the caller is signed in but not allowed, answer 403 instead.",
    missingAllow: '{{code}} without Allow: add `Allow: {{methods}}`. {{rfc}}; clients, API tools and crawlers read it to retry with the right method.',
    missingAllowMethodsUnknown:
      '{{code}} without Allow: add Allow with the methods this resource accepts. {{rfc}}; clients, API tools and crawlers read it to retry with the right method.',
    missingLocation:
      '{{code}} without Location: set it to the target{{oneCall}}. {{rfc}}; without it the redirect goes nowhere: browsers and HTTP clients have no URL to follow and show the body instead.',
  },
  docs: {
    summary: 'A 401 without `WWW-Authenticate`, a 405 without `Allow`, or a redirect status set by hand without `Location`.',
    description:
      'Some statuses only make sense with a header. A 401 Unauthorized MUST send `WWW-Authenticate` with the accepted ' +
      'scheme (RFC 9110 §15.5.2): clients and auth libraries use it to pick the login flow, and some treat a 401 without it ' +
      'as malformed. A 405 Method Not Allowed MUST send `Allow` with the supported methods (§15.5.6), so clients and tools ' +
      'can retry correctly. A 301, 302, 307 or 308 SHOULD send `Location` (§15.4.2, §15.4.3, §15.4.8, §15.4.9), and a 303 ' +
      'is defined as a redirect to it (§15.4.4): the RFC stops short of a MUST, but without it browsers and HTTP clients ' +
      'have nothing to follow and show the body instead, so the rule reports it too. The rule only looks ' +
      'at responses the handler builds itself (thrown errors get their headers from the error handler), and stays silent ' +
      'when the header may be set on that path.',
    fixes:
      'Add `WWW-Authenticate` with `statusHints.wwwAuthenticateScheme`, or `Allow` with the methods the handler accepts or ' +
      'the file registers for the path; a missing `Location` has no safe value, so no fix is offered. Fix all and `--fix` add only ' +
      "an `Allow` read from the handler's own method test; the others are suggestions for you to review.",
    examples: {
      bad: "app.get('/me', (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'Sign in first' });\n  res.json(req.user);\n});",
      good: "app.get('/me', (req, res) => {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  res.json(req.user);\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      const code = site.code;
      if (code === undefined || site.kind === 'redirect' || !builtHere(site)) continue;
      if (code === 401) check401(ctx, site);
      else if (code === 405) check405(ctx, site);
      else if (REDIRECTS.has(code)) checkRedirect(ctx, site, code);
    }
  },
});
