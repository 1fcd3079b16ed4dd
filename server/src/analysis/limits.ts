// Bounded work: files too large or minified are skipped with a reason instead of analysed.
import { positionAt } from './edits';
import type { FileAnalysis } from './types';
import { MAX_WALK_DEPTH } from './walk/contract';

/** Average line length above which a file is treated as minified/generated. */
const MINIFIED_AVERAGE_LINE = 300;
/** A single line this long (with few lines overall) also marks a bundle. */
const MINIFIED_LONGEST_LINE = 5000;

/** How a size skip names the limit, so the reader knows what to raise. */
export type SizeLimitWording = (kb: number, maxFileSizeKb: number) => string;

/** The editor's wording: the setting to raise is VS Code's (or the config file's key of the same name). */
export const EDITOR_SIZE_LIMIT: SizeLimitWording = (kb, max) => `file is ${Math.round(kb)} KB, over statusHints.maxFileSizeKb (${max} KB)`;

export function skipReason(text: string, maxFileSizeKb: number, sizeLimit: SizeLimitWording = EDITOR_SIZE_LIMIT): string | undefined {
  const kb = text.length / 1024;
  if (kb > maxFileSizeKb) return sizeLimit(kb, maxFileSizeKb);
  if (text.length < 2000) return undefined;
  let lines = 1;
  let longest = 0;
  // indexOf finds each line end natively: this runs on every edit of a large file.
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', lineStart)) {
    lines++;
    if (at - lineStart > longest) longest = at - lineStart;
    lineStart = at + 1;
  }
  if (text.length - lineStart > longest) longest = text.length - lineStart;
  if (text.length / lines > MINIFIED_AVERAGE_LINE || (longest > MINIFIED_LONGEST_LINE && lines < 20)) {
    return `looks minified (${lines} lines, longest ${longest} characters)`;
  }
  return undefined;
}

/** Why an analysis failed, for a log line or the CLI's "skipped" line. */
export function failureReason(e: unknown, stage: 'parse' | 'analysis'): string {
  // TypeScript's parser recurses per nesting level and runs out of stack near 1,000 levels; our
  // walk stops before that (MAX_WALK_DEPTH), so an overflow after parsing is a bug of ours.
  if (stage === 'parse' && e instanceof RangeError && /call stack/i.test(e.message)) return 'nested too deeply to parse (about 1,000 levels of brackets, blocks or functions)';
  return `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

/** The note for a file the walk only partly covered, or undefined when it covered all of it. */
export function partialReason(analysis: Pick<FileAnalysis, 'depthLimitAt' | 'lineStarts'>): string | undefined {
  if (analysis.depthLimitAt === undefined) return undefined;
  const line = positionAt(analysis.lineStarts, analysis.depthLimitAt).line + 1;
  return `analysed in part: code nested deeper than ${MAX_WALK_DEPTH} syntax levels, from line ${line}, was skipped`;
}
