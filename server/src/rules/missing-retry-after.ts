// A 429 or 503 built by hand with no Retry-After: clients can only guess when to come back.
import type { Fix, StatusSite } from '../analysis/types';
import { builtHere, hasHeader, insertHeaderEdits } from './support/headerEdits';
import { isHealthProbe } from '../analysis/facts/routePurpose';
import { fileMentions, isUnconfiguredFeature, limitResetsWithTime } from '../analysis/facts/siteRole';
import { codeLabel } from './support/suggest';
import { quoteOf, stringLiteral } from '../analysis/facts/text';
import { thrownOutOfFunction } from '../analysis/facts/thrown';
import { defineRule } from './support/defineRule';
import { retryAfterSeconds } from './support/options';
import type { RuleContext } from './types';

const CODES = new Set([429, 503]);

/**
 * An error handler answering an error's own 429 (`if (status === 429)`, the status read off the
 * error): whoever threw it may have set Retry-After on the response first, as @fastify/rate-limit does.
 */
function passesOnThrownStatus(site: StatusSite): boolean {
  if (!site.handler?.isErrorMiddleware) return false;
  return site.guards.some((g) => /[!=]==?\s*429\b|\b429\s*[!=]==?/.test(g.text));
}

/** Why a 429 or 503 needs no Retry-After here: the reader or the cause leaves no time to give. */
function noTimeToGive(ctx: RuleContext, site: StatusSite): boolean {
  if (isHealthProbe(ctx, site)) return true;
  if (site.code === 503 && isUnconfiguredFeature(ctx, site)) return true;
  return site.code === 429 && passesOnThrownStatus(site);
}

/**
 * `throw new HttpException(msg, 429)`, `ctx.throw(429)`, `createError(429)`: reported only when the
 * error surely leaves the function (thrown outside any try), the limit visibly clears with time, and
 * nothing in the file can set Retry-After on its way out (no mention of the header, no limiter
 * library that sets it, no headers passed with the error). An error handler in another file may
 * still add it: one file is all we see.
 */
function thrownWithoutRetryAfter(ctx: RuleContext, site: StatusSite): boolean {
  if (site.kind !== 'exception' || site.send.how !== 'thrown' || site.code !== 429 || site.headers.length > 0) return false;
  const mentions = fileMentions(ctx);
  if (mentions.retryAfter || mentions.headerSettingLimiter) return false;
  // Unsure what the limit is (`if (tries >= 3)` may be a cap that never clears): say nothing.
  if (!limitResetsWithTime(ctx, site)) return false;
  return thrownOutOfFunction(ctx, site);
}

export const missingRetryAfter = defineRule({
  id: 'missing-retry-after',
  // strict preset: a warning, for APIs that want every throttle to say when to come back
  // RFC 9110 §15.6.4 and RFC 6585 §4 make Retry-After a MAY: reported for what clients do without it.
  severity: { recommended: 'info', strict: 'warning' },
  basis: 'convention',
  options: { retryAfterSeconds },
  messages: {
    thrownWithoutRetryAfter:
      "{{code}} thrown without Retry-After: set it where this error is answered (nothing in this file does). Clients can't tell when the rate limit resets, so retry logic falls back to its own backoff (often retrying at once, adding load).",
    rateLimitWithoutRetryAfter:
      "{{code}} without Retry-After: add `Retry-After: {{seconds}}` (seconds until a retry can succeed). Clients can't tell when the rate limit resets, so retry logic falls back to its own backoff (often retrying at once, adding load), and monitors can't tell a blip from an outage.",
    unavailableWithoutRetryAfter:
      "{{code}} without Retry-After: add `Retry-After: {{seconds}}` (seconds until a retry can succeed). Clients can't tell when the service will be back, so retry logic falls back to its own backoff (often retrying at once, adding load), and monitors can't tell a blip from an outage.",
  },
  docs: {
    summary: 'A 429 or 503 response with no `Retry-After` header.',
    description:
      'A 429 Too Many Requests or 503 Service Unavailable tells the client to come back later; `Retry-After` (RFC 9110 §10.2.3) ' +
      'tells it when. The RFCs leave it optional (a MAY in RFC 6585 §4 and RFC 9110 §15.6.4), but without it SDKs and ' +
      'retry middleware fall back to their own backoff (often retrying at once, which adds load exactly when the server is ' +
      'saturated), browsers and crawlers guess, and load balancers and uptime monitors ' +
      'cannot tell a short blip from an outage. Send `Retry-After` with the number of seconds until a retry can succeed ' +
      '(the rate-limit window, the maintenance end), or an HTTP date. ' +
      'A thrown 429 (`ctx.throw(429)`, `new HttpException(msg, 429)`, `createError(429)`) is reported when nothing in its file ' +
      'can add the header on the way out. Not reported: health, readiness and liveness probes (`/health`, `/ready`, ' +
      '`@nestjs/terminus`), whose readers poll on their own schedule; a 503 for a feature the deployment has not configured ' +
      '(`if (!env.SLACK_SECRET)`), where no retry helps until an operator acts; and 429s that a rate-limit library ' +
      '(express-rate-limit, hono-rate-limiter, @fastify/rate-limit) has already given the header.',
    fixes:
      "Add `Retry-After` with the configured `statusHints.retryAfterSeconds` (60 by default) in the response's own syntax; none for a thrown 429. The delay is a guess, so fix all and `--fix` leave it for you to review.",
    examples: {
      bad: "export function apiQuota(req, res, next) {\n  if (hits(req.ip) > 100) return res.status(429).json({ error: 'Too many requests' });\n  next();\n}",
      good: "export function apiQuota(req, res, next) {\n  if (hits(req.ip) > 100) return res.status(429).set('Retry-After', '60').json({ error: 'Too many requests' });\n  next();\n}",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.code === undefined || !CODES.has(site.code)) continue;
      if (!builtHere(site)) {
        if (thrownWithoutRetryAfter(ctx, site) && !noTimeToGive(ctx, site)) {
          ctx.report(site, 'thrownWithoutRetryAfter', { code: codeLabel(site.code) });
        }
        continue;
      }
      if (hasHeader(ctx, site, 'Retry-After') || noTimeToGive(ctx, site)) continue;
      const seconds = ctx.settings.retryAfterSeconds;
      const edits = insertHeaderEdits(ctx, site, 'Retry-After', stringLiteral(String(seconds), quoteOf(ctx.text)));
      // The delay is the configured default, not this service's: a suggestion, never applied by fix-all.
      const fixes: Fix[] = edits ? [{ title: `Add Retry-After: ${seconds}`, edits, isPreferred: true, suggestion: true }] : [];
      ctx.report(site, site.code === 429 ? 'rateLimitWithoutRetryAfter' : 'unavailableWithoutRetryAfter', { code: codeLabel(site.code), seconds }, fixes);
    }
  },
});
