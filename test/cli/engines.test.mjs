// `npm ci` on Node 20 (engines.node ">=20") prints no EBADENGINE warning: every package in the lockfile
// accepts Node 20, as npm checks it. (A dev dependency wanting Node 22 once did.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './_cli.mjs';

// npm's own range check (semver is in the tree through vsce and @vscode/test-electron).
const semver = createRequire(import.meta.url)('semver');

test('every locked package accepts Node 20, so npm ci prints no engine warning', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(manifest.engines.node, '>=20');
  // 20.19 is the oldest Node 20 the lint toolchain (eslint 10) accepts; also the Node running this test.
  const versions = ['20.19.0', process.versions.node];
  const refused = [];
  for (const [where, pkg] of Object.entries(lock.packages)) {
    const range = pkg.engines?.node;
    if (!where || !range) continue;
    for (const v of versions)
      if (!semver.satisfies(v, range)) refused.push(`${where.replace(/^.*node_modules\//, '')}@${pkg.version} wants node ${range}, not ${v}`);
  }
  assert.deepEqual(refused, []);
});
