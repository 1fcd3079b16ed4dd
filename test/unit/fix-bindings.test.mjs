// Every quick fix, applied alone to every fixture and example file, keeps working code working:
// (a) the file parses with no new syntax errors, and (b) no call reaches a different object. A call
// the fix did not touch (`x.m(...)`) has its receiver resolve, by scope, to the same declaration as
// before; a call the fix wrote or changed is made on the response the finding was about (the
// parameter of the handler the analysis attributed it to), or, without one, on what its receiver's
// name meant at that place before the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { api, lineOf, repoRoot, settings, sourceFiles } from '../helpers/analysis.mjs';
import { callAround, editMap, overlaps, parse, resolverFor, rootedCalls, syntaxErrors } from '../helpers/scope.mjs';

const FILES = [...sourceFiles('test/fixtures'), ...sourceFiles('examples')].sort();

/** The declaration the finding's response is, as the analysis sees it: its handler's response parameter. */
function intendedReceiver(finding, analysis, sf, resolver) {
  const site = analysis.sites.find((s) => s.span.start === finding.start && s.span.end === finding.end) ?? analysis.sites.find((s) => s.send.span?.start === finding.start);
  if (!site?.receiver) return undefined;
  const h = site.handler;
  if (h && h.responseName === site.receiver) {
    let fnNode;
    const visit = (n) => {
      if (!fnNode && n.getStart(sf) === h.span.start && n.end === h.span.end && n.parameters) fnNode = n;
      else if (n.pos <= h.span.start && h.span.end <= n.end) n.forEachChild(visit);
    };
    visit(sf);
    const param = fnNode?.parameters.find((p) => p.name.text === site.receiver);
    if (param) return { key: resolver.key(param.name, site.receiver), name: site.receiver, why: `the response parameter of the handler at line ${lineOf(sf.text, h.span.start)}` };
  }
  return { key: resolver.key(resolver.declarationAt(finding.start, site.receiver), site.receiver), name: site.receiver, why: `\`${site.receiver}\` where the finding is` };
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
  // (b2) calls the fix wrote or changed are made on the finding's response.
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
  for (const [c, edit] of changed) {
    const rootAt = map.toBefore(c.root.getStart(after)) ?? edit.oldStart;
    const expected =
      intended && intended.name === c.root.text
        ? intended
        : { key: before.resolver.key(before.resolver.declarationAt(rootAt, c.root.text), c.root.text), why: `what \`${c.root.text}\` meant there before the fix` };
    const now = keyAfter(c.root);
    if (now !== expected.key) problems.push(`the fix's call \`${after.text.slice(c.call.getStart(after), c.call.end).slice(0, 60)}\` is made on ${now}, not on ${expected.why} (${expected.key})`);
  }
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
      const intended = intendedReceiver(f, analysis, sf, before.resolver);
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
  const intended = { key: handlerRes, name: 'res', why: 'the handler response' };
  const at = (needle, delta = 0) => text.indexOf(needle) + delta;
  // A good fix: a status chained on the handler's own res.
  assert.deepEqual(checkFix(file, text, before, { edits: [{ start: at('res.json({', 3), end: at('res.json({', 3), newText: '.status(201)' }] }, intended), []);
  // On the callback's res, the one the finding was not about.
  assert.match(checkFix(file, text, before, { edits: [{ start: at('res.json()', 3), end: at('res.json()', 3), newText: '.status(204)' }] }, intended).join('\n'), /is made on \d+, not on the handler response/);
  // A status argument changed on the callback's res.
  const text2 = text.replace('res.json())', 'res.status(200).end())');
  const sf2 = parse(file, text2);
  const before2 = { sf: sf2, resolver: resolverFor(sf2), calls: rootedCalls(sf2) };
  assert.match(checkFix(file, text2, before2, { edits: [{ start: text2.indexOf('200'), end: text2.indexOf('200') + 3, newText: '204' }] }, intended).join('\n'), /res\.status\(204\)/);
  // A declaration that makes an untouched call reach another object.
  assert.match(checkFix(file, text, before, { edits: [{ start: at('  res.json({'), end: at('  res.json({'), newText: '  const res = cache;\n' }] }, intended).join('\n'), /now refers to another declaration/);
  // A syntax error.
  assert.match(checkFix(file, text, before, { edits: [{ start: at('});\n'), end: at('});\n') + 2, newText: '' }] }, undefined).join('\n'), /syntax error/);
});
