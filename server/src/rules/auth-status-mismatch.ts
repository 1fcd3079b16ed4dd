// 401 and 403 swapped: 401 = "who are you?" (no or bad credentials), 403 = "I know you, and no".
import { changeCodeEdit } from '../analysis/edits';
import type { Fix, Guard, StatusSite } from '../analysis/types';
import { codeLabel, isFallbackCode, problemGuard, sameEditHeaderEdit, siteMessage, snippet } from './support/suggest';
import { defineRule } from './support/defineRule';
import { earlyExitGuard } from '../analysis/facts/earlyExitGuard';
import { wwwAuthenticateScheme } from './support/options';
import type { RuleContext } from './types';

const TOKEN_VERIFY = /^(verify|jwtVerify|verifyToken|verifyJwt|verifyJWT|verifyIdToken|verifyAccessToken|verifySession|decodeToken)$/;
/** A bare `verify` may check a captcha or a signature: only a message about credentials makes it a token check. */
const CREDENTIALS_MESSAGE = /token|session|jwt|credential|auth|sign(ed)? ?in|log(ged)? ?in|expired/i;
/** Calls that may sit next to a token check in the same try without changing what its catch means. */
const TOKEN_PLUMBING = /^(slice|replace|split|substring|trim|toString|next|set|get|header|cookie|getCookie|from|decode|String|Number|Date|now)$/;

/** When this 403 is answered, if that makes it a 401: the problem in a few words and the code that shows it. */
function missingCredentials(site: StatusSite): { problem: string; evidence: string } | undefined {
  const g = problemGuard(site);
  if (g?.kind === 'auth-missing') return { problem: 'without valid credentials', evidence: `This branch runs when \`${snippet(g.text)}\`` };
  if (g) return undefined;
  const cc = site.catchClause;
  if (!cc || cc.narrowed || site.guard) return undefined;
  const verify = cc.tryCalls.find((c) => TOKEN_VERIFY.test(c));
  if (!verify || !cc.tryCalls.every((c) => TOKEN_VERIFY.test(c) || TOKEN_PLUMBING.test(c))) return undefined;
  if (verify === 'verify' && !CREDENTIALS_MESSAGE.test(siteMessage(site) ?? '')) return undefined;
  return { problem: 'when token verification fails', evidence: `This catch runs when token verification (\`${verify}\`) fails` };
}

/** The 401 this rule reports as a permission refusal: other rules' advice for a 401 (add WWW-Authenticate) does not apply to it. */
/** The guard a 401/403 answers: its own if's, or the failed side of an earlier `if (allowed) return next();`. */
export function authGuard(ctx: RuleContext, site: StatusSite): Guard | undefined {
  return site.guard ?? earlyExitGuard(ctx, site);
}

const problemOf = (g: Guard | undefined): Guard | undefined => (g && g.kind !== 'other' && !g.negated ? g : undefined);

export function unauthorizedForPermission(ctx: RuleContext, site: StatusSite): boolean {
  return site.code === 401 && site.form !== 'dynamic' && !isFallbackCode(site, ctx.text) && problemOf(authGuard(ctx, site))?.kind === 'permission';
}

const options = { wwwAuthenticateScheme };

function swapTo401(site: StatusSite, ctx: RuleContext<typeof options>): Fix[] {
  const edit = changeCodeEdit(site, 401);
  if (!edit) return [];
  const scheme = ctx.settings.wwwAuthenticateScheme;
  const header = sameEditHeaderEdit(site, ctx.text, 'WWW-Authenticate', scheme);
  const statusOnly: Fix = { title: `Respond ${codeLabel(401)}`, edits: [edit] };
  if (!header) return [{ ...statusOnly, isPreferred: true }];
  // The scheme is the configured one, which this route may not use: the user decides (fix-all leaves it).
  return [{ title: `Respond ${codeLabel(401)} with WWW-Authenticate: ${scheme}`, edits: [edit, header], isPreferred: true, suggestion: true }, statusOnly];
}

export const authStatusMismatch = defineRule({
  id: 'auth-status-mismatch',
  severity: { recommended: 'warning' },
  basis: 'rfc-should',
  options,
  messages: {
    twoProblems:
      '{{code}} for two different problems: split the check, answer {{unauthorized}} when nobody is signed in and {{forbidden}} when the signed-in user lacks the permission. `{{condition}}` runs this branch in both cases, so signed-in users who lack the permission get a 401 and are sent to sign in again, and clients cannot tell "sign in" from "not allowed".',
    forbiddenWithoutCredentials:
      '{{code}} {{problem}}: respond {{better}} with WWW-Authenticate. {{evidence}}, but 403 means signed in and not allowed, so clients give up instead of signing in or refreshing their token.',
    unauthorizedForPermission:
      '{{code}} for a signed-in user without permission: respond {{better}}. This branch runs when a role, permission or ownership check fails (`{{condition}}`), but 401 tells clients their credentials are missing or invalid, so they sign in again or refresh the token and retry, in a loop that cannot succeed.',
  },
  docs: {
    summary: '403 answered for a request with no valid credentials, or 401 answered for a signed-in user who lacks a permission.',
    description:
      '401 Unauthorized means "authenticate first": browsers, SDKs and API clients react by asking the user to sign in ' +
      'or by refreshing the token and retrying, and RFC 9110 requires a WWW-Authenticate header saying how. 403 Forbidden ' +
      'means the server knows who is asking and refuses: clients must not retry with the same credentials. A 403 when no ' +
      'user is signed in, the token is missing or fails verification leaves clients with no way to recover; a 401 for a ' +
      'role, permission or ownership check sends users into a sign-in loop that can never succeed. Answer 401 (with ' +
      'WWW-Authenticate) for missing or invalid credentials and 403 for authenticated requests that are not allowed.',
    fixes:
      'Change 403 to 401 (adding `WWW-Authenticate: <wwwAuthenticateScheme>` where the response can set it in the same edit: a suggestion, since the route may use another scheme; fix all applies the status change alone only when no header can be added), or 401 to 403.',
    examples: {
      bad: "function requireLogin(req, res, next) {\n  if (!req.user) return res.status(403).json({ error: 'Sign in first' });\n  next();\n}",
      good: "function requireLogin(req, res, next) {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  next();\n}",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if ((site.code !== 401 && site.code !== 403) || site.form === 'dynamic' || isFallbackCode(site, ctx.text)) continue;
      const guard = authGuard(ctx, site);
      if (site.code === 401 && guard?.mixedWithAuth) {
        // `!user || !user.isAdmin` answered 401: the signed-in half of the cases gets the wrong status.
        ctx.report(site, 'twoProblems', {
          code: codeLabel(site.code),
          unauthorized: codeLabel(401),
          forbidden: codeLabel(403),
          condition: snippet(guard.text),
        });
        continue;
      }
      if (site.code === 403) {
        const reason = missingCredentials(site);
        if (!reason) continue;
        ctx.report(
          site,
          'forbiddenWithoutCredentials',
          { code: codeLabel(403), problem: reason.problem, better: codeLabel(401), evidence: reason.evidence },
          swapTo401(site, ctx),
        );
        continue;
      }
      const g = problemOf(guard);
      if (g?.kind !== 'permission') continue;
      const edit = changeCodeEdit(site, 403);
      const fixes = edit ? [{ title: `Respond ${codeLabel(403)}`, edits: [edit], isPreferred: true }] : [];
      ctx.report(site, 'unauthorizedForPermission', { code: codeLabel(401), better: codeLabel(403), condition: snippet(g.text) }, fixes);
    }
  },
});
