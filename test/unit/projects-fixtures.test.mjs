// The multi-file fixture projects under test/projects stay consistent with their expected.json:
// every file:line exists and says what the expectation claims, every source parses, and every
// `Problem [rule]` / `Look-alike [rule]` comment matches a finding / silent entry and back.
// This tests the fixtures, not the product (see test/projects/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const projectsDir = path.join(repoRoot, 'test/projects');

const PROJECTS = [
  'express-js',
  'express-ts',
  'fastify',
  'koa',
  'hono',
  'next-app',
  'nest',
  'node-http',
  'monorepo',
  'openapi-yaml',
  'openapi-json',
  'nest-swagger',
  'fastify-schema',
  'zod-openapi',
  'tsoa',
  'swagger-jsdoc',
];
const FRAMEWORKS = new Set(['express', 'node-http', 'fastify', 'koa', 'hono', 'next', 'nest']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ALL']);
const VIAS = new Set(['direct', 'helper', 'thrown', 'error-handler', 'middleware', 'framework']);
const RULES = new Set(fs.readdirSync(path.join(repoRoot, 'docs/rules')).map((f) => f.replace(/\.md$/, '')));
const PROJECT_RULES = new Set([
  'server-error-for-not-found',
  'server-error-for-client-error',
  'auth-status-mismatch',
  'missing-required-header',
  'missing-retry-after',
  'leaked-error-details',
  'client-error-for-server-fault',
]);
const DOC_RULES = new Set(['undocumented-status', 'documented-status-never-returned']);

/** Names that spell a status in code: NotFoundException, HttpStatus.NOT_FOUND, createError.NotFound... */
const STATUS_NAMES = {
  400: ['badrequest'],
  401: ['unauthorized'],
  403: ['forbidden'],
  404: ['notfound'],
  405: ['methodnotallowed'],
  409: ['conflict'],
  413: ['payloadtoolarge', 'contenttoolarge'],
  415: ['unsupportedmediatype'],
  422: ['unprocessable'],
  429: ['toomanyrequests'],
  500: ['internalserver'],
  502: ['badgateway'],
  503: ['serviceunavailable'],
};
/** What a line that decides a framework's implicit or built-in status contains. */
const FRAMEWORK_TRIGGER =
  /\.json\(|\.send\(|sendStatus|\.body\s*=|\breturn\b|\.end\(|express\.(json|urlencoded)|ValidationPipe|Parse\w+Pipe|@(Get|Post|Put|Patch|Delete)\(|\b(body|params|querystring|headers|request):|zValidator|\.text\(|AuthGuard\(/;
const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const MARKER = /\b(Problem|Look-alike) \[([a-z0-9-]+)\]/;
// `// ...`, `# ...` (YAML) and ` * # ...` (YAML inside a JSDoc block)
const COMMENT_ONLY = /^\s*(\/\/|#|\*\s*#)/;

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), r));
    else out.push(r);
  }
  return out;
}

const lineCache = new Map();
function linesOf(project, file) {
  const key = `${project}/${file}`;
  if (!lineCache.has(key)) {
    const abs = path.join(projectsDir, project, file);
    assert.ok(fs.existsSync(abs), `${key} does not exist`);
    lineCache.set(key, fs.readFileSync(abs, 'utf8').split('\n'));
  }
  return lineCache.get(key);
}

function lineText(project, file, line, what) {
  const lines = linesOf(project, file);
  assert.ok(Number.isInteger(line) && line >= 1 && line <= lines.length, `${what}: ${project}/${file}:${line} is out of range`);
  const text = lines[line - 1];
  assert.ok(text.trim() !== '', `${what}: ${project}/${file}:${line} is blank`);
  return text;
}

function namesStatus(text, status) {
  if (text.includes(String(status))) return true;
  const squashed = text.toLowerCase().replace(/[_\s]/g, '');
  return (STATUS_NAMES[status] ?? []).some((n) => squashed.includes(n));
}

function checkResponseLine(project, r, where) {
  assert.ok(r.status === null || (Number.isInteger(r.status) && r.status >= 100 && r.status <= 599), `${where}: status ${r.status}`);
  assert.ok(VIAS.has(r.via), `${where}: via ${r.via}`);
  const text = lineText(project, r.file, r.line, where);
  const at = `${where}: ${r.file}:${r.line} ${JSON.stringify(text.trim())}`;
  if (r.status === null) assert.match(text, /status|code/i, `${at} should hold the run-time status`);
  else if (r.via === 'framework') assert.ok(namesStatus(text, r.status) || FRAMEWORK_TRIGGER.test(text), `${at} should trigger the framework's ${r.status}`);
  else assert.ok(namesStatus(text, r.status), `${at} should write ${r.status}`);
}

/** `Problem [rule]` / `Look-alike [rule]` comments, each aimed at the next line that is neither blank nor a comment. */
function markers(project) {
  const found = [];
  for (const file of walk(path.join(projectsDir, project))) {
    if (!SOURCE.test(file) && !/\.ya?ml$/.test(file)) continue;
    const lines = linesOf(project, file);
    lines.forEach((text, i) => {
      const m = MARKER.exec(text);
      if (!m) return;
      let target = i + 1;
      while (target < lines.length && (lines[target].trim() === '' || COMMENT_ONLY.test(lines[target]))) target++;
      found.push({ kind: m[1], rule: m[2], key: `${file}:${target + 1}:${m[2]}` });
    });
  }
  return found;
}

const sorted = (xs) => [...xs].sort();

test('every fixture project is there, with an expected.json', () => {
  const dirs = fs
    .readdirSync(projectsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  assert.deepEqual(sorted(dirs), sorted(PROJECTS));
  for (const p of PROJECTS) assert.ok(fs.existsSync(path.join(projectsDir, p, 'expected.json')), `${p}/expected.json`);
});

for (const project of PROJECTS) {
  test(`${project}: expected.json points at lines that say what it claims`, () => {
    const expected = JSON.parse(fs.readFileSync(path.join(projectsDir, project, 'expected.json'), 'utf8'));
    assert.ok(Array.isArray(expected.routes) && expected.routes.length > 0, 'routes');
    const seenRoutes = new Set();
    for (const route of expected.routes) {
      const where = `${route.method} ${route.path}`;
      assert.ok(METHODS.has(route.method), `${where}: method`);
      assert.ok(FRAMEWORKS.has(route.framework), `${where}: framework ${route.framework}`);
      assert.match(route.path, /^\/([\w.-]+|:\w+)?(\/([\w.-]+|:\w+))*$/, `${where}: a mounted path with :params`);
      assert.ok(!seenRoutes.has(where), `${where} listed twice`);
      seenRoutes.add(where);
      const text = lineText(project, route.file, route.line, where);
      const last = route.path.split('/').pop();
      const method = route.method === 'ALL' ? /\ball\b|export default/i : new RegExp(`\\b${route.method}\\b`, 'i');
      // @hono/zod-openapi registers with app.openapi(route, handler): method and path are in createRoute().
      const registers = method.test(text) || (last && text.includes(last)) || /\.openapi\(/.test(text);
      assert.ok(registers, `${where}: ${route.file}:${route.line} ${JSON.stringify(text.trim())} registers no such route`);
      assert.ok(Array.isArray(route.responses) && route.responses.length > 0, `${where}: responses`);
      const keys = new Set();
      for (const r of route.responses) {
        checkResponseLine(project, r, where);
        const key = `${r.status}|${r.file}|${r.line}`;
        assert.ok(!keys.has(key), `${where}: ${key} listed twice`);
        keys.add(key);
      }
      const order = route.responses.map((r) => [r.status ?? 1000, r.file, r.line]);
      const want = [...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2]);
      assert.deepEqual(order, want, `${where}: responses are sorted by status, file, line`);
    }
    for (const f of expected.findings) {
      const where = `finding ${f.rule} at ${f.file}:${f.line}`;
      assert.ok(RULES.has(f.rule) && PROJECT_RULES.has(f.rule), `${where}: an existing project rule`);
      const text = lineText(project, f.file, f.line, where);
      assert.doesNotMatch(text, /^\s*(\/\/|\*|#)/, `${where} is a comment`);
      const m = /^(.+):(\d+)$/.exec(f.mentions ?? '');
      assert.ok(m, `${where}: mentions file:line`);
      lineText(project, m[1], Number(m[2]), `${where} mentions`);
    }
    for (const s of expected.silent) {
      const where = `silent ${s.rule} at ${s.file}:${s.line}`;
      assert.ok(RULES.has(s.rule) || DOC_RULES.has(s.rule), `${where}: rule`);
      lineText(project, s.file, s.line, where);
      assert.ok(typeof s.why === 'string' && s.why.length > 10, `${where}: why`);
    }
    for (const d of expected.documented ?? []) {
      const where = `documented ${d.rule} ${d.status} at ${d.file}:${d.line}`;
      assert.ok(DOC_RULES.has(d.rule), `${where}: rule`);
      const text = lineText(project, d.file, d.line, where);
      assert.ok(namesStatus(text, d.status), `${where}: ${JSON.stringify(text.trim())} should name ${d.status}`);
    }
  });

  test(`${project}: every Problem/Look-alike comment has its entry in expected.json, and back`, () => {
    const expected = JSON.parse(fs.readFileSync(path.join(projectsDir, project, 'expected.json'), 'utf8'));
    const all = markers(project);
    const commented = (kind) => sorted(all.filter((m) => m.kind === kind).map((m) => m.key));
    const inJsonDoc = (f) => /\.json$/.test(f.file); // JSON has no comments to carry a marker
    const problems = [...expected.findings, ...(expected.documented ?? []).filter((d) => !inJsonDoc(d))];
    assert.deepEqual(commented('Problem'), sorted(problems.map((f) => `${f.file}:${f.line}:${f.rule}`)));
    assert.deepEqual(commented('Look-alike'), sorted(expected.silent.map((s) => `${s.file}:${s.line}:${s.rule}`)));
  });

  test(`${project}: every source, JSON and YAML file parses`, () => {
    for (const file of walk(path.join(projectsDir, project))) {
      const text = fs.readFileSync(path.join(projectsDir, project, file), 'utf8');
      if (SOURCE.test(file)) {
        const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
        const errors = sf.parseDiagnostics.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
        assert.deepEqual(errors, []);
        // swagger-jsdoc: the YAML of each `@openapi` block, with the JSDoc stars taken off
        for (const [, block] of text.matchAll(/\/\*\*\s*\n\s*\*\s*@openapi\n([\s\S]*?)\*\//g)) {
          const yaml = block
            .split('\n')
            .map((l) => l.replace(/^\s*\* ?/, ''))
            .join('\n');
          const docs = YAML.parseAllDocuments(yaml);
          assert.deepEqual(
            docs.flatMap((d) => d.errors.map((e) => `${file} @openapi: ${e.message}`)),
            [],
          );
          assert.equal(typeof docs[0].toJS(), 'object', `${file}: an @openapi block holds a mapping`);
        }
      } else if (/(^|\/)[jt]sconfig[\w.]*\.json$/.test(file)) {
        assert.equal(ts.parseConfigFileTextToJson(file, text).error, undefined, file);
      } else if (file.endsWith('.json')) {
        assert.doesNotThrow(() => JSON.parse(text), file);
      } else if (/\.ya?ml$/.test(file)) {
        assert.deepEqual(
          YAML.parseAllDocuments(text).flatMap((d) => d.errors.map((e) => `${file}: ${e.message}`)),
          [],
        );
      }
    }
  });
}
