// A status that is not a valid HTTP status code: out of 100-599, not an integer, or a string.
import type { Fix, StatusSite } from '../analysis/types';
import { isRegistered } from '../knowledge/statusData';
import { capitalized } from './support/suggest';
import { defineRule } from './support/defineRule';
import { pluginFor } from '../frameworks/registry';

/** Sites built on the Fetch API's Response, whose constructor only accepts 200-599. */
function responseBased(site: StatusSite): boolean {
  return site.kind === 'response-init' && pluginFor(site.framework).responseInitIsFetch === true;
}

/** Registered codes one deleted digit away (`4004` → 404, 400): likely typos, for the message only. */
function typoCandidates(code: number): number[] {
  const digits = String(Math.trunc(Math.abs(code)));
  const out: number[] = [];
  for (let i = 0; i < digits.length; i++) {
    const n = Number(digits.slice(0, i) + digits.slice(i + 1));
    if (n >= 100 && isRegistered(n) && !out.includes(n)) out.push(n);
  }
  return out.slice(0, 2);
}

function whatBreaks(site: StatusSite, kind: 'string' | 'range' | 'integer'): string {
  if (responseBased(site)) return 'the Response constructor throws a RangeError';
  const code = site.code ?? 0;
  // 600-999 pass Node's own check (and Express 5's), but nothing downstream knows what they mean.
  if (kind === 'range' && code >= 600 && code <= 999 && pluginFor(site.framework).acceptsStatusUpTo999) {
    return 'Node sends it, but clients, proxies and HTTP libraries have no class for it and may reject the response';
  }
  const said = pluginFor(site.framework).invalidStatus?.(kind, site);
  if (said) return said;
  // Express's words, and the default for a framework whose plugin says nothing.
  return kind === 'string'
    ? 'Express 5 throws a TypeError ("Invalid status code") and Express 4 only deprecates it'
    : kind === 'integer'
      ? 'Express 5 throws a TypeError ("Invalid status code")'
      : 'Express 5 throws a RangeError and Node throws ERR_HTTP_INVALID_STATUS_CODE';
}

export const invalidStatusCode = defineRule({
  id: 'invalid-status-code',
  severity: { recommended: 'error' },
  basis: 'runtime',
  messages: {
    stringCode: 'Status `{{text}}` is a string: pass the number {{code}}. {{consequence}}.',
    stringNotCode: 'Status `{{text}}` is a string, not a status code: pass a number from 100 to 599. {{consequence}}.',
    notInteger: 'Status `{{text}}` is not an integer: use a whole number from 100 to 599. {{consequence}}.',
    typo: '{{code}} is not a valid status code: did you mean {{candidates}}? Valid codes are 100 to 599. {{consequence}}.',
    outOfRange: '{{code}} is not a valid status code: use a code from 100 to 599. {{consequence}}.',
    typoForResponse:
      '{{code}} is not a valid status code for a Response: did you mean {{candidates}}? A Response takes 200 to 599: it cannot carry a 1xx. {{consequence}}.',
    outOfRangeForResponse:
      '{{code}} is not a valid status code for a Response: use a code from 200 to 599. A Response takes 200 to 599: it cannot carry a 1xx. {{consequence}}.',
  },
  docs: {
    summary: "A status that is not a valid HTTP status code: outside 100-599, not an integer, or a string such as `'404'`.",
    description:
      'HTTP status codes are three-digit integers from 100 to 599 (RFC 9110 §15). Anything else fails at run time, on the ' +
      'very path you wrote it for: Express 5 throws a `TypeError` for a string or a fraction and a `RangeError` outside 100-999, ' +
      'Node throws `ERR_HTTP_INVALID_STATUS_CODE`, Koa and Fastify throw, and the Fetch `Response` constructor (Next.js, Hono, ' +
      'edge runtimes) throws a `RangeError` outside 200-599. Codes from 600 to 999 get through Node but no client can interpret ' +
      "them. Write the number itself: `404`, not `'404'` or `4004`.",
    fixes: "Replace a numeric string with the number (`'404'` → `404`); other values need a human decision.",
    examples: {
      bad: `router.get('/reports/:id', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) return res.status('404').json({ error: 'Report not found' });\n  res.json(report);\n});`,
      good: `router.get('/reports/:id', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) return res.status(404).json({ error: 'Report not found' });\n  res.json(report);\n});`,
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.form !== 'number' && site.form !== 'string' && site.form !== 'constant') continue;
      const code = site.code;
      const fixes: Fix[] = [];
      if (site.form === 'string') {
        const valid = code !== undefined && Number.isInteger(code) && code >= 100 && code <= 599;
        if (valid && site.codeEdit?.kind === 'replace')
          fixes.push({ title: `Use the number ${code}`, edits: [{ ...site.codeEdit.span, newText: String(code) }], isPreferred: true });
        const consequence = capitalized(whatBreaks(site, 'string'));
        if (valid) ctx.report(site, 'stringCode', { text: site.text, code: code, consequence }, fixes);
        else ctx.report(site, 'stringNotCode', { text: site.text, consequence }, fixes);
      } else if (code === undefined) {
        continue;
      } else if (!Number.isInteger(code)) {
        ctx.report(site, 'notInteger', { text: site.text, consequence: capitalized(whatBreaks(site, 'integer')) }, fixes);
      } else if (code < 100 || code > 599 || (responseBased(site) && code < 200)) {
        const typos = typoCandidates(code);
        const data = { code, candidates: typos.join(' or '), consequence: capitalized(whatBreaks(site, 'range')) };
        if (responseBased(site)) ctx.report(site, typos.length > 0 ? 'typoForResponse' : 'outOfRangeForResponse', data, fixes);
        else ctx.report(site, typos.length > 0 ? 'typo' : 'outOfRange', data, fixes);
      }
    }
  },
});
