// Choosing fixes to apply together (fix-all in the editor, --fix in the CLI): the preferred fix of
// each finding, skipping any that overlaps one already taken; then again on the result, until
// nothing is left to fix, so that running fix-all a second time changes nothing.
import type ts from 'typescript';
import type { RuleRun } from './analyze';
import { applyEdits } from './edits';
import { partitionPoint } from './partitionPoint';
import type { Finding, TextEdit } from './model';
import type { FixLevel } from './settings';

/** Two insertions at one point also overlap: their order would be arbitrary. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === a.start && b.end === b.start);
}

/** Which findings fix-all takes: `--fix` leaves info-level ones alone unless asked. */
export type FindingFilter = (f: Finding) => boolean;

const RANK: Record<Finding['severity'], number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** Findings at `level` or above: what fix-all takes at the `fixLevel` setting. */
export function atFixLevel(level: FixLevel): FindingFilter {
  return (f) => RANK[f.severity] >= RANK[level];
}

export function preferredNonOverlappingEdits(findings: readonly Finding[], include: FindingFilter = () => true): { edits: TextEdit[]; applied: Finding[] } {
  const taken: TextEdit[] = [];
  // The same edits by position: each new edit is compared with its neighbours only, not with all.
  const byPosition: TextEdit[] = [];
  const applied: Finding[] = [];
  for (const f of findings) {
    if (!include(f)) continue;
    const fix = f.fixes.find((x) => x.isPreferred && !x.suggestion);
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
  return partitionPoint(sorted, (x) => x.start < e.start || (x.start === e.start && x.end <= e.end));
}

/**
 * `e` overlaps one of `sorted`, edits that do not overlap each other, sorted by start: their ends
 * then rise too, so only those from the first ending at or after e.start to the last starting at or
 * before e.end can touch it.
 */
function overlapsAny(sorted: readonly TextEdit[], e: TextEdit): boolean {
  for (let i = partitionPoint(sorted, (x) => x.end < e.start); i < sorted.length && sorted[i].start <= e.end; i++) if (overlaps(e, sorted[i])) return true;
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
  /** Set when fixes were offered but none applied, and why (a pass would have added syntax errors). */
  refused?: string;
}

/** What the fix loop needs of an analysis: its findings, and how many syntax errors its text has. */
export interface FixableAnalysis {
  findings: readonly Finding[];
  syntaxErrors: number;
}

export function syntaxErrorCount(sf: ts.SourceFile): number {
  // parseDiagnostics is internal to TypeScript but stable for a decade; the test helpers use it too.
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
 * The one fix loop, for the editor's fix-all and the CLI's --fix: apply each finding's preferred fix
 * (never two that overlap), analyse again, repeat until nothing is left. If any pass would make the
 * text parse worse than the original, nothing is applied: fixes never turn working code into broken
 * code, and a half-applied chain of fixes is not what the user asked for either.
 */
export function fixToFixedPoint<A extends FixableAnalysis>(
  original: string,
  first: A,
  analyze: (text: string) => A,
  include?: FindingFilter,
): FixAllResult & { analysis: A } {
  let text = original;
  let analysis = first;
  let applied = 0;
  let firstEdits: TextEdit[] = [];
  let passes = 0;
  for (; passes < MAX_FIX_ALL_PASSES; passes++) {
    const chosen = preferredNonOverlappingEdits(analysis.findings, include);
    if (chosen.edits.length === 0) break;
    const next = applyEdits(text, chosen.edits);
    if (next === text) break;
    const nextAnalysis = analyze(next);
    if (nextAnalysis.syntaxErrors > first.syntaxErrors) {
      const added = nextAnalysis.syntaxErrors - first.syntaxErrors;
      return {
        text: original,
        analysis: first,
        applied: 0,
        edits: [],
        refused: `fixes not applied: they would add ${added} syntax error${added === 1 ? '' : 's'}`,
      };
    }
    if (passes === 0) firstEdits = chosen.edits;
    text = next;
    analysis = nextAnalysis;
    applied += chosen.applied.length;
  }
  const edits = text === original ? [] : passes <= 1 ? firstEdits : [diffEdit(original, text)];
  return { text, analysis, applied, edits };
}

/**
 * Fix-all on one file's text (the editor's `source.fixAll.statusHints`): `analyzeText` parses a text and
 * runs the rules on it. `firstRun` saves re-analysing.
 */
export function fixAll(
  text: string,
  analyzeText: (text: string) => RuleRun & { sourceFile: ts.SourceFile },
  fixLevel: FixLevel,
  firstRun?: RuleRun & { sourceFile?: ts.SourceFile },
): FixAllResult {
  const analyze = (t: string) => {
    const run = analyzeText(t);
    return { findings: run.findings, syntaxErrors: syntaxErrorCount(run.sourceFile) };
  };
  const first = firstRun?.sourceFile ? { findings: firstRun.findings, syntaxErrors: syntaxErrorCount(firstRun.sourceFile) } : analyze(text);
  const { text: fixed, applied, edits, refused } = fixToFixedPoint(text, first, analyze, atFixLevel(fixLevel));
  return { text: fixed, applied, edits, refused };
}
