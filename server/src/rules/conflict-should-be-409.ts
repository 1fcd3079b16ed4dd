// "Already exists" answered as 400/422/500: the request is fine, it clashes with what is stored.
import { changeCodeEdit } from '../analysis/edits';
import type { Guard, StatusSite } from '../analysis/types';
import { UNIQUE_VIOLATION_NAMES, capitalized, codeLabel, isFallbackCode, problemGuard, siteMessage, snippet } from './support/suggest';
import { defineRule } from './support/defineRule';

const CONFLICT_MESSAGE =
  /\balready (exists?|registered|taken|in use|subscribed|been taken|been registered)\b|\bis taken\b|\bduplicate (entry|key|email|username|name|record)\b/i;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** Why this error is a conflict with stored state, or undefined. */
function conflictReason(site: StatusSite, g: Guard | undefined, message: string | undefined): string | undefined {
  if (g?.kind === 'exists' && !READ_METHODS.has(site.route?.method ?? '')) return `an existing record was found (\`${snippet(g.text)}\`)`;
  if (g?.kind === 'error-type' && UNIQUE_VIOLATION_NAMES.test(g.errorName ?? ''))
    return `the database reported a unique-constraint violation (\`${snippet(g.text)}\`)`;
  if (!message || !CONFLICT_MESSAGE.test(message)) return undefined;
  // A catch-all claiming "already exists" for every error is another problem (client-error-for-server-fault).
  if (site.catchClause && !g) return undefined;
  if (g && g.kind !== 'exists') return undefined;
  if (!g && site.guard && site.guard.kind !== 'other') return undefined;
  return `the response says "${snippet(message)}"`;
}

export const conflictShouldBe409 = defineRule({
  id: 'conflict-should-be-409',
  // strict preset: every RFC 9110 SHOULD is at least a warning
  severity: { recommended: 'info', strict: 'warning' },
  basis: 'convention',
  messages: {
    conflict:
      '{{code}} for a record that already exists: respond {{better}}. {{reason}}: the request is valid but clashes with what is stored, and clients can only tell that apart from bad input or a server failure by the status.',
  },
  docs: {
    summary: 'A 400, 422 or 500 answered because the record being created already exists.',
    description:
      'When a create or update clashes with stored state (the email is registered, the username is taken, a unique ' +
      'constraint fails), the request itself is well formed: 400/422 make clients believe they sent bad input and ' +
      'show a generic validation error, and 500 makes them retry and pages the on-call. 409 Conflict tells clients ' +
      'precisely that the resource already exists, so they can ask for another name or fetch the existing one.',
    fixes: 'Change the status to 409.',
    examples: {
      bad: "router.post('/users', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing) return res.status(400).json({ error: 'Email already registered' });\n  const user = await User.create(req.body);\n  res.status(201).location(`/users/${user.id}`).json(user);\n});",
      good: "router.post('/users', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing) return res.status(409).json({ error: 'Email already registered' });\n  const user = await User.create(req.body);\n  res.status(201).location(`/users/${user.id}`).json(user);\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if ((site.code !== 400 && site.code !== 422 && site.code !== 500) || site.form === 'dynamic' || isFallbackCode(site, ctx.text)) continue;
      const reason = conflictReason(site, problemGuard(site), siteMessage(site));
      if (!reason) continue;
      const edit = changeCodeEdit(site, 409);
      const fixes = edit ? [{ title: `Respond ${codeLabel(409)}`, edits: [edit], isPreferred: true }] : [];
      ctx.report(site, 'conflict', { code: codeLabel(site.code), better: codeLabel(409), reason: capitalized(reason) }, fixes);
    }
  },
});
