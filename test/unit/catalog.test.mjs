// The rule catalog never drifts from the registry: docs, README table, package.json settings, docs
// pages, test files and diagnostic links all follow server/src/rules/index.ts. Fix drift with
// `npm run build && npm run catalog`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_FILES, api, findingsOf } from '../helpers/analysis.mjs';
import { drift, generate, strictOf } from '../../scripts/gen-catalog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');
const RANK = { off: 0, hint: 1, info: 2, warning: 3, error: 4 };

// --- the shape of a diagnostic message ------------------------------------------------------
// The Problems panel and many CLI users see only the first sentence, so it must say the problem
// and what to do: "<problem naming the code or header>: <the better code or the fix>." Why follows.
/** Offsets of `text` outside `code spans`. */
function* outsideCode(text) {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') inCode = !inCode;
    else if (!inCode) yield i;
  }
}
/** Up to the first . ! or ? that ends a sentence (outside code spans). */
function firstSentence(message) {
  for (const i of outsideCode(message)) if (/[.!?]/.test(message[i]) && (i + 1 === message.length || /\s/.test(message[i + 1]))) return message.slice(0, i + 1);
  return message;
}
const HEADER_NAMES = [
  ...new Set(
    JSON.parse(read('data/status-codes.json')).statuses.flatMap((e) => (e.headers ? [...e.headers.required, ...e.headers.recommended].map((h) => h.name) : [])),
  ),
];
// A status code (or the invalid number written as one, `4004`), the status as written (Status `'abc'`), or a header.
const NAMES_CODE_OR_HEADER = new RegExp(`\\b\\d+(\\.\\d+)?\\b|^Status \\x60|\\b(${HEADER_NAMES.join('|')})\\b`);
/** Why a message's first sentence is not "<problem naming a code or header>: <what to do>.", or undefined. */
function leadProblem(message) {
  if (/ {2}|\s$|^\s/.test(message)) return 'double, leading or trailing space';
  const first = firstSentence(message);
  if (first.length > 120) return `first sentence is ${first.length} characters (at most 120)`;
  const colon = [...outsideCode(first)].find((i) => first.startsWith(': ', i));
  if (colon === undefined) return 'first sentence has no "<problem>: <what to do>"';
  if (!NAMES_CODE_OR_HEADER.test(first.slice(0, colon))) return 'the problem does not name the status code or header';
  if (first.length - colon < 12) return 'nothing to do after the colon';
  return undefined;
}

test('generated files match the registry (package.json settings, docs/rules, README table)', () => {
  assert.deepEqual(drift(api, root), [], 'run `npm run build && npm run catalog`');
});

test('every rule: kebab-case id equal to its file name, real docs, a test file', () => {
  const ids = api.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  const index = read('server/src/rules/index.ts');
  for (const rule of api.rules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
    const source = `server/src/rules/${rule.id}.ts`;
    assert.ok(fs.existsSync(path.join(root, source)), `${source} exists`);
    assert.match(read(source), new RegExp(`id: '${rule.id}'`), `${source} declares its own id`);
    assert.match(index, new RegExp(`from './${rule.id}'`), `index.ts imports ${rule.id}`);
    for (const field of ['summary', 'description', 'fixes']) {
      const text = rule.docs[field];
      assert.ok(typeof text === 'string' && text.trim().length >= 10 && !/\bTODO\b/.test(text), `${rule.id}: docs.${field} is written`);
    }
    assert.ok(rule.docs.description.length > rule.docs.summary.length, `${rule.id}: the description says more than the summary`);
    assert.ok(['rfc-must', 'rfc-should', 'rfc-must-should', 'runtime', 'convention'].includes(rule.basis), `${rule.id}: basis`);
    assert.ok(fs.existsSync(path.join(root, `test/unit/rules/${rule.id}.test.mjs`)), `test/unit/rules/${rule.id}.test.mjs exists`);
  }
  const files = fs
    .readdirSync(path.join(root, 'server/src/rules'))
    .filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && /\bexport const \w+ = defineRule\(/.test(read(`server/src/rules/${f}`)));
  assert.deepEqual(files.map((f) => f.slice(0, -3)).sort(), [...ids].sort(), 'every rule file is in the registry');
});

