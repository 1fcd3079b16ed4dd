// --fix to a fixed point, safely: apply the preferred fix of each finding (never two that overlap),
// re-analyse, repeat a few times; if the result parses worse than the original, keep the original.
import { applyEdits } from '../analysis/edits';
import { MAX_FIX_ALL_PASSES, preferredNonOverlappingEdits } from '../analysis/fixAll';
import type { Finding } from '../analysis/types';

export interface Analysed {
  findings: Finding[];
  syntaxErrors: number;
}

export interface FixResult<A extends Analysed> {
  text: string;
  /** The analysis of `text`. */
  analysis: A;
  /** Findings fixed, across passes. */
  applied: number;
  /** Set when fixes were offered but not applied, and why. */
  refused?: string;
}

export function fixToFixedPoint<A extends Analysed>(original: string, first: A, analyze: (text: string) => A): FixResult<A> {
  let text = original;
  let analysis = first;
  let applied = 0;
  // As many passes as the editor's fix-all: a fix can reveal another (a changed status meets a different rule).
  for (let pass = 0; pass < MAX_FIX_ALL_PASSES; pass++) {
    const chosen = preferredNonOverlappingEdits(analysis.findings);
    if (chosen.edits.length === 0) break;
    const next = applyEdits(text, chosen.edits);
    if (next === text) break;
    const nextAnalysis = analyze(next);
    if (nextAnalysis.syntaxErrors > first.syntaxErrors) {
      // Never write code that parses worse than what the user had: leave the whole file alone.
      const added = nextAnalysis.syntaxErrors - first.syntaxErrors;
      return { text: original, analysis: first, applied: 0, refused: `fixes not applied: they would add ${added} syntax error${added === 1 ? '' : 's'}` };
    }
    text = next;
    analysis = nextAnalysis;
    applied += chosen.applied.length;
  }
  return { text, analysis, applied };
}
