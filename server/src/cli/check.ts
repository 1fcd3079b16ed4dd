// One file, start to finish: read, skip (project/sourcePolicy.ts: not JS/TS, not UTF-8, too large,
// minified), analyse, and for --fix apply the fixes (analysis/fixAll.ts, the editor's loop too).
// The same function runs in-process and in worker threads.
import * as fs from 'node:fs';
import type ts from 'typescript';
import type { TextAnalysis } from '../analysis/analyze';
import { analyzeText } from '../analyzeWithRules';
import { parseText } from '../analysis/parse';
import type { Settings } from '../settingsWithRules';
import { analyseOrFail, CLI_SIZE_LIMIT, readSource } from '../project/sourcePolicy';
import { atFixLevel, fixToFixedPoint, syntaxErrorCount } from '../analysis/fixAll';
import type { FileResult } from './report';

export type FixMode = 'off' | 'write' | 'dry-run';

type Analysis = TextAnalysis & { syntaxErrors: number };

export interface FileOutcome extends FileResult {
  /** Set when the file could not be read: the run stops with exit code 2. */
  readError?: string;
  /**
   * Findings fixed (across passes). With --fix, the text, lineStarts and findings above are after the
   * fixes (what is left); with --fix-dry-run they are the file as it is, which decides the exit code.
   */
  fixesApplied: number;
  /** --fix-dry-run: the text the fixes would write, kept only when they change it (for the diff). */
  fixedText?: string;
  /** Why the fixes were not applied although some were offered. */
  fixRefused?: string;
}

function outcome(file: string, text: string, run: TextAnalysis, extra: Partial<FileOutcome> = {}): FileOutcome {
  return { file, text, lineStarts: run.analysis.lineStarts, findings: run.findings, suppressed: run.suppressed, fixesApplied: 0, ...extra };
}

const skippedOutcome = (file: string, text: string, skipped: string): FileOutcome => ({
  file,
  text,
  lineStarts: [0],
  findings: [],
  suppressed: [],
  skipped,
  fixesApplied: 0,
});

export function checkFile(file: string, settings: Settings, fix: FixMode = 'off'): FileOutcome {
  // Read, decode and size up the file as the editor's workspace scan does (project/sourcePolicy.ts).
  const read = readSource(file, settings.maxFileSizeKb, CLI_SIZE_LIMIT);
  if (read.readError !== undefined) return { file, text: '', lineStarts: [0], findings: [], suppressed: [], fixesApplied: 0, readError: read.readError };
  if (read.skipped !== undefined) return skippedOutcome(file, read.text, read.skipped);
  const original = read.text;

  const analyze = (text: string, sf?: ts.SourceFile): Analysis => {
    const run = analyzeText(text, file, settings, sf);
    return { ...run, syntaxErrors: syntaxErrorCount(run.sourceFile) };
  };
  const firstRun = analyseOrFail(
    () => parseText(file, original),
    (sf) => analyze(original, sf),
  );
  // A file the parser cannot take (nesting too deep) is skipped with the reason; the run goes on.
  if (firstRun.failed !== undefined) return skippedOutcome(file, original, firstRun.failed);
  const first = firstRun.result;
  if (fix === 'off') return outcome(file, original, first);

  const fixed = fixToFixedPoint(original, first, analyze, atFixLevel(settings.fixLevel));
  if (fixed.refused) return outcome(file, original, first, { fixRefused: fixed.refused });
  if (fixed.text === original) return outcome(file, original, first);
  // A dry run reports the file as it is (and never writes): the exit code is check's, before fixing.
  if (fix === 'dry-run') return outcome(file, original, first, { fixesApplied: fixed.applied, fixedText: fixed.text });
  fs.writeFileSync(file, fixed.text);
  return outcome(file, fixed.text, fixed.analysis, { fixesApplied: fixed.applied });
}
