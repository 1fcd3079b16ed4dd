// --format sarif: valid SARIF 2.1.0 (the OASIS schema GitHub code scanning checks uploads against),
// with the rules' docs, 1-based regions relative to the run's folder, and the fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { cli, project, json, failingHandler, header, root } from './_cli.mjs';

const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
// The schema's `format: uri` and `date-time` are not checked (ajv-formats is not a dependency); URIs are asserted below.
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

test('SARIF output validates against the SARIF 2.1.0 schema and carries rules, results and fixes', () => {
  const dir = project({ 'src/routes/users.js': header + failingHandler(), 'src/routes/empty.js': header });
  const r = cli(['check', 'src', '--format', 'sarif'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  const log = json(r);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];

  const driver = run.tool.driver;
  assert.equal(driver.name, 'status-hints');
  assert.ok(driver.rules.length >= 18);
  const rule = driver.rules.find((x) => x.id === 'error-in-success-response');
  assert.ok(rule.shortDescription.text.length > 10);
  assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length);
  assert.match(rule.help.text, /Fix: /);
  assert.equal(rule.helpUri, 'https://github.com/status-hints/status-hints/blob/main/docs/rules/error-in-success-response.md');
  assert.equal(rule.defaultConfiguration.level, 'warning');
  assert.equal(driver.rules.find((x) => x.id === 'invalid-status-code').defaultConfiguration.level, 'error');
  assert.equal(driver.rules.find((x) => x.id === 'unregistered-status-code').defaultConfiguration.level, 'note');

  assert.equal(run.results.length, 1);
  const [result] = run.results;
  assert.equal(result.ruleId, 'error-in-success-response');
  assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
  assert.equal(result.level, 'warning');
  assert.match(result.message.text, /respond 404/);
  const loc = result.locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'src/routes/users.js', uriBaseId: '%SRCROOT%' });
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(fs.realpathSync(dir) + path.sep).href);
  // `return res.status(200)` on line 6: the 200 is columns 23-26 (1-based, end exclusive).
  assert.deepEqual(loc.region, { startLine: 6, startColumn: 23, endLine: 6, endColumn: 26 });
  const fix = result.fixes[0];
  assert.match(fix.description.text, /404/);
  assert.deepEqual(fix.artifactChanges[0].artifactLocation, loc.artifactLocation);
  assert.deepEqual(fix.artifactChanges[0].replacements, [
    { deletedRegion: { startLine: 6, startColumn: 23, endLine: 6, endColumn: 26 }, insertedContent: { text: '404' } },
  ]);
});

test('levels follow the effective severity; an empty run is valid SARIF with no results', () => {
  const dir = project({ 'a.js': header + failingHandler(), 'b.js': header });
  const asInfo = json(cli(['check', 'a.js', '--format', 'sarif', '--rule', 'error-in-success-response=info'], { cwd: dir }));
  assert.equal(asInfo.runs[0].results[0].level, 'note');
  const empty = cli(['check', 'b.js', '--format', 'sarif'], { cwd: dir });
  assert.equal(empty.status, 0);
  const log = json(empty);
  assert.ok(validate(log), JSON.stringify(validate.errors));
  assert.deepEqual(log.runs[0].results, []);
});

test('the schema check itself rejects a broken log', () => {
  const dir = project({ 'a.js': header + failingHandler() });
  const log = json(cli(['check', 'a.js', '--format', 'sarif'], { cwd: dir }));
  log.runs[0].results[0].level = 'warn';
  assert.equal(validate(log), false);
});
