// Analysing a new version from the previous one (the editor does it on every keystroke) leaves the
// previous analysis as it was: a hover or a code action still answering for version 1 must find
// version 1's sites on version 1's text, whatever version 2 moved or re-linked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { api, repoRoot } from '../helpers/analysis.mjs';

const FILE = 'examples/express-api/src/routes/accounts.js';
const original = fs.readFileSync(path.join(repoRoot, FILE), 'utf8');

/** Everything an analysis holds, as plain data: syntax nodes left out, each shared object once. */
function snapshot(analysis) {
  const seen = new Set();
  return JSON.parse(
    JSON.stringify({ sites: analysis.sites, sends: analysis.sends, slots: analysis.statusSlots, walk: analysis.walk }, (_key, v) => {
      if (typeof v !== 'object' || v === null) return v;
      if (typeof v.kind === 'number' && typeof v.flags === 'number') return undefined; // a syntax node
      if (seen.has(v)) return '[seen]';
      seen.add(v);
      return v instanceof Map || v instanceof Set ? [...v] : v;
    }),
  );
}

/** What each site's and send's span covers in `text`: wrong offsets show as wrong text. */
const covered = (analysis, text) => [
  ...analysis.sites.map((s) => text.slice(s.span.start, s.span.end)),
  ...analysis.sends.map((s) => text.slice(s.start, s.end)),
];

/** Where each site is and the route it answers, with the methods the file registers for its path. */
const routesOf = (analysis) => analysis.sites.map((s) => [s.span.start, s.route?.method, s.route?.path, s.route?.methodsForPath]);

/** Analyse `original`, then the edited text from it; the first analysis must not change. */
function analyseTwice(edit) {
  const sf1 = api.parseText(FILE, original);
  const v1 = api.analyzeSourceFile(sf1);
  const before = snapshot(v1);
  const texts = covered(v1, original);
  const edited = edit(original);
  assert.notEqual(edited, original);
  const v2 = api.analyzeSourceFile(api.reparse(sf1, edited), v1);
  assert.deepEqual(snapshot(v1), before, 'version 1 is deep-equal to itself before version 2 was analysed');
  assert.deepEqual(covered(v1, original), texts, "version 1's sites still cover version 1's text");
  const fresh = api.analyzeSourceFile(api.parseText(FILE, edited));
  assert.deepEqual(covered(v2, edited), covered(fresh, edited), 'version 2 is right: its sites cover what a fresh analysis finds');
  assert.deepEqual(routesOf(v2), routesOf(fresh), "version 2's sites carry the routes of version 2");
  return { v1, v2 };
}

test('an edit that moves the statements after it: version 1 keeps its offsets, version 2 gets moved copies', () => {
  const at = original.indexOf("router.get('/:id/export'");
  const { v1, v2 } = analyseTwice((t) => `${t.slice(0, at)}// a comment typed above a handler\n${t.slice(at)}`);
  const reused = v2.walk.segments.filter((s, i) => s.walkedAt === v1.walk.segments[i].walkedAt);
  assert.ok(reused.length >= 5, 'the untouched statements were reused, not walked again');
});

test("an edit that changes the file's routes: the statements before it are linked again without touching version 1's", () => {
  // GET on '/:id' too: the DELETE '/:id' handler above the edit now shares its path with a GET.
  const { v1, v2 } = analyseTwice((t) => t.replace("router.get('/:id/audit'", "router.get('/:id'"));
  const methods = (a) => a.sites.find((s) => s.route?.method === 'DELETE')?.route.methodsForPath;
  assert.deepEqual(methods(v1), ['DELETE']);
  assert.deepEqual(methods(v2), ['DELETE', 'GET']);
});

test('an analysis is read-only: writing to it or its lists throws', () => {
  const analysis = api.analyzeSourceFile(api.parseText(FILE, original));
  assert.ok(analysis.sites.length > 0);
  assert.throws(() => analysis.sites.push(analysis.sites[0]), TypeError);
  assert.throws(() => {
    analysis.sends = [];
  }, TypeError);
  assert.throws(() => {
    analysis.walk.segments[0].linked = undefined;
  }, TypeError);
});
