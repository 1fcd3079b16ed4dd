// Helpers for the status-site tests (test/unit/sites): find the sites of a snippet and pick one out.
import assert from 'node:assert/strict';
import { analyze, api, lineOf } from './analysis.mjs';

/** The sites of a snippet, each with its 1-based `line`. */
export function sitesOf(code, file = 'handler.js') {
  return analyze(code, { file }).analysis.sites.map((s) => ({ ...s, line: lineOf(code, s.span.start) }));
}

/** The slots (status argument positions for completion) of a snippet. */
export function slotsOf(code, file = 'handler.js') {
  return analyze(code, { file }).analysis.statusSlots;
}

/** 1-based line of the first occurrence of `needle`. */
export function lineAt(code, needle, from = 0) {
  const i = code.indexOf(needle, from);
  assert.ok(i >= 0, `not in the snippet: ${needle}`);
  return lineOf(code, i);
}

const matches = (site, where) => Object.entries(where).every(([k, v]) => (typeof v === 'function' ? v(site[k], site) : site[k] === v));

/** The one site matching every field of `where` (values or predicates); fails with the list otherwise. */
export function one(list, where) {
  const hits = list.filter((s) => matches(s, where));
  assert.equal(hits.length, 1, `expected one site matching ${JSON.stringify(where)}, found ${hits.length} in:\n${describe(list)}`);
  return hits[0];
}

/** No site matches `where`. */
export function none(list, where, label = '') {
  const hits = list.filter((s) => matches(s, where));
  assert.equal(hits.length, 0, `${label} expected no site matching ${JSON.stringify(where)}, found:\n${describe(hits)}`);
}

export const bodyProps = (site) => (site.body?.props ?? []).map((p) => p.name);
export const headerNames = (site) => [...new Set(site.headers.map((h) => h.name))].sort();

/** The text after the site's "change the code" edit, or undefined when it has none. */
export function withCode(code, site, newCode) {
  const edit = api.changeCodeEdit(site, newCode);
  return edit ? api.applyEdits(code, [edit]) : undefined;
}

export function describe(list) {
  return list.map((s) => `  L${s.line} ${s.framework} ${s.kind} ${s.code} ${s.form} ${JSON.stringify(s.text)} send=${s.send.how}`).join('\n');
}
