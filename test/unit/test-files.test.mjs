// Which paths are test files (their diagnostics are off by default): the names and folders the
// setting's documentation lists, judged on the path below the project's root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../helpers/analysis.mjs';

test('test file names and folders, as documented', () => {
  const tests = [
    'src/users.test.js',
    'src/users.spec.ts',
    'apps/media/src/lib/media-routes.integration.test.ts',
    'test/app.e2e-spec.ts',
    'src/__tests__/users.js',
    'test/helpers/server.js',
    'tests/api.mjs',
    'e2e/login.ts',
    'src/__mocks__/db.js',
    'src/fixtures/routes.js',
    'packages/api/__fixtures__/app.cjs',
    'Tests\\Api\\users.js',
    'users.test.tsx',
  ];
  for (const p of tests) assert.equal(api.isTestFile(p), true, p);
  const sources = [
    'src/users.js',
    'src/testing/harness.js', // not a listed folder
    'src/routes/test-results.ts', // a name, not a folder or a .test. part
    'src/contest.ts',
    'src/latest.spec-helpers.ts',
    'app/api/tests-dashboard/route.ts',
    '.test.js', // a dot file, no name before the .test. part
    'src/attestation.js',
  ];
  for (const p of sources) assert.equal(api.isTestFile(p), false, p);
  // The documented lists are the ones applied.
  for (const folder of api.TEST_FOLDERS) assert.equal(api.isTestFile(`${folder}/a.js`), true, folder);
  for (const glob of api.TEST_FILE_NAMES) assert.equal(api.isTestFile(glob.replaceAll('*', 'a')), true, glob);
});

test('checkTestFiles: a boolean, false by default; anything else is ignored with a problem', () => {
  assert.equal(api.DEFAULT_SETTINGS.checkTestFiles, false);
  assert.equal(api.sanitizeSettings({ checkTestFiles: true }, api.ruleIds).settings.checkTestFiles, true);
  const bad = api.sanitizeSettings({ checkTestFiles: 'yes' }, api.ruleIds);
  assert.equal(bad.settings.checkTestFiles, false);
  assert.deepEqual(bad.problems, ['checkTestFiles: expected true or false']);
  const doc = api.SETTING_DOCS.find((d) => d.key === 'checkTestFiles');
  for (const part of [...api.TEST_FILE_NAMES, ...api.TEST_FOLDERS.map((f) => `${f}/`), '--include-tests'])
    assert.ok(doc.description.includes(`\`${part}\``), part);
});
