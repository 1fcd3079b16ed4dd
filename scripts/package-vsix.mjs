// `npm run package` (after the production build): the .vsix, from .vscodeignore's allowlist.
// package.json's `files` is the npm tarball's allowlist (the CLI and the language server), and vsce
// refuses to run where both exist. So vsce packs a staged copy whose package.json has no `files`:
// .vscodeignore alone decides what the .vsix holds, as it did before the npm tarball had a list.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-vsix-'));
const SKIPPED = new Set(['node_modules', '.git']);

try {
  fs.cpSync(root, stage, { recursive: true, filter: (src) => !SKIPPED.has(path.basename(src)) && !/\.(vsix|tgz)$/.test(src) });
  delete manifest.files;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
