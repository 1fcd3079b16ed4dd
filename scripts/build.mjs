// One esbuild script for every bundle. `--production` minifies (used by `npm run package`).
import * as esbuild from 'esbuild';
import { bundleBase } from './typescript-shim.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// STATUS_HINTS_DIST builds into another folder (parallel work); --only=analysis,server limits the bundles.
const outdir = process.env.STATUS_HINTS_DIST ?? 'dist';
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const common = {
  ...bundleBase(),
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const bundles = [
  // The VS Code client: `vscode` is provided by the editor.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server and the CLI carry their own pinned `typescript`: never the workspace's copy.
  // server.js answers `initialize` and then loads session.js (TypeScript, rules): start-up stays fast.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: ['./session.js'] },
  { entryPoints: ['server/src/lsp/session.ts'], outfile: 'dist/session.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The pure analysis API, used by tests and the benchmark.
  { entryPoints: ['server/src/index.ts'], outfile: 'dist/analysis.js' },
];

const selected = bundles
  // --only=server builds the server's two bundles (server.js and session.js).
  .filter((b) => !only || only.some((name) => b.outfile === `dist/${name}.js` || (name === 'server' && b.outfile === 'dist/session.js')))
  .map((b) => ({ ...b, outfile: b.outfile.replace(/^dist\//, `${outdir}/`) }));

if (watch) {
  for (const b of selected) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(selected.map((b) => esbuild.build({ ...common, ...b })));
}
