import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../../helpers/analysis.mjs';

const resolverOf = (files, root = '/repo') => new api.ModuleResolver(api.memoryFiles(files), root);

test('relative imports: extensions, index files, and .js naming a .ts source', () => {
  const r = resolverOf({
    '/repo/src/routes/users.ts': '',
    '/repo/src/lib/respond.js': '',
    '/repo/src/lib/errors/index.ts': '',
    '/repo/src/esm/user.ts': '',
    '/repo/src/esm/user.js': '',
    '/repo/src/plain.cjs': '',
  });
  assert.equal(r.resolve('/repo/src/routes/users.ts', '../lib/respond'), '/repo/src/lib/respond.js');
  assert.equal(r.resolve('/repo/src/routes/users.ts', '../lib/errors'), '/repo/src/lib/errors/index.ts');
  // TypeScript ESM: the import names the output file, the source is .ts
  assert.equal(r.resolve('/repo/src/routes/users.ts', '../esm/user.js'), '/repo/src/esm/user.ts');
  assert.equal(r.resolve('/repo/src/routes/users.ts', '../plain.cjs'), '/repo/src/plain.cjs');
  assert.equal(r.resolve('/repo/src/routes/users.ts', './missing'), undefined);
  // packages in node_modules and node's built-ins are outside the project
  assert.equal(r.resolve('/repo/src/routes/users.ts', 'express'), undefined);
  assert.equal(r.resolve('/repo/src/routes/users.ts', 'node:http'), undefined);
});

test('tsconfig paths and baseUrl, through extends, nearest config first', () => {
  const r = resolverOf({
    '/repo/tsconfig.base.json':
      '{ // comments and trailing commas, as tsc accepts\n "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], "@errors": ["./src/lib/errors/index.ts"], }, }, }',
    '/repo/tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
    '/repo/src/lib/http.ts': '',
    '/repo/src/lib/errors/index.ts': '',
    '/repo/src/routes/a.ts': '',
    '/repo/apps/web/jsconfig.json': '{ "compilerOptions": { "paths": { "~/*": ["./app/*"] } } }',
    '/repo/apps/web/app/util.js': '',
    '/repo/apps/web/app/page.js': '',
  });
  assert.equal(r.resolve('/repo/src/routes/a.ts', '@/lib/http'), '/repo/src/lib/http.ts');
  assert.equal(r.resolve('/repo/src/routes/a.ts', '@errors'), '/repo/src/lib/errors/index.ts');
  // baseUrl alone: bare specifiers under it
  assert.equal(r.resolve('/repo/src/routes/a.ts', 'src/lib/http'), '/repo/src/lib/http.ts');
  // paths without baseUrl are relative to their config; the nearest config applies
  assert.equal(r.resolve('/repo/apps/web/app/page.js', '~/util'), '/repo/apps/web/app/util.js');
  assert.equal(r.resolve('/repo/apps/web/app/page.js', '@/lib/http'), undefined);
});

test('an extends cycle or a broken config resolves nothing instead of hanging or throwing', () => {
  const r = resolverOf({
    '/repo/tsconfig.json': '{ "extends": "./b.json", "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
    '/repo/b.json': '{ "extends": "./tsconfig.json" }',
    '/repo/src/x.ts': '',
    '/repo/other/tsconfig.json': '{ not json',
    '/repo/other/y.ts': '',
  });
  assert.equal(r.resolve('/repo/src/x.ts', '@/x'), '/repo/src/x.ts');
  assert.equal(r.resolve('/repo/other/y.ts', '@/x'), undefined);
});

test('workspace packages: npm workspaces and pnpm-workspace.yaml, exports, main pointing at dist, subpaths', () => {
  const r = resolverOf({
    '/repo/package.json': '{ "name": "root", "workspaces": ["packages/*"] }',
    '/repo/pnpm-workspace.yaml': 'packages:\n  - "apps/**"\n',
    '/repo/packages/http/package.json': '{ "name": "@acme/http", "main": "dist/index.js" }',
    '/repo/packages/http/src/index.ts': '',
    '/repo/packages/http/src/errors.ts': '',
    '/repo/packages/db/package.json':
      '{ "name": "@acme/db", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.mjs" }, "./client": "./src/client.ts" } }',
    '/repo/packages/db/src/index.ts': '',
    '/repo/packages/db/src/client.ts': '',
    '/repo/apps/api/src/server.ts': '',
    '/repo/apps/api/package.json': '{ "name": "api" }',
  });
  const from = '/repo/apps/api/src/server.ts';
  assert.equal(r.resolve(from, '@acme/http'), '/repo/packages/http/src/index.ts');
  assert.equal(r.resolve(from, '@acme/http/errors'), '/repo/packages/http/src/errors.ts');
  assert.equal(r.resolve(from, '@acme/db'), '/repo/packages/db/src/index.ts');
  assert.equal(r.resolve(from, '@acme/db/client'), '/repo/packages/db/src/client.ts');
  assert.equal(r.resolve(from, '@acme/unknown'), undefined);
});
