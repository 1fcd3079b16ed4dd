// What the .vsix ships, as `vsce ls --no-dependencies` lists it (vsce's own listFiles, which applies
// .vscodeignore the way `vsce package` does): exactly what runs, and what the Marketplace and Open VSX
// show. A new file in the repository must not slip into the package. Needs `npm run build` first.
// `npm run package` packs a staged copy whose package.json has no `files` (that list is the npm
// tarball's): the listing below is given the same manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vsce = createRequire(import.meta.url)('@vscode/vsce');

/** The extension's runtime (the client bundle, the server and its session) and the listing's files. */
const SHIPPED = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/extension.js', 'dist/server.js', 'dist/session.js', 'images/icon.png', 'package.json'];

test('the package holds exactly the runtime bundles, the icon and the listing files', async () => {
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/session.js'])
    assert.ok(fs.existsSync(path.join(root, f)), `${f} exists: run \`npm run build\` first`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  const files = await vsce.listFiles({ cwd: root, packageManager: vsce.PackageManager.None, manifest });
  assert.deepEqual(files.map((f) => f.split(path.sep).join('/')).sort(), SHIPPED);
});

test('the manifest points the listing at the repository, and the README images resolve there', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repo = 'https://github.com/status-hints/status-hints';
  assert.equal(pkg.repository.url, `${repo}.git`);
  assert.equal(pkg.homepage, `${repo}#readme`);
  assert.equal(pkg.bugs.url, `${repo}/issues`);
  assert.equal(pkg.icon, 'images/icon.png');
  const png = fs.readFileSync(path.join(root, pkg.icon));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'the Marketplace wants an icon of at least 128x128');
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  assert.ok(
    pkg.categories.length > 0 && pkg.categories.every((c) => ['Linters', 'Programming Languages', 'Snippets', 'Formatters', 'Other'].includes(c)),
    pkg.categories.join(),
  );
  assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, 'vsce refuses more than 30 keywords');
  // vsce turns relative links into links to the repository's default branch (raw/HEAD for images),
  // so every image the README shows must be a committed file under that path, in a format the
  // Marketplace accepts (no SVG).
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length > 0);
  for (const src of images) {
    assert.match(src, /^docs\/images\/[\w-]+\.png$/, `${src}: a PNG under docs/images/`);
    assert.ok(fs.existsSync(path.join(root, src)), `${src} exists`);
  }
});
