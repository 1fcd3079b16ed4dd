// A status that is not a valid HTTP status code: out of 100-599, not an integer, or a string.
import type { Fix, StatusSite } from '../analysis/types';
import { isRegistered } from '../knowledge/statusData';
import { capitalized } from './support/suggest';
import { defineRule } from './support/defineRule';

/** Sites built on the Fetch API's Response, whose constructor only accepts 200-599. */
function responseBased(site: StatusSite): boolean {
  return site.kind === 'response-init' && (site.framework === 'fetch' || site.framework === 'next' || site.framework === 'hono');
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
  if (kind === 'range' && code >= 600 && code <= 999 && (site.framework === 'express' || site.framework === 'node-http')) {
    return 'Node sends it, but clients, proxies and HTTP libraries have no class for it and may reject the response';
  }
  switch (site.framework) {
    case 'koa':
      // ctx.throw / ctx.assert build the error with http-errors, which reads a string as the message.
      if (site.kind === 'exception') return kind === 'string' ? `\`ctx.${site.send.method ?? 'throw'}\` hands it to http-errors, which takes a string as the message, so the response is a 500 whatever the string says` : `\`ctx.${site.send.method ?? 'throw'}\` hands it to http-errors, which falls back to 500`;
      return kind === 'string' ? 'Koa throws "status code must be a number"' : 'Koa throws "invalid status code"';
    case 'http-errors':
      return kind === 'string' ? 'The http-errors package takes a string as the message, so the error is a 500 whatever the string says' : 'The http-errors package falls back to 500';
    case 'fastify':
      return 'Fastify throws FST_ERR_BAD_STATUS_CODE';
    case 'node-http':
      return kind === 'string' ? 'Node coerces it today, but TypeScript rejects it and a non-numeric string becomes an invalid status' : 'Node throws ERR_HTTP_INVALID_STATUS_CODE when the headers are written';
    case 'nest':
    case 'boom':
      return 'the error handler cannot send it as a status and falls back to 500';
    default:
      return kind === 'string'
        ? 'Express 5 throws a TypeError ("Invalid status code") and Express 4 only deprecates it'
        : kind === 'integer'
          ? 'Express 5 throws a TypeError ("Invalid status code")'
          : 'Express 5 throws a RangeError and Node throws ERR_HTTP_INVALID_STATUS_CODE';
  }
}

export const invalidStatusCode = defineRule({
  id: 'invalid-status-code',
  severity: { recommended: 'error' },
  basis: 'runtime',
  messages: {
    stringCode:
      'Status `{{text}}` is a string: pass the number {{code}}. {{consequence}}.',
    stringNotCode:
      'Status `{{text}}` is a string, not a status code: pass a number from 100 to 599. {{consequence}}.',
    notInteger:
      'Status `{{text}}` is not an integer: use a whole number from 100 to 599. {{consequence}}.',
    typo:
      '{{code}} is not a valid status code: did you mean {{candidates}}? Valid codes are 100 to 599. {{consequence}}.',
    outOfRange:
      '{{code}} is not a valid status code: use a code from 100 to 599. {{consequence}}.',
    typoForResponse:
      '{{code}} is not a valid status code for a Response: did you mean {{candidates}}? A Response takes 200 to 599: it cannot carry a 1xx. {{consequence}}.',
    outOfRangeForResponse:
      '{{code}} is not a valid status code for a Response: use a code from 200 to 599. A Response takes 200 to 599: it cannot carry a 1xx. {{consequence}}.',
  },
  docs: {
    summary: 'A status that is not a valid HTTP status code: outside 100-599, not an integer, or a string such as `\'404\'`.',
    description:
      'HTTP status codes are three-digit integers from 100 to 599 (RFC 9110 §15). Anything else fails at run time, on the ' +
      'very path you wrote it for: Express 5 throws a `TypeError` for a string or a fraction and a `RangeError` outside 100-999, ' +
      'Node throws `ERR_HTTP_INVALID_STATUS_CODE`, Koa and Fastify throw, and the Fetch `Response` constructor (Next.js, Hono, ' +
      'edge runtimes) throws a `RangeError` outside 200-599. Codes from 600 to 999 get through Node but no client can interpret ' +
      'them. Write the number itself: `404`, not `\'404\'` or `4004`.',
    fixes: 'Replace a numeric string with the number (`\'404\'` → `404`); other values need a human decision.',
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
        if (valid && site.codeEdit?.kind === 'replace') fixes.push({ title: `Use the number ${code}`, edits: [{ ...site.codeEdit.span, newText: String(code) }], isPreferred: true });
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
