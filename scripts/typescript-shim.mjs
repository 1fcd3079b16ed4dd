// esbuild plugin: our sources' `import * as ts from 'typescript'` binds straight to TypeScript's
// functions. TypeScript's CommonJS export object defines ~2,200 getters (dictionary mode), so every
// `ts.isIdentifier(node)` through it is a hash lookup plus a getter call; the analysis makes millions
// of them. Re-exported here as ESM named exports, esbuild turns `ts.isIdentifier` into a direct
// reference resolved once at load. The TypeScript code itself is bundled unchanged.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function typescriptShim() {
  const realPath = require.resolve('typescript');
  const names = Object.keys(require('typescript'));
  const contents = [
    `import tsReal from ${JSON.stringify(realPath)};`,
    ...names.map((name, i) => `const _${i} = tsReal[${JSON.stringify(name)}];\nexport { _${i} as ${JSON.stringify(name)} };`),
    'export default tsReal;',
  ].join('\n');
  return {
    name: 'typescript-shim',
    setup(build) {
      // Only the bare specifier from our own sources; the shim's own import names the real file.
      build.onResolve({ filter: /^typescript$/ }, (args) =>
        args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: 'typescript-shim', namespace: 'typescript-shim' },
      );
      build.onLoad({ filter: /.*/, namespace: 'typescript-shim' }, () => ({ contents, loader: 'js', resolveDir: path.dirname(realPath) }));
    },
  };
}

/** How every bundle of ours resolves and targets: the build's and bundleSource's. */
export function bundleBase() {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [typescriptShim()],
    // ESM builds first: jsonc-parser's UMD main requires its modules dynamically, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    // Some ESM dependencies read import.meta.url; give them this bundle's own URL in CommonJS output.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  };
}

/**
 * Bundle a few of our source modules (`contents` re-exports them, paths from `root`) into one CommonJS
 * file, as the build does: for tests and the bench that load parts of the server directly.
 */
export async function bundleSource(contents, outfile, root) {
  await esbuild.build({ ...bundleBase(), stdin: { contents, resolveDir: root, loader: 'ts' }, outfile, logLevel: 'warning' });
}
