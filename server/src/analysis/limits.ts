// Bounded work: code nested deeper than the walk goes is skipped, and the file says so. (Files too
// large or minified are skipped whole: project/sourcePolicy.ts.)
import { positionAt } from './edits';
import type { FileAnalysis } from './types';
import { MAX_WALK_DEPTH } from './walk/contract';

/** The note for a file the walk only partly covered, or undefined when it covered all of it. */
export function partialReason(analysis: Pick<FileAnalysis, 'depthLimitAt' | 'lineStarts'>): string | undefined {
  if (analysis.depthLimitAt === undefined) return undefined;
  const line = positionAt(analysis.lineStarts, analysis.depthLimitAt).line + 1;
  return `analysed in part: code nested deeper than ${MAX_WALK_DEPTH} syntax levels, from line ${line}, was skipped`;
}
