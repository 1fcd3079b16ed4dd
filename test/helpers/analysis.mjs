// Test helpers over the bundled pure analysis (dist/analysis.js, built by `npm run build`).
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const api = require(process.env.STATUS_HINTS_DIST ? `${process.env.STATUS_HINTS_DIST}/analysis.js` : '../../dist/analysis.js');

export const settings = (overrides = {}) => ({ ...api.DEFAULT_SETTINGS, ...overrides });

/** Syntax errors TypeScript reports for a text (0 for valid code). */
export function syntaxErrorCount(text, fileName = 'x.ts') {
  return api.parseText(fileName, text).parseDiagnostics.length;
}

/** Analyse a snippet with the rule registry (`rules`: a subset to run). */
export function analyze(code, { file = 'handler.js', settings: s = settings(), rules = api.rules } = {}) {
  return api.analyze(api.parseText(file, code), { rules, settings: s });
}

/** Sites found in a snippet, as compact plain objects for assertions. */
export function sites(code, file = 'handler.js') {
  return analyze(code, { file }).analysis.sites;
}

export function findingsOf(code, ruleId, opts = {}) {
  return analyze(code, opts).findings.filter((f) => !ruleId || f.ruleId === ruleId);
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Source files below a repository folder (relative paths), node_modules left out. */
export function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(rel));
    } else if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The labelled corpus and the bundled examples: the real handler files the fixes and fuzzing run on. */
export const FIXTURE_FILES = [...sourceFiles('test/fixtures/corpus'), ...sourceFiles('examples')].sort();

export function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}

/** 1-based line and column of an offset, as ESLint and typescript-eslint count them. */
export function lineColumnOf(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: lineOf(text, offset), column: offset - lineStart + 1 };
}

/** Every finding of a rule carries the id of the message it was reported with. */
function withMessageIds(found) {
  for (const f of found) assert.ok(f.messageId, `${f.ruleId} reported without a messageId: ${f.message}`);
  return found;
}

/**
 * typescript-eslint-style expectations: one entry per finding of the rule, in order, each naming its
 * messageId and, when given, where it starts (line, column) and ends (endLine, endColumn), 1-based.
 */
function checkErrors(code, file, s, ruleId, found, errors, label) {
  const actual = withMessageIds(found).map((f) => {
    const start = lineColumnOf(code, f.start);
    const end = lineColumnOf(code, f.end);
    return { messageId: f.messageId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
  assert.equal(actual.length, errors.length, `${label}: expected ${errors.length} finding(s) of ${ruleId}, got ${JSON.stringify(actual)}\n${code}`);
  for (const [j, expected] of errors.entries()) {
    assert.ok(expected.messageId, `${label}: errors[${j}] names no messageId`);
    for (const key of Object.keys(expected)) assert.ok(key in actual[j], `${label}: errors[${j}].${key} is not something a finding has`);
    assert.ok(expected.messageId in api.ruleById(ruleId).messages, `${label}: ${ruleId} declares no message ${expected.messageId}`);
    const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[j][k]]));
    assert.deepEqual(picked, expected, `${label}: errors[${j}]`);
  }
}

/**
 * RuleTester-style table: every `valid` case has no finding of the rule; every `invalid` case has
 * at least one (or exactly `count`), on the line that contains `at` when given; every fix offered is
 * applied and re-checked: the text still parses with no new syntax errors and the finding is gone.
 * `errors: [{ messageId, line, column, endColumn }]` on an invalid case asserts every finding of the rule.
 */
export function checkRule(ruleId, { valid = [], invalid = [] }, t) {
  for (const [i, c] of valid.entries()) {
    const code = typeof c === 'string' ? c : c.code;
    const file = typeof c === 'string' ? 'handler.js' : (c.file ?? 'handler.js');
    const s = typeof c === 'string' ? settings() : settings(c.settings);
    const found = findingsOf(code, ruleId, { file, settings: s });
    assert.equal(found.length, 0, `valid case #${i} (${c.name ?? file}) should not fire ${ruleId}, got: ${found.map((f) => f.message).join(' | ')}\n${code}`);
  }
  for (const [i, c] of invalid.entries()) {
    const file = c.file ?? 'handler.js';
    const s = settings(c.settings);
    const found = findingsOf(c.code, ruleId, { file, settings: s });
    const label = `invalid case #${i} (${c.name ?? file})`;
    if (c.errors !== undefined) checkErrors(c.code, file, s, ruleId, found, c.errors, label);
    if (c.count !== undefined) assert.equal(found.length, c.count, `${label}: expected ${c.count} finding(s) of ${ruleId}\n${c.code}`);
    else assert.ok(found.length > 0, `${label}: expected ${ruleId} to fire\n${c.code}`);
    const f = found[0];
    // An expected output needs a preferred fix to produce it: without one the case must fail.
    if (c.output !== undefined)
      assert.ok(
        f.fixes.some((x) => x.isPreferred),
        `${label}: no preferred fix produced the expected output`,
      );
    if (c.at !== undefined) {
      const expectedLine = lineOf(c.code, c.code.indexOf(c.at));
      assert.ok(c.code.indexOf(c.at) >= 0, `${label}: marker not in code`);
      assert.equal(lineOf(c.code, f.start), expectedLine, `${label}: reported on the wrong line`);
    }
    if (c.message) assert.match(f.message, c.message, `${label}: message`);
    if (c.fixes !== undefined)
      assert.deepEqual(
        f.fixes
          .map((x) => x.title)
          .slice(0, c.fixes.length)
          .map((t, j) => (c.fixes[j] instanceof RegExp ? c.fixes[j].test(t) : t === c.fixes[j])),
        c.fixes.map(() => true),
        `${label}: fix titles were ${f.fixes.map((x) => x.title).join(' | ')}`,
      );
    const baseErrors = syntaxErrorCount(c.code, file);
    const otherBefore = findingsOf(c.code, undefined, { file, settings: s })
      .filter((x) => x.ruleId !== ruleId || x.start !== f.start)
      .map((x) => `${x.ruleId}@${lineOf(c.code, x.start)}`);
    for (const fix of f.fixes) {
      const fixed = api.applyEdits(c.code, fix.edits);
      assert.ok(syntaxErrorCount(fixed, file) <= baseErrors, `${label}: fix "${fix.title}" broke the syntax:\n${fixed}`);
      const after = findingsOf(fixed, ruleId, { file, settings: s });
      if (!fix.title.startsWith('Disable')) {
        assert.ok(!after.some((x) => x.message === f.message && x.start === f.start), `${label}: fix "${fix.title}" left the finding:\n${fixed}`);
      }
      if (c.output !== undefined && fix.isPreferred) assert.equal(fixed, c.output, `${label}: preferred fix output`);
      if (fix.isPreferred) {
        const otherAfter = findingsOf(fixed, undefined, { file, settings: s })
          .filter((x) => x.ruleId !== ruleId)
          .map((x) => `${x.ruleId}@${lineOf(fixed, x.start)}`);
        const added = otherAfter.filter((x) => !otherBefore.includes(x));
        if (!c.allowNewFindings) assert.deepEqual(added, [], `${label}: preferred fix "${fix.title}" caused new findings:\n${fixed}`);
      }
    }
    t?.diagnostic?.(`${label}: ${f.fixes.length} fix(es) applied and re-checked`);
  }
}
