// An explicit 301/302 answering POST/PUT/PATCH/DELETE: clients follow it with a GET.
import { changeCodeEdit } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { routeMethodOf } from '../analysis/facts/routeMethods';
import { codeLabel } from './support/suggest';
import { defineRule } from './support/defineRule';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Kinds where the code is the response's own: thrown errors and Nest's implicit 201 never redirect. */
const REDIRECT_KINDS = new Set(['redirect', 'status-call', 'status-assign', 'write-head', 'response-init', 'decorator']);

export const redirectChangesMethod = defineRule({
  id: 'redirect-changes-method',
  severity: { recommended: 'warning' },
  basis: 'rfc-should',
  messages: {
    methodChanged:
      '{{code}} for a {{method}}: use {{first}} or {{second}}. Browsers and most HTTP clients follow a {{status}} with a GET and drop the request body, while others repeat the {{method}}. {{permanent}}',
  },
  docs: {
    summary: 'An explicit 301 or 302 redirect answering a POST, PUT, PATCH or DELETE route.',
    description:
      'For historical reasons, browsers and most HTTP clients follow a 301 or 302 answer to a POST with a GET and drop ' +
      'the body (RFC 9110 §15.4.2-3 allows it), and some clients do the same for other methods, so whether the original ' +
      'method is repeated depends on the client. A 301 is also cached as permanent. Say what you mean: 303 See Other ' +
      'sends the client to a page to GET (the Post/Redirect/Get pattern after a form), 307 Temporary Redirect and ' +
      '308 Permanent Redirect repeat the same method and body at the new URL. The implicit 302 of `res.redirect(url)` ' +
      'after a form post is the everyday Post/Redirect/Get idiom and is not reported.',
    fixes: 'Change the code to 303 (preferred after a POST), or 307/308 to keep the method.',
    examples: {
      bad: "app.post('/signup', async (req, res) => {\n  await Account.register(req.body);\n  res.redirect(301, '/welcome');\n});",
      good: "app.post('/signup', async (req, res) => {\n  await Account.register(req.body);\n  res.redirect(303, '/welcome');\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      const code = site.code;
      if ((code !== 301 && code !== 302) || site.form === 'implicit' || site.form === 'dynamic' || !REDIRECT_KINDS.has(site.kind)) continue;
      const method = routeMethodOf(ctx, site);
      if (!method || !UNSAFE_METHODS.has(method)) continue;
      const keep = code === 301 ? 308 : 307;
      const options = method === 'POST' ? [303, keep] : [keep, 303];
      const fixes: Fix[] = [];
      for (const target of options) {
        const edit = changeCodeEdit(site, target);
        if (!edit) continue;
        const why = target === 303 ? 'the client GETs the target' : 'the client repeats the ' + method;
        // 303 after a POST is the Post/Redirect/Get default; for other methods only the author knows which is meant.
        fixes.push({
          title: `Redirect with ${target} ${phraseOf(target) ?? ''} (${why})`.replace(/\s+\(/, ' ('),
          edits: [edit],
          isPreferred: fixes.length === 0 && method === 'POST',
        });
      }
      const permanent = code === 301 ? 'A 301 is also cached as permanent, so browsers keep redirecting without asking again.' : '';
      const toGet = `${codeLabel(303)} (switch to GET)`;
      const toSame = `${codeLabel(keep)} (same method)`;
      const [first, second] = method === 'POST' ? [toGet, toSame] : [toSame, toGet];
      ctx.report(site, 'methodChanged', { code: codeLabel(code), method, first, second, status: code, permanent }, fixes);
    }
  },
});
