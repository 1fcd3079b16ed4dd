// A rate or quota limit answered as 400/403/500/503: clients cannot tell "slow down" from "never".
import { changeCodeEdit } from '../analysis/edits';
import type { Fix, Guard, StatusSite } from '../analysis/types';
import { capitalized, codeLabel, isFallbackCode, problemGuard, sameEditHeaderEdit, siteMessage, snippet } from './support/suggest';
import { defineRule } from './support/defineRule';
import { retryAfterSeconds } from './support/options';
import type { RuleContext } from './types';

/** Says "rate limit" on its own. */
const RATE_MESSAGE =
  /\brate[ -]?limit(ed)?\b|\btoo many (requests|attempts|calls|tries|login attempts|\w+ requests|\w+ attempts)\b|\bquota (exceeded|reached|used up|exhausted)\b|\b(exceeded|reached|used up) (the |your )?(\w+ )?quota\b|\bthrottled\b|\bslow down\b/i;
/** Says "limit reached" or "too many": a rate limit only next to a counter, not a size check. */
const LIMIT_MESSAGE = /\blimit (reached|exceeded|hit)\b|\btoo many\b|\bexceeded (the |your )?(\w+ )?limit\b|\btry again (later|in|tomorrow)\b/i;
const NOT_A_RATE =
  /\b(size|large|long|length|characters|bytes|[kmg]b|file|upload size|items? per|fields?|payload|depth|busy|overloaded|maintenance|capacity|concurrent|simultaneous|in[- ]flight|upstream|provider|third[- ]party|gateway)\b/i;
/** Plan and capacity limits (seats, members, projects, storage) are 402/403 territory, not rate limits. */
const PLAN_LIMIT = /seat|member|plan|storage|project|workspace|licen[cs]e|\b429\b/i;

function rateReason(site: StatusSite, g: Guard | undefined, message: string | undefined): string | undefined {
  if (g?.kind === 'rate-limit') return `the client went over a rate or quota limit (\`${snippet(g.text)}\`)`;
  if (!message || NOT_A_RATE.test(message) || site.catchClause) return undefined;
  if (site.guard && PLAN_LIMIT.test(site.guard.text)) return undefined;
  if (g) return undefined;
  const other = site.guard && site.guard.kind === 'other' && !site.guard.negated ? site.guard : undefined;
  if (site.guard && !other) return undefined;
  if (RATE_MESSAGE.test(message)) return `the response says "${snippet(message)}"`;
  // "Too many pending invites" after `pending >= 20`: a counter, not the size of this request
  if (other && LIMIT_MESSAGE.test(message) && /[<>]=?/.test(other.text) && !/\.(length|size)\b|Date|now\(|until|expir|time/i.test(other.text))
    return `the response says "${snippet(message, 30)}" after a counter check (\`${snippet(other.text, 30)}\`)`;
  return undefined;
}

const CONSEQUENCE: Record<number, string> = {
  400: 'treat the request as malformed and never retry it',
  403: 'treat it as a permanent refusal',
  500: 'count it as a server failure and retry at once',
  503: 'take the whole service for down and retry at once',
};

const options = { retryAfterSeconds };

function fixesFor(site: StatusSite, ctx: RuleContext<typeof options>): Fix[] {
  const edit = changeCodeEdit(site, 429);
  if (!edit) return [];
  const seconds = String(ctx.settings.retryAfterSeconds);
  const header = sameEditHeaderEdit(site, ctx.text, 'Retry-After', seconds);
  const statusOnly: Fix = { title: `Respond ${codeLabel(429)}`, edits: [edit] };
  if (!header) return [{ ...statusOnly, isPreferred: true }];
  // The delay is the configured default, not this limiter's window: the user decides (fix-all leaves it).
  return [{ title: `Respond ${codeLabel(429)} with Retry-After: ${seconds}`, edits: [edit, header], isPreferred: true, suggestion: true }, statusOnly];
}

export const rateLimitShouldBe429 = defineRule({
  id: 'rate-limit-should-be-429',
  // strict preset: every RFC 9110 SHOULD is at least a warning
  severity: { recommended: 'info', strict: 'warning' },
  basis: 'convention',
  options,
  messages: {
    rateLimit:
      '{{code}} for a rate or quota limit: respond {{better}} with Retry-After. {{reason}}: clients {{consequence}}, where a 429 tells them to back off and come back.',
  },
  docs: {
    summary: 'A rate or quota limit answered with 400, 403, 500 or 503 instead of 429.',
    description:
      '429 Too Many Requests (RFC 6585) is the one status clients, SDKs, proxies and API gateways understand as ' +
      '"slow down and retry later": they back off, honour Retry-After and surface a clear message. A 400 or 403 tells ' +
      'them the request can never succeed, so they give up or show a permission error; a 500 or 503 reads as an ' +
      'outage, triggers immediate retries that make the overload worse, and pages the on-call. Answer 429 with a ' +
      'Retry-After header when a per-client rate, quota or attempt counter is exceeded.',
    fixes:
      'Change the status to 429, adding `Retry-After: <retryAfterSeconds>` where the response can set it in the same edit; with the header it is a suggestion (the delay is a guess) that fix all and `--fix` leave for you to review.',
    examples: {
      bad: "export function uploadQuota(req, res, next) {\n  if (req.user.uploadsToday >= req.user.plan.dailyUploadLimit) {\n    return res.status(403).json({ error: 'Daily upload limit reached' });\n  }\n  next();\n}",
      good: "export function uploadQuota(req, res, next) {\n  if (req.user.uploadsToday >= req.user.plan.dailyUploadLimit) {\n    return res.status(429).set('Retry-After', '3600').json({ error: 'Daily upload limit reached' });\n  }\n  next();\n}",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.code === undefined || !(site.code in CONSEQUENCE) || site.form === 'dynamic' || isFallbackCode(site, ctx.text)) continue;
      const reason = rateReason(site, problemGuard(site), siteMessage(site));
      if (!reason) continue;
      ctx.report(
        site,
        'rateLimit',
        { code: codeLabel(site.code), better: codeLabel(429), reason: capitalized(reason), consequence: CONSEQUENCE[site.code] },
        fixesFor(site, ctx),
      );
    }
  },
});
