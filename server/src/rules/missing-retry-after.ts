// A 429 or 503 built by hand with no Retry-After: clients can only guess when to come back.
import type { Fix } from '../analysis/types';
import { builtHere, hasHeader, insertHeaderEdits } from './headerEdits';
import { codeLabel } from './suggest';
import { quoteOf, stringLiteral } from './syntax';
import type { Rule, RuleReport } from './types';

const CODES = new Set([429, 503]);

export const missingRetryAfter: Rule = {
  id: 'missing-retry-after',
  defaultSeverity: 'info',
  // strict preset: a warning, for APIs that want every throttle to say when to come back
  strictSeverity: 'warning',
  // RFC 9110 §15.6.4 and RFC 6585 §4 make Retry-After a MAY: reported for what clients do without it.
  basis: 'convention',
  docs: {
    summary: 'A 429 or 503 response with no `Retry-After` header.',
    description:
      'A 429 Too Many Requests or 503 Service Unavailable tells the client to come back later; `Retry-After` (RFC 9110 §10.2.3) ' +
      'tells it when. The RFCs leave it optional (a MAY in RFC 6585 §4 and RFC 9110 §15.6.4), but without it SDKs and ' +
      'retry middleware fall back to their own backoff (often retrying at once, which adds load exactly when the server is ' +
      'saturated), browsers and crawlers guess, and load balancers and uptime monitors ' +
      'cannot tell a short blip from an outage. Send `Retry-After` with the number of seconds until a retry can succeed ' +
      '(the rate-limit window, the maintenance end), or an HTTP date.',
    fixes: 'Add `Retry-After` with the configured `statusHints.retryAfterSeconds` (60 by default) in the response\'s own syntax.',
    examples: {
      bad: "export function apiQuota(req, res, next) {\n  if (hits(req.ip) > 100) return res.status(429).json({ error: 'Too many requests' });\n  next();\n}",
      good: "export function apiQuota(req, res, next) {\n  if (hits(req.ip) > 100) return res.status(429).set('Retry-After', '60').json({ error: 'Too many requests' });\n  next();\n}",
    },
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const site of ctx.sites) {
      if (site.code === undefined || !CODES.has(site.code) || !builtHere(site)) continue;
      if (hasHeader(ctx, site, 'Retry-After')) continue;
      const seconds = ctx.settings.retryAfterSeconds;
      const edits = insertHeaderEdits(ctx, site, 'Retry-After', stringLiteral(String(seconds), quoteOf(ctx.text)));
      const fixes: Fix[] = edits ? [{ title: `Add Retry-After: ${seconds}`, edits, isPreferred: true }] : [];
      const what = site.code === 429 ? 'when the rate limit resets' : 'when the service will be back';
      reports.push({
        ...site.span,
        message:
          `${codeLabel(site.code)} without Retry-After: add \`Retry-After: ${seconds}\` (seconds until a retry can succeed). ` +
          `Clients can't tell ${what}, so retry logic falls back to its own backoff (often retrying at once, adding load), ` +
          `and monitors can't tell a blip from an outage.`,
        fixes,
      });
    }
    return reports;
  },
};
