// An in-range status that IANA never registered (419, 420, 499, 520...): clients that don't know it
// treat it as the x00 of its class, so it says less than the author thinks.
import { defineOption } from '../analysis/options';
import type { StatusSite } from '../analysis/types';
import { getStatus, isRegistered } from '../knowledge/statusData';
import { codeLabel } from './support/suggest';
import { declaredTables, enclosingFunctionName } from '../analysis/facts/names';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';

/** " (Page Expired, used by Laravel; http-status-codes)": what the code means to those who use it. */
function who(code: number): string {
  const entry = getStatus(code);
  if (!entry || entry.registered) return '';
  const users = entry.usedBy.map((u) => u.by);
  return users.length > 0 ? ` (${entry.phrase}, used by ${users.slice(0, 2).join('; ')})` : ` (${entry.phrase})`;
}

/** The registered codes the data says fit instead (at most two), with what tells each apart. */
function registeredAlternatives(code: number): { names: string; differences: string } | undefined {
  const alts = (getStatus(code)?.confusedWith ?? []).filter((c) => isRegistered(c.code)).slice(0, 2);
  if (alts.length === 0) return undefined;
  // Each difference is a whole sentence comparing the two codes ("408 is sent when..."), so they follow one another.
  const differences = alts.map((a) => (/[.!?]$/.test(a.difference) ? a.difference : `${a.difference}.`)).join(' ');
  return { names: alts.map((a) => codeLabel(a.code)).join(' or '), differences };
}

/** Any site whose code is known, in range and unregistered (implicit and named codes are always registered). */
function reportable(site: StatusSite): site is StatusSite & { code: number } {
  const code = site.code;
  return code !== undefined && Number.isInteger(code) && code >= 100 && code <= 599 && !isRegistered(code);
}

/** Where status-code libraries and frameworks keep their constants: their unregistered members are what the rule is for. */
const LIBRARY_STATUS_HOLDERS = /^(StatusCodes|HttpStatus|HttpStatusCode|HTTP_STATUS|HttpStatusCodes|httpStatus|status|STATUS|Status|codes)$/;

/**
 * The code is a member of an enum of status codes the project declares itself (`IcebergHttpStatusCode.AuthenticationTimeout`):
 * the code of a protocol the server implements, named on purpose.
 */
function protocolCode(ctx: RuleContext, site: StatusSite): boolean {
  const holder = site.form === 'constant' ? /^([A-Za-z_$][\w$]*)\./.exec(site.constantName ?? '')?.[1] : undefined;
  if (!holder || LIBRARY_STATUS_HOLDERS.test(holder)) return false;
  return declaredTables(ctx).has(holder);
}

/** 499 (Client Closed Request) labels a request whose client is gone: nobody receives it. */
function clientGone(ctx: RuleContext, site: StatusSite): boolean {
  if (site.code !== 499) return false;
  const said = [enclosingFunctionName(ctx, site), site.message ?? '', site.body?.text ?? '', ...site.guards.map((g) => g.text)].join(' ');
  return /abort|closed?|disconnect|cancel|gone/i.test(said);
}

export const unregisteredStatusCode = defineRule({
  id: 'unregistered-status-code',
  severity: { recommended: 'info' },
  basis: 'convention',
  options: {
    allowedUnregisteredCodes: defineOption({
      schema: { type: 'array', items: { type: 'integer', minimum: 100, maximum: 599 }, uniqueItems: true },
      default: [],
      description: 'Unregistered status codes you use on purpose, such as `[499]`, which the rule then does not report.',
      expected: 'an array of status codes (100 to 599), e.g. [499]',
    }),
  },
  messages: {
    unregistered:
      "{{code}} is not a registered status code: use {{alternatives}}. {{whoMisreads}} that don't know it treat it as {{class}}, so its meaning is lost. {{differences}} If you use {{code}} on purpose, add it to allowedUnregisteredCodes (setting statusHints.allowedUnregisteredCodes or .statushintsrc.json).",
    unregisteredNoAlternative:
      "{{code}} is not a registered status code: use a registered {{classDigit}}xx code. {{whoMisreads}} that don't know it treat it as {{class}}, so its meaning is lost. If you use {{code}} on purpose, add it to allowedUnregisteredCodes (setting statusHints.allowedUnregisteredCodes or .statushintsrc.json).",
  },
  docs: {
    summary: 'A status code that is not in the IANA registry (419, 420, 499, 520...).',
    description:
      'Only registered codes have a meaning every client shares. RFC 9110 §15 tells a client that does not recognise a code ' +
      'to treat it as the x00 of its class, so browsers, SDKs, retry libraries, proxies and dashboards see `499` as a plain ' +
      '`400 Bad Request` and `520` as `500 Internal Server Error`: the special meaning is lost, and a retry policy may do the ' +
      'wrong thing. Codes such as 419 (Laravel), 420 (old Twitter), 440 (IIS), 499 (nginx) or 52x (Cloudflare) are private ' +
      'conventions of one product. Prefer the registered code that fits (401/403 for an expired session, 429 for rate ' +
      'limiting, 502/504 for upstream failures) and put the detail in the body. When you use a code on purpose, list it in ' +
      '`statusHints.allowedUnregisteredCodes` (or `allowedUnregisteredCodes` in `.statushintsrc.json`) to silence the rule.',
    fixes:
      'No code change is offered: pick a registered code. In the editor, "Allow <code> in .statushintsrc.json" adds the code to `allowedUnregisteredCodes` in the project\'s config file (creating it at the workspace root when there is none).',
    examples: {
      bad: `app.get('/session/ping', (req, res) => {\n  if (!req.session.accountId) {\n    return res.status(419).json({ error: 'Session expired, please log in again' });\n  }\n  res.json({ alive: true });\n});`,
      good: `app.get('/session/ping', (req, res) => {\n  if (!req.session.accountId) {\n    return res.status(401).json({ error: 'Session expired, please log in again' });\n  }\n  res.json({ alive: true });\n});`,
    },
  },
  check(ctx) {
    const allowed = new Set(ctx.settings.allowedUnregisteredCodes);
    for (const site of ctx.sites) {
      if (!reportable(site) || allowed.has(site.code) || protocolCode(ctx, site) || clientGone(ctx, site)) continue;
      const code = site.code;
      const x00 = Math.floor(code / 100) * 100;
      const alts = registeredAlternatives(code);
      const known = who(code);
      const data = { code, class: codeLabel(x00), whoMisreads: known ? `${code}${known} is a private convention, and clients` : 'Clients' };
      if (alts) ctx.report(site, 'unregistered', { ...data, alternatives: alts.names, differences: alts.differences });
      else ctx.report(site, 'unregisteredNoAlternative', { ...data, classDigit: Math.floor(code / 100) });
    }
  },
});