test('package.json: one statusHints.rules.<id> per rule, enum and default as the server reads them', () => {
  const props = JSON.parse(read('package.json')).contributes.configuration.properties;
  for (const rule of api.rules) {
    const p = props[`statusHints.rules.${rule.id}`];
    assert.ok(p, `statusHints.rules.${rule.id}`);
    assert.deepEqual(p.enum, ['default', 'off', 'hint', 'info', 'warning', 'error']);
    assert.equal(p.default, 'default');
    assert.ok(p.markdownDescription.startsWith(rule.docs.summary), `${rule.id}: description from docs.summary`);
    assert.match(p.markdownDescription, new RegExp(`\\*\\*${rule.defaultSeverity}\\*\\* \\(recommended\\), \\*\\*${strictOf(rule)}\\*\\* \\(strict\\)`));
  }
  const ruleKeys = Object.keys(props).filter((k) => k.startsWith('statusHints.rules.'));
  assert.equal(ruleKeys.length, api.rules.length, 'no setting for a rule that does not exist');
  for (const key of [
    'preset',
    'validationStatus',
    'allowedUnregisteredCodes',
    'wwwAuthenticateScheme',
    'retryAfterSeconds',
    'inlayHints.enabled',
    'hover.fullDoc',
    'maxFileSizeKb',
    'scanWorkspace',
    'checkTestFiles',
    'trace.server',
  ]) {
    assert.ok(props[`statusHints.${key}`], `statusHints.${key} is declared`);
  }
});

test('package.json and the rule pages: each rule option as its rules declare it (schema, default, description, the rules that read it)', () => {
  const props = JSON.parse(read('package.json')).contributes.configuration.properties;
  assert.ok(api.ruleOptions.length >= 4, 'the rules declare their options');
  for (const { key, declaration, ruleIds } of api.ruleOptions) {
    const { default: declared, markdownDescription, scope, ...schema } = props[`statusHints.${key}`] ?? {};
    assert.deepEqual(schema, declaration.schema, `statusHints.${key}: the declared schema`);
    assert.deepEqual(declared, declaration.default, `statusHints.${key}: the declared default`);
    assert.equal(scope, 'resource');
    assert.ok(markdownDescription?.startsWith(declaration.description), `statusHints.${key}: the declared description`);
    for (const id of ruleIds) {
      assert.ok(markdownDescription.includes(`\`${id}\``), `statusHints.${key} names ${id}`);
      assert.ok(
        read(`docs/rules/${id}.md`).includes(
          `- \`statusHints.${key}\` (\`${key}\` in \`.statushintsrc.json\`, default \`${JSON.stringify(declaration.default)}\`): ${declaration.description}`,
        ),
        `docs/rules/${id}.md lists ${key}`,
      );
    }
  }
});

test('package.json defaults are exactly what the server uses when nothing is set', () => {
  const props = JSON.parse(read('package.json')).contributes.configuration.properties;
  // Build the object VS Code sends for section "statusHints" when the user set nothing.
  const sent = {};
  for (const [key, p] of Object.entries(props)) {
    const parts = key.split('.').slice(1);
    let o = sent;
    for (const part of parts.slice(0, -1)) o = o[part] ??= {};
    o[parts.at(-1)] = p.default;
  }
  const { settings, problems } = api.sanitizeSettings(sent, api.ruleIds);
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, api.DEFAULT_SETTINGS);
  // and nothing VS Code sends by default counts as set on purpose (it must not override the config file)
  assert.deepEqual(api.explicitEditorValues(sent), {});
});

test('README rules table: one row per rule linking its docs page', () => {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('<!-- rules:start -->'), readme.indexOf('<!-- rules:end -->'));
  for (const rule of api.rules) assert.ok(table.includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`), `README row for ${rule.id}`);
  assert.equal(table.split('\n').filter((l) => l.startsWith('| [`')).length, api.rules.length);
});

