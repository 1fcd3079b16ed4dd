// Choosing fixes to apply together (fix-all in the editor, --fix in the CLI): the preferred fix of
// each finding, skipping any that overlaps one already taken; then again on the result, until
// nothing is left to fix, so that running fix-all a second time changes nothing.
import type ts from 'typescript';
import { analyzeText, type RuleRun } from './analyze';
import { applyEdits } from './edits';
import type { Settings } from './settings';
import type { Finding, TextEdit } from './types';

/** Two insertions at one point also overlap: their order would be arbitrary. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === a.start && b.end === b.start);
}

export function preferredNonOverlappingEdits(findings: readonly Finding[]): { edits: TextEdit[]; applied: Finding[] } {
  const taken: TextEdit[] = [];
  // The same edits by position: each new edit is compared with its neighbours only, not with all.
  const byPosition: TextEdit[] = [];
  const applied: Finding[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e, i) => overlapsAny(byPosition, e) || fix.edits.some((o, j) => j < i && overlaps(e, o)))) continue;
    taken.push(...fix.edits);
    for (const e of fix.edits) byPosition.splice(insertionIndex(byPosition, e), 0, e);
    applied.push(f);
  }
  return { edits: taken, applied };
}

/** Where `e` goes in edits sorted by start, then end. */
function insertionIndex(sorted: readonly TextEdit[], e: TextEdit): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < e.start || (sorted[mid].start === e.start && sorted[mid].end <= e.end)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `e` overlaps one of `sorted`, edits that do not overlap each other, sorted by start: their ends
 * then rise too, so only those from the first ending at or after e.start to the last starting at or
 * before e.end can touch it.
 */
function overlapsAny(sorted: readonly TextEdit[], e: TextEdit): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end < e.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i].start <= e.end; i++) if (overlaps(e, sorted[i])) return true;
  return false;
}

/** A fix that reveals another (a changed status meets a different rule) is followed this many times at most. */
export const MAX_FIX_ALL_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** Findings fixed, over all passes. */
  applied: number;
  /** Edits from the original text to `text`: the first pass's own edits, or one edit spanning every change. */
  edits: TextEdit[];
}

function syntaxErrors(sf: ts.SourceFile): number {
  return (sf as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}

/** The smallest single edit that turns `before` into `after`. */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

/**
 * Apply preferred fixes to a fixed point. A pass that would add syntax errors is dropped, and the
 * passes stop there. `firstRun` saves re-analysing when the caller already has the findings.
 */
export function fixAll(text: string, fileName: string, settings: Settings, firstRun?: RuleRun & { sourceFile?: ts.SourceFile }): FixAllResult {
  let current = text;
  let run = firstRun ?? analyzeText(text, fileName, settings);
  const baseErrors = run.sourceFile ? syntaxErrors(run.sourceFile) : syntaxErrors(analyzeText(text, fileName, settings).sourceFile);
  let applied = 0;
  let firstEdits: TextEdit[] = [];
  let passes = 0;
  for (; passes < MAX_FIX_ALL_PASSES; passes++) {
    const { edits, applied: fixed } = preferredNonOverlappingEdits(run.findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    const nextRun = analyzeText(next, fileName, settings);
    if (syntaxErrors(nextRun.sourceFile) > baseErrors) break;
    if (passes === 0) firstEdits = edits;
    current = next;
    run = nextRun;
    applied += fixed.length;
  }
  const edits = current === text ? [] : passes <= 1 ? firstEdits : [diffEdit(text, current)];
  return { text: current, applied, edits };
}
