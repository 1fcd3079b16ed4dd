// Suppression comments: findings they silence come back in `suppressed`, never dropped silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lineOf } from '../helpers/analysis.mjs';

const BAD_200 = `return res.status(200).json({ success: false, error: 'not found' });`;
const handler = (body) =>
  `router.get('/u/:id', async (req, res) => {\n  const u = await User.findById(req.params.id);\n  if (!u) {\n${body}\n  }\n  res.json(u);\n});`;
const RULE = 'error-in-success-response';

function run(code, file = 'handler.js') {
  const r = analyze(code, { file });
  const show = (fs) => fs.map((f) => `${f.ruleId}@${lineOf(code, f.start)}`);
  return { findings: show(r.findings), suppressed: show(r.suppressed) };
}

test('unsuppressed: the finding is reported', () => {
  assert.deepEqual(run(handler(`    ${BAD_200}`)), { findings: [`${RULE}@4`], suppressed: [] });
});

test('disable-next-line: one rule, a list, every rule, and a reason after --', () => {
  for (const comment of [
    `// status-hints-disable-next-line ${RULE}`,
    `// status-hints-disable-next-line status-not-sent, ${RULE}`,
    '// status-hints-disable-next-line',
    `// status-hints-disable-next-line ${RULE} -- the mobile app v1 reads the body`,
    `/* status-hints-disable-next-line ${RULE} */`,
  ]) {
    const code = handler(`    ${comment}\n    ${BAD_200}`);
    assert.deepEqual(run(code), { findings: [], suppressed: [`${RULE}@5`] }, comment);
  }
});

test('disable-next-line for another rule, or two lines up, silences nothing', () => {
  assert.deepEqual(run(handler(`    // status-hints-disable-next-line status-not-sent\n    ${BAD_200}`)).findings, [`${RULE}@5`]);
  assert.deepEqual(run(handler(`    // status-hints-disable-next-line ${RULE}\n\n    ${BAD_200}`)).findings, [`${RULE}@6`]);
  // The reason is not a rule id: "-- error-in-success-response" does not disable it.
  assert.deepEqual(run(handler(`    // status-hints-disable-next-line status-not-sent -- not ${RULE}\n    ${BAD_200}`)).findings, [`${RULE}@5`]);
});

test('disable-line on the same line, and a multi-line block comment that targets the line after it', () => {
  assert.deepEqual(run(handler(`    ${BAD_200} // status-hints-disable-line ${RULE}`)), { findings: [], suppressed: [`${RULE}@4`] });
  const block = handler(`    /* status-hints-disable-next-line ${RULE}\n       -- legacy clients parse the body */\n    ${BAD_200}`);
  assert.deepEqual(run(block), { findings: [], suppressed: [`${RULE}@6`] });
});

test('file-level /* status-hints-disable */: listed rules, or all of them', () => {
  const code = handler(`    ${BAD_200}`);
  assert.deepEqual(run(`/* status-hints-disable ${RULE} */\n${code}`), { findings: [], suppressed: [`${RULE}@5`] });
  assert.deepEqual(run(`/* status-hints-disable */\n${code}`).findings, []);
  assert.deepEqual(run(`/* status-hints-disable status-not-sent */\n${code}`).findings, [`${RULE}@5`]);
  // Anywhere in the file, as ESLint's block form; a JSDoc-style opening works too.
  assert.deepEqual(run(`${code}\n/** status-hints-disable ${RULE} */\n`).findings, []);
});

test('markers inside strings, templates, regular expressions and JSX text are not comments', () => {
  const code = handler(`    ${BAD_200}`);
  for (const decoy of [
    `const note = "/* status-hints-disable */";`,
    `const note = '// status-hints-disable-next-line ${RULE}';`,
    'const note = `${x} // status-hints-disable`;',
    // A multi-line template whose line looks exactly like a file-level directive.
    'const help = `\nAdd this to a file to silence it:\n// status-hints-disable\n`;',
    'const re = /\\/\\/ status-hints-disable/;',
  ]) {
    assert.deepEqual(run(`${decoy}\n${code}`).findings, [`${RULE}@${decoy.split('\n').length + 4}`], decoy);
  }
  const jsx = `const Page = () => <p>// status-hints-disable</p>;\n${code}`;
  assert.deepEqual(run(jsx, 'page.jsx').findings, [`${RULE}@5`], 'JSX text');
  // A decoy string right above the finding does not act as next-line either.
  const above = handler(`    const s = '// status-hints-disable-next-line ${RULE} ';\n    ${BAD_200}`);
  assert.deepEqual(run(above).findings, [`${RULE}@5`]);
});

test('a suppression only hides its rule: other findings on the line are still reported', () => {
  const code = `app.get('/s', (req, res) => {\n  // status-hints-disable-next-line unregistered-status-code\n  return res.status('499').end();\n});`;
  assert.deepEqual(run(code), { findings: ['invalid-status-code@3'], suppressed: ['unregistered-status-code@3'] });
});