test('diagnostics, SARIF and settings link each rule to its existing docs/rules page', () => {
  assert.ok(api.RULE_DOCS_BASE.endsWith('/docs/rules/'), api.RULE_DOCS_BASE);
  const pkg = JSON.parse(read('package.json'));
  for (const rule of api.rules) {
    const page = `docs/rules/${rule.id}.md`;
    assert.equal(api.ruleDocsUrl(rule.id), `${api.RULE_DOCS_BASE}${rule.id}.md`);
    assert.ok(fs.existsSync(path.join(root, page)), page);
    assert.ok(read(page).startsWith(`# \`${rule.id}\``), `${page} is that rule's page`);
    assert.ok(
      pkg.contributes.configuration.properties[`statusHints.rules.${rule.id}`].markdownDescription.includes(`(${api.ruleDocsUrl(rule.id)})`),
      `setting for ${rule.id} links its page`,
    );
  }
});

test('docs examples are true: the bad one fires the rule, the good one does not', () => {
  let checked = 0;
  for (const rule of api.rules) {
    const ex = rule.docs.examples;
    if (!ex) continue;
    checked++;
    const file = ex.file ?? 'example.js';
    assert.ok(findingsOf(ex.bad, rule.id, { file }).length > 0, `${rule.id}: docs.examples.bad fires\n${ex.bad}`);
    assert.deepEqual(
      findingsOf(ex.good, rule.id, { file }).map((f) => f.message),
      [],
      `${rule.id}: docs.examples.good is clean\n${ex.good}`,
    );
    assert.ok(generate(api, root).get(`docs/rules/${rule.id}.md`).includes(ex.bad), `${rule.id}: the page shows the example`);
  }
  assert.ok(checked >= 4, `${checked} rules have examples`);
});

test('messages lead with the problem and the better code: every rule, on its docs example', () => {
  for (const rule of api.rules) {
    const ex = rule.docs.examples;
    assert.ok(ex, `${rule.id}: has docs.examples, so its message is checked here`);
    const found = findingsOf(ex.bad, rule.id, { file: ex.file ?? 'example.js' });
    assert.ok(found.length > 0, rule.id);
    for (const f of found) assert.equal(leadProblem(f.message), undefined, `${rule.id}: ${f.message}`);
  }
  // The check itself: a message that puts the why first, or has no fix in its first sentence, fails.
  assert.ok(leadProblem('Clients, retries and monitors trust the status and count this as a success: respond 404 Not Found.'));
  assert.ok(leadProblem('This responds 200 OK but the body says it failed. Respond 404 Not Found.'));
  assert.equal(leadProblem('401 Unauthorized without WWW-Authenticate: add `WWW-Authenticate: Bearer`. Why.'), undefined);
});

test('messages lead with the problem on every finding of the labelled corpus and the examples', () => {
  let checked = 0;
  for (const file of FIXTURE_FILES) {
    for (const f of findingsOf(read(file), undefined, { file })) {
      checked++;
      assert.equal(leadProblem(f.message), undefined, `${file} ${f.ruleId}: ${f.message}`);
    }
  }
  assert.ok(checked > 200, `${checked} findings`);
});

test('presets: strict turns every RFC 9110 MUST and SHOULD into at least a warning; recommended is each default', () => {
  for (const rule of api.rules) {
    assert.equal(api.severityFor(rule.id, { ...api.DEFAULT_SETTINGS, preset: 'recommended' }), rule.defaultSeverity, rule.id);
    const strict = api.severityFor(rule.id, { ...api.DEFAULT_SETTINGS, preset: 'strict' });
    assert.equal(strict, strictOf(rule), rule.id);
    assert.ok(RANK[strict] >= RANK[rule.defaultSeverity], `${rule.id}: strict is never milder than recommended`);
    if (rule.basis.startsWith('rfc-')) assert.ok(RANK[strict] >= RANK.warning, `${rule.id} (${rule.basis}) is at least a warning in strict`);
  }
  // A per-rule setting beats the preset; "default" follows it.
  const s = api.sanitizeSettings({ preset: 'strict', rules: { 'missing-retry-after': 'off', 'created-without-location': 'default' } }, api.ruleIds).settings;
  assert.equal(api.severityFor('missing-retry-after', s), 'off');
  assert.equal(api.severityFor('created-without-location', s), 'warning');
});
