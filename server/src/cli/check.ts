// One file, start to finish: read, skip if too large or minified, analyse, and for --fix apply the
// fixes (fix.ts). The same function runs in-process and in worker threads.
import * as fs from 'node:fs';
import type ts from 'typescript';
import { analyzeText, type TextAnalysis } from '../analysis/analyze';
import { failureReason, skipReason } from '../analysis/limits';
import { parseText } from '../analysis/parse';
import type { Settings } from '../analysis/settings';
import { fixToFixedPoint } from './fix';
import type { FileResult } from './report';

export type FixMode = 'off' | 'write' | 'dry-run';

type Analysis = TextAnalysis & { syntaxErrors: number };

export interface FileOutcome extends FileResult {
  /** Set when the file could not be read: the run stops with exit code 2. */
  readError?: string;
  /** Findings fixed (across passes); the text, lineStarts and findings above are after the fixes. */
  fixesApplied: number;
  /** The text before fixing, kept only when the fixes changed it (for --fix-dry-run's diff). */
  originalText?: string;
  /** Why the fixes were not applied although some were offered. */
  fixRefused?: string;
}

export function syntaxErrorCount(sf: ts.SourceFile): number {
  // parseDiagnostics is internal to TypeScript but stable for a decade; the test helpers use it too.
  return (sf as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}

function outcome(file: string, text: string, run: TextAnalysis, extra: Partial<FileOutcome> = {}): FileOutcome {
  return { file, text, lineStarts: run.analysis.lineStarts, findings: run.findings, suppressed: run.suppressed, fixesApplied: 0, ...extra };
}

export function checkFile(file: string, settings: Settings, fix: FixMode = 'off'): FileOutcome {
  let original: string;
  try {
    original = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { file, text: '', lineStarts: [0], findings: [], suppressed: [], fixesApplied: 0, readError: `cannot read ${file}: ${code}` };
  }
  const skipped = skipReason(original, settings.maxFileSizeKb);
  if (skipped) return { file, text: original, lineStarts: [0], findings: [], suppressed: [], skipped, fixesApplied: 0 };

  const analyze = (text: string): Analysis => {
    const run = analyzeText(text, file, settings);
    return { ...run, syntaxErrors: syntaxErrorCount(run.sourceFile) };
  };
  let first: Analysis;
  let stage: 'parse' | 'analysis' = 'parse';
  try {
    const sf = parseText(file, original);
    stage = 'analysis';
    const run = analyzeText(original, file, settings, sf);
    first = { ...run, syntaxErrors: syntaxErrorCount(run.sourceFile) };
  } catch (e) {
    // A file the parser cannot take (nesting too deep) is skipped with the reason; the run goes on.
    return { file, text: original, lineStarts: [0], findings: [], suppressed: [], skipped: failureReason(e, stage), fixesApplied: 0 };
  }
  if (fix === 'off') return outcome(file, original, first);

  const fixed = fixToFixedPoint(original, first, analyze);
  if (fixed.refused) return outcome(file, original, first, { fixRefused: fixed.refused });
  if (fixed.text === original) return outcome(file, original, first);
  if (fix === 'write') fs.writeFileSync(file, fixed.text);
  return outcome(file, fixed.text, fixed.analysis, { fixesApplied: fixed.applied, originalText: original });
}
