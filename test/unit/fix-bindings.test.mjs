// Every quick fix, applied alone to every fixture and example file, keeps working code working:
// (a) the file parses with no new syntax errors, and (b) no name reaches a different object. A call
// the fix did not touch (`x.m(...)`) has its receiver resolve, by scope, to the same declaration as
// before. A call the fix wrote or changed, and every name the fix wrote, refers to what the finding
// was about: the handler's response or request parameter when the name is theirs (as the analysis
// attributed the finding), otherwise what the name meant at that place before the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { api, lineOf, repoRoot, settings, sourceFiles } from '../helpers/analysis.mjs';
import { callAround, editMap, overlaps, parse, resolverFor, rootedCalls, syntaxErrors } from '../helpers/scope.mjs';

const FILES = [...sourceFiles('test/fixtures'), ...sourceFiles('examples')].sort();

/**
 * The declarations the finding's names stand for, as the analysis sees them: its handler's response
 * and request parameters, and the site's receiver where the finding is. Name → { key, why }.
 */
function intendedNames(finding, analysis, sf, resolver) {
  const out = new Map();
  const site =
    analysis.sites.find((s) => s.span.start === finding.start && s.span.end === finding.end) ??
    analysis.sites.find((s) => s.send.span?.start === finding.start);
  if (!site) return out;
  const h = site.handler;
  if (h) {
    let fnNode;
    const visit = (n) => {
      if (!fnNode && n.getStart(sf) === h.span.start && n.end === h.span.end && n.parameters) fnNode = n;
      else if (n.pos <= h.span.start && h.span.end <= n.end) n.forEachChild(visit);
    };
    visit(sf);
    for (const [role, name] of [
      ['response', h.responseName],
      ['request', h.requestName],
    ]) {
      const param = name && fnNode?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (param) out.set(name, { key: resolver.key(param.name, name), why: `the ${role} parameter of the handler at line ${lineOf(sf.text, h.span.start)}` });
    }
  }
  if (site.receiver && !out.has(site.receiver))
    out.set(site.receiver, {
      key: resolver.key(resolver.declarationAt(finding.start, site.receiver), site.receiver),
      why: `\`${site.receiver}\` where the finding is`,
    });
  return out;
}

