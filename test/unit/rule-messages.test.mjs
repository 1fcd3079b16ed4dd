// Rules declare their messages: templates render cleanly when an optional phrase is left out, every
// finding names one of its rule's messages, and checkRule's `errors` expectations catch a wrong one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, checkRule, findingsOf } from '../helpers/analysis.mjs';

const CONFLICT = `router.post('/', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing) {\n    return res.status(400).json({ error: 'Email already registered' });\n  }\n  res.status(201).location('/users/1').json(await User.create(req.body));\n});`;

test('an empty optional phrase leaves no double space, dangling punctuation or empty brackets', () => {
  const render = api.renderMessage;
  assert.equal(render('{{code}} for a {{method}}. {{permanent}}', { code: '301', method: 'POST', permanent: '' }), '301 for a POST.');
  assert.equal(render('{{code}} for a {{method}}. {{permanent}}', { code: '301', method: 'POST', permanent: 'Cached.' }), '301 for a POST. Cached.');
  assert.equal(render('Answer it{{parseFirst}}.', { parseFirst: '' }), 'Answer it.');
  assert.equal(render('Answer it{{parseFirst}}.', { parseFirst: ', and parse first' }), 'Answer it, and parse first.');
  assert.equal(render('Respond {{code}} {{phrase}} now.', { code: 204, phrase: '' }), 'Respond 204 now.');
  assert.equal(render('Missing ({{what}}) here.', { what: '' }), 'Missing here.');
  assert.equal(render('The body: {{detail}}. Then more.', { detail: '' }), 'The body. Then more.');
  assert.equal(render('{{lead}} Clients retry.', { lead: '' }), 'Clients retry.');
  // Text that comes from the code is kept as it is, spaces and punctuation included.
  assert.equal(render('Sends `{{expr}}`.', { expr: 'a  ,  b' }), 'Sends `a  ,  b`.');
  assert.throws(() => render('{{code}} and {{missing}}', { code: 1 }), /missing/);
});

test('every rule declares its messages; templates have no double space and name slots plainly', () => {
  for (const rule of api.rules) {
    const ids = Object.keys(rule.messages);
    assert.ok(ids.length > 0, `${rule.id} declares messages`);
    for (const id of ids) {
      const template = rule.messages[id];
      assert.match(id, /^[a-z][A-Za-z0-9]*$/, `${rule.id}.${id}: camelCase id`);
      assert.doesNotMatch(template, / {2}|\s$/, `${rule.id}.${id}: no double or trailing space`);
      assert.doesNotMatch(template.replace(/\{\{\w+\}\}/g, ''), /[{}]{2}/, `${rule.id}.${id}: every slot is {{name}}`);
    }
  }
});

test('a rule message with an optional phrase left out reads cleanly (redirect-changes-method without the 301 sentence)', () => {
  const code = `app.post('/orders', (req, res) => {\n  res.redirect(302, '/orders/1');\n});`;
  const [f] = findingsOf(code, 'redirect-changes-method');
  assert.ok(f, 'the rule fires');
  assert.match(f.message, /while others repeat the POST\.$/);
  const [permanent] = findingsOf(code.replace('302', '301'), 'redirect-changes-method');
  assert.match(permanent.message, /while others repeat the POST\. A 301 is also cached as permanent/);
});

test('checkRule errors: a wrong messageId, line, column, endColumn, count or key fails the case', () => {
  const right = { messageId: 'conflict', line: 4, column: 23, endColumn: 26 };
  const run = (errors) => checkRule('conflict-should-be-409', { invalid: [{ name: 'conflict', code: CONFLICT, errors }] });
  run([right]);
  assert.throws(() => run([{ ...right, messageId: 'duplicate' }]), /declares no message duplicate/);
  assert.throws(() => run([{ ...right, column: 22 }]), /errors\[0\]/);
  assert.throws(() => run([{ ...right, line: 3 }]), /errors\[0\]/);
  assert.throws(() => run([{ ...right, endColumn: 27 }]), /errors\[0\]/);
  assert.throws(() => run([right, right]), /expected 2 finding/);
  assert.throws(() => run([{ ...right, colum: 23 }]), /colum is not something a finding has/);
  // A message id the rule declares, but not the one this finding has.
  assert.throws(
    () =>
      checkRule('body-with-no-content-status', {
        invalid: [{ code: `app.delete('/x', (req, res) => res.status(204).json({ ok: true }));`, errors: [{ messageId: 'bodyOnNotModified' }] }],
      }),
    /errors\[0\]/,
  );
});
