// `.statushintsrc.json` parsing (project/configFile.ts) and how settings layer:
// defaults < the config file < editor settings set to something other than their default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../helpers/analysis.mjs';

const parse = (text) => api.parseConfigFile(text, api.ruleIds);
/** Each problem as `line:col [the text it points at] message`, 1-based. */
const where = (text, r) => r.problems.map((p) => `${p.line + 1}:${p.character + 1} [${text.slice(p.start, p.end)}] ${p.message}`);

test('config file: JSON with comments and trailing commas, nested keys', () => {
  const text = `{
  // the team's choices
  "preset": "strict", /* every SHOULD */
  "rules": { "status-not-sent": "off", "unregistered-status-code": "warning", },
  "allowedUnregisteredCodes": [499],
  "validationStatus": 422,
  "inlayHints": { "enabled": false },
  "hover": { "fullDoc": true },
}`;
  const r = parse(text);
  assert.deepEqual(r.problems, []);
  assert.equal(r.settings.preset, 'strict');
  assert.deepEqual(r.settings.rules, { 'status-not-sent': 'off', 'unregistered-status-code': 'warning' });
  assert.deepEqual(r.settings.allowedUnregisteredCodes, [499]);
  assert.equal(r.settings.validationStatus, 422);
  assert.equal(r.settings.inlayHints.enabled, false);
  assert.equal(r.settings.hover.fullDoc, true);
  assert.equal(r.settings.retryAfterSeconds, api.DEFAULT_SETTINGS.retryAfterSeconds, 'unset values keep their default');
});

test('config file: each bad value is one problem at its own position; the good values still apply', () => {
  const text = `{
  "preset": "ultra",
  "rules": { "no-such-rule": "off", "status-not-sent": "loud", "response-sent-twice": "warning" },
  "statusHints.validationStatus": 422,
  "maxFileSizeKb": 2048
}`;
  const r = parse(text);
  assert.deepEqual(where(text, r), [
    '2:13 ["ultra"] preset: expected "recommended" or "strict", got "ultra" (ignored)',
    '3:14 ["no-such-rule"] rules.no-such-rule: unknown rule id (ignored)',
    '3:56 ["loud"] rules.status-not-sent: expected one of default, off, hint, info, warning, error, got "loud" (ignored)',
    '4:3 ["statusHints.validationStatus"] statusHints.validationStatus: unknown setting: write it without the "statusHints." prefix ("preset", "rules": { ... }) (ignored)',
  ]);
  assert.equal(r.settings.preset, 'recommended');
  assert.deepEqual(r.settings.rules, { 'response-sent-twice': 'warning' });
  assert.equal(r.settings.maxFileSizeKb, 2048);
});

test('config file: what cannot be read as settings falls back to the defaults, with one problem', () => {
  for (const [text, message, at] of [
    ['{ "preset": "strict" ', /^not valid JSON: '\}' expected; using default settings$/, ''],
    ['[ "strict" ]', /^expected an object/, '[ "strict" ]'],
    ['  \n', /^the file is empty/, ' '],
    ['{ "preset": strict }', /^not a JSON value/, 'strict'],
  ]) {
    const r = parse(text);
    assert.equal(r.problems.length, 1, `${JSON.stringify(text)}: ${where(text, r).join(' | ')}`);
    assert.match(r.problems[0].message, message);
    assert.equal(text.slice(r.problems[0].start, r.problems[0].end), at);
    assert.equal(r.settings.preset, 'recommended');
  }
  // Never throws, whatever the bytes.
  for (const junk of ['\u0000\u0001', '{"rules": {"a": }}', '}{', '{"a": [1, 2', '\uFEFF{}']) assert.doesNotThrow(() => parse(junk));
  assert.deepEqual(parse('\uFEFF{ "preset": "strict" }').problems, [], 'a byte-order mark is fine');
});

test('config file: "default" for a rule means follow the preset', () => {
  const r = parse('{ "preset": "strict", "rules": { "created-without-location": "default" } }');
  assert.deepEqual(r.problems, []);
  assert.equal(api.severityFor('created-without-location', r.settings), 'warning');
});

test('precedence: file < editor values set on purpose; editor defaults do not hide the file', () => {
  const file = parse('{ "preset": "strict", "validationStatus": 422, "rules": { "status-not-sent": "off", "missing-retry-after": "hint" } }').settings;
  // What VS Code sends when the user set only two things: every other key at its declared default.
  const editor = {
    preset: 'recommended',
    validationStatus: 400,
    allowedUnregisteredCodes: [],
    wwwAuthenticateScheme: 'Bearer',
    retryAfterSeconds: 120,
    inlayHints: { enabled: true },
    hover: { fullDoc: false },
    maxFileSizeKb: 1024,
    scanWorkspace: false,
    checkTestFiles: false,
    trace: { server: 'off' },
    rules: { 'status-not-sent': 'default', 'missing-retry-after': 'error', 'invalid-status-code': 'default' },
  };
  const explicit = api.explicitEditorValues(editor);
  assert.deepEqual(explicit, { retryAfterSeconds: 120, rules: { 'missing-retry-after': 'error' } });
  const { settings, problems } = api.sanitizeSettings(explicit, api.ruleIds, file);
  assert.deepEqual(problems, []);
  assert.equal(settings.preset, 'strict', 'the file wins over an editor default');
  assert.equal(settings.validationStatus, 422);
  assert.equal(settings.retryAfterSeconds, 120, 'an editor value set on purpose wins');
  assert.equal(api.severityFor('status-not-sent', settings), 'off', '"default" in the editor leaves the file\'s rule setting');
  assert.equal(api.severityFor('missing-retry-after', settings), 'error');
});