/** Identifiers in `range` that refer to something (not property names or declared names). */
function referencesIn(sf, range) {
  const out = [];
  const visit = (n) => {
    if (n.end <= range.start || n.getStart(sf) >= range.end) return;
    if (ts.isIdentifier(n) && n.getStart(sf) >= range.start && n.end <= range.end) {
      const p = n.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        (ts.isPropertyAssignment(p) && p.name === n) ||
        ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionLike(p) || ts.isBindingElement(p)) && p.name === n);
      if (!isName) out.push(n);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

function checkFix(file, text, before, fix, intended) {
  const problems = [];
  const after = parse(file, api.applyEdits(text, fix.edits));
  if (syntaxErrors(after) > syntaxErrors(before.sf)) problems.push(`adds ${syntaxErrors(after) - syntaxErrors(before.sf)} syntax error(s)`);
  const map = editMap(fix.edits);
  const resolveAfter = resolverFor(after);
  /** An after-tree declaration, as an old-text key (`new` when the fix wrote it). */
  const keyAfter = (id) => {
    const d = resolveAfter.declarationOf(id);
    if (!d) return `global:${id.text}`;
    const old = map.toBefore(d.getStart(after));
    return old === undefined ? `new@${d.getStart(after)}` : old;
  };
  /** What a name written or changed by the fix must refer to. */
  const expectedFor = (id, oldAt) =>
    intended.get(id.text) ?? {
      key: before.resolver.key(before.resolver.declarationAt(oldAt, id.text), id.text),
      why: `what \`${id.text}\` meant there before the fix`,
    };
  const afterRoots = new Map(rootedCalls(after).map((c) => [c.root.getStart(after), c]));
  // (b1) calls the fix did not touch keep their receiver's declaration.
  const touched = map.touched();
  for (const c of before.calls) {
    const start = c.root.getStart(before.sf);
    if (touched.some((e) => e.start < c.root.end && start < e.end && !(e.start === e.end && (e.start === start || e.start === c.root.end)))) continue;
    const at = map.toAfter(start);
    const twin = at === undefined ? undefined : afterRoots.get(at);
    if (!twin || twin.root.text !== c.root.text) {
      problems.push(`the call \`${c.root.text}.…\` at line ${lineOf(text, start)} is gone`);
      continue;
    }
    const was = before.resolver.key(before.resolver.declarationOf(c.root), c.root.text);
    const now = keyAfter(twin.root);
    if (was !== now) problems.push(`\`${c.root.text}\` at line ${lineOf(text, start)} now refers to another declaration (${was} → ${now})`);
  }
  // (b2) calls the fix changed are made on the finding's object; names the fix wrote mean what the finding meant.
  const inserted = map.inserted();
  const byCall = new Map([...afterRoots.values()].map((c) => [c.call, c]));
  const changed = new Map();
  for (const c of afterRoots.values()) {
    const edit = inserted.find((e) => c.spine.some((s) => overlaps(s, e)));
    if (edit) changed.set(c, edit);
  }
  for (const e of inserted) {
    const c = byCall.get(callAround(after, e.start));
    if (c && !changed.has(c)) changed.set(c, e);
  }
  const checked = new Set();
  const check = (id, oldAt, what) => {
    if (checked.has(id)) return;
    checked.add(id);
    const expected = expectedFor(id, oldAt);
    const now = keyAfter(id);
    if (now !== expected.key) problems.push(`${what} is made on ${now}, not on ${expected.why} (${expected.key})`);
  };
  for (const [c, edit] of changed)
    check(
      c.root,
      map.toBefore(c.root.getStart(after)) ?? edit.oldStart,
      `the fix's call \`${after.text.slice(c.call.getStart(after), c.call.end).slice(0, 60)}\``,
    );
  for (const e of inserted) for (const id of referencesIn(after, e)) check(id, e.oldStart, `\`${id.text}\` written by the fix`);
  return problems;
}

test('every quick fix keeps the file parsing and every call on the object it was made on', (t) => {
  const started = Date.now();
  let applied = 0;
  const problems = [];
  for (const file of FILES) {
    const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
    const { findings, analysis } = api.analyzeText(text, file, settings());
    if (findings.every((f) => f.fixes.length === 0)) continue;
    const sf = parse(file, text);
    const before = { sf, resolver: resolverFor(sf), calls: rootedCalls(sf) };
    for (const f of findings) {
      const intended = intendedNames(f, analysis, sf, before.resolver);
      for (const fix of f.fixes) {
        applied++;
        for (const p of checkFix(file, text, before, fix, intended)) problems.push(`${file}:${lineOf(text, f.start)} ${f.ruleId} fix "${fix.title}": ${p}`);
      }
    }
  }
  t.diagnostic(`${applied} fixes applied over ${FILES.length} files in ${Date.now() - started} ms`);
  assert.ok(applied >= 100, `${applied} fixes tried`);
  assert.deepEqual(problems, []);
});

test('the check catches a fix that breaks the syntax, rebinds a call, or writes a call on another object', () => {
  const file = 'routes.js';
  const text = `app.get('/p', (req, res) => {\n  fetch(url).then((res) => res.json());\n  res.json({ ok: true });\n});\n`;
  const sf = parse(file, text);
  const before = { sf, resolver: resolverFor(sf), calls: rootedCalls(sf) };
  const handlerRes = text.indexOf('res)');
  const intended = new Map([['res', { key: handlerRes, why: 'the handler response' }]]);
  const at = (needle, delta = 0) => text.indexOf(needle) + delta;
  // A good fix: a status chained on the handler's own res.
  assert.deepEqual(checkFix(file, text, before, { edits: [{ start: at('res.json({', 3), end: at('res.json({', 3), newText: '.status(201)' }] }, intended), []);
  // On the callback's res, the one the finding was not about.
  assert.match(
    checkFix(file, text, before, { edits: [{ start: at('res.json()', 3), end: at('res.json()', 3), newText: '.status(204)' }] }, intended).join('\n'),
    /is made on \d+, not on the handler response/,
  );
  // A status argument changed on the callback's res.
  const text2 = text.replace('res.json())', 'res.status(200).end())');
  const sf2 = parse(file, text2);
  const before2 = { sf: sf2, resolver: resolverFor(sf2), calls: rootedCalls(sf2) };
  assert.match(
    checkFix(file, text2, before2, { edits: [{ start: text2.indexOf('200'), end: text2.indexOf('200') + 3, newText: '204' }] }, intended).join('\n'),
    /res\.status\(204\)/,
  );
  // A declaration that makes an untouched call reach another object.
  assert.match(
    checkFix(file, text, before, { edits: [{ start: at('  res.json({'), end: at('  res.json({'), newText: '  const res = cache;\n' }] }, intended).join('\n'),
    /now refers to another declaration/,
  );
  // A name the fix writes that another declaration shadows there.
  const text3 = `app.post('/orgs/:id/members', (req, res) => {\n  jobs.run((err, req) => res.status(201).json(req.member));\n});\n`;
  const sf3 = parse(file, text3);
  const before3 = { sf: sf3, resolver: resolverFor(sf3), calls: rootedCalls(sf3) };
  const names3 = new Map([
    ['req', { key: text3.indexOf('req'), why: 'the handler request' }],
    ['res', { key: text3.indexOf('res)'), why: 'the handler response' }],
  ]);
  const set = (expr) => ({
    edits: [{ start: text3.indexOf('.json('), end: text3.indexOf('.json('), newText: `.set('Location', \`/orgs/\${${expr}.params.id}\`)` }],
  });
  assert.deepEqual(checkFix(file, text3, before3, set('res.req'), names3), []);
  assert.match(checkFix(file, text3, before3, set('req'), names3).join('\n'), /`req` written by the fix is made on \d+, not on the handler request/);
  // A syntax error.
  assert.match(checkFix(file, text, before, { edits: [{ start: at('});\n'), end: at('});\n') + 2, newText: '' }] }, new Map()).join('\n'), /syntax error/);
});