test('settings from any source never throw and name what they ignored', () => {
  for (const raw of [null, undefined, 42, 'strict', [], { rules: 'all' }, { rules: { 'status-not-sent': 3 } }, { inlayHints: true }]) {
    const r = api.sanitizeSettings(raw, api.ruleIds);
    assert.ok(r.settings.preset === 'recommended');
    assert.equal(r.problems.length, r.details.length);
  }
  assert.deepEqual(
    api.sanitizeSettings({ allowedUnregisteredCodes: [499, 9999] }, api.ruleIds).details.map((d) => d.path),
    [['allowedUnregisteredCodes']],
  );
  const hover = api.sanitizeSettings({ hover: { fullDoc: 'yes' } }, api.ruleIds);
  assert.deepEqual(
    hover.details.map((d) => d.path),
    [['hover', 'fullDoc']],
  );
  assert.equal(hover.settings.hover.fullDoc, false, 'an ill-typed value leaves the default');
  assert.deepEqual(api.sanitizeSettings({ hover: true }, api.ruleIds).problems, ['hover: expected { "fullDoc": true|false }']);
});

test('allowedUnregisteredCodes from a config file silences unregistered-status-code for those codes only', () => {
  const code = `app.get('/x', (req, res) => { if (req.destroyed) return res.status(499).end(); res.status(420).send('calm'); });`;
  const settings = parse('{ "allowedUnregisteredCodes": [499] }').settings;
  const found = api.analyzeText(code, 'x.js', settings).findings.filter((f) => f.ruleId === 'unregistered-status-code');
  assert.deepEqual(
    found.map((f) => code.slice(f.start, f.end)),
    ['420'],
  );
});

test("allowUnregisteredCodeEdits: adds the code in the file's own layout, keeps comments, and the result reads back with the code allowed", () => {
  const cases = [
    ['', { allowedUnregisteredCodes: [420] }],
    ['{}', { allowedUnregisteredCodes: [420] }],
    ['{\n  // why: the gateway speaks 499\n  "preset": "strict",\n}\n', { preset: 'strict', allowedUnregisteredCodes: [420] }],
    ['{\n  "allowedUnregisteredCodes": [499]\n}', { allowedUnregisteredCodes: [499, 420] }],
    ['{"allowedUnregisteredCodes": []}', { allowedUnregisteredCodes: [420] }],
    ['{\r\n\t"preset": "strict"\r\n}', { preset: 'strict', allowedUnregisteredCodes: [420] }],
  ];
  for (const [text, expected] of cases) {
    const edits = api.allowUnregisteredCodeEdits(text, 420);
    assert.ok(edits, `an edit for ${JSON.stringify(text)}`);
    const out = api.applyEdits(text, edits);
    const parsed = api.parseConfigFile(out, []);
    assert.deepEqual(parsed.problems, [], out);
    assert.deepEqual(parsed.raw, expected, out);
    assert.deepEqual(parsed.settings.allowedUnregisteredCodes, expected.allowedUnregisteredCodes);
  }
  assert.equal(
    api.applyEdits('{\n  "allowedUnregisteredCodes": [499]\n}', api.allowUnregisteredCodeEdits('{\n  "allowedUnregisteredCodes": [499]\n}', 420)),
    '{\n  "allowedUnregisteredCodes": [499, 420]\n}',
  );
  assert.match(api.applyEdits(cases[2][0], api.allowUnregisteredCodeEdits(cases[2][0], 420)), /\/\/ why: the gateway speaks 499/);
  assert.match(
    api.applyEdits(cases[5][0], api.allowUnregisteredCodeEdits(cases[5][0], 420)),
    /^\{\r\n\t"preset": "strict",\r\n\t"allowedUnregisteredCodes"/,
    'tabs and CRLF kept',
  );
  // Nothing to do, or nothing safe to do.
  assert.equal(api.allowUnregisteredCodeEdits('{"allowedUnregisteredCodes": [420]}', 420), undefined);
  assert.equal(api.allowUnregisteredCodeEdits('{ "preset": ', 420), undefined, 'not JSON: leave the file alone');
  assert.equal(api.allowUnregisteredCodeEdits('[420]', 420), undefined, 'not an object');
});
