// One file, start to finish: read, skip if too large or minified, analyse, and for --fix apply the
// fixes (analysis/fixAll.ts, the editor's loop too). The same function runs in-process and in worker threads.
import * as fs from 'node:fs';
import type { TextAnalysis } from '../analysis/analyze';
import { analyzeText } from '../analyzeWithRules';
import { failureReason, skipReason, type SizeLimitWording } from '../analysis/limits';
import { parseText } from '../analysis/parse';
import type { Settings } from '../analysis/settings';
import { isSourceFile } from '../project/sourceFiles';
import { fixToFixedPoint, syntaxErrorCount } from '../analysis/fixAll';
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

/** The CLI names its own ways to raise the limit (the editor's wording names the VS Code setting). */
const CLI_SIZE_LIMIT: SizeLimitWording = (kb, max) => `file is ${Math.ceil(kb)} KB, over the ${max} KB limit (--max-file-size, or "maxFileSizeKb" in .statushintsrc.json)`;
// fatal: bytes that are not UTF-8 are refused, not turned into U+FFFD; ignoreBOM keeps a BOM in the
// text, as readFileSync(file, 'utf8') did, so columns stay those of the file.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const skippedOutcome = (file: string, text: string, skipped: string): FileOutcome => ({ file, text, lineStarts: [0], findings: [], suppressed: [], skipped, fixesApplied: 0 });

/** The text of a file, or why it is not source text (a file named on the command line can be anything). */
function decodeSource(bytes: Buffer): { text: string } | { skipped: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { skipped: 'UTF-16 text; only UTF-8 files are checked' };
  if (bytes.includes(0)) return { skipped: 'binary content (NUL bytes), not JavaScript or TypeScript source' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { skipped: 'not UTF-8 text; only UTF-8 files are checked' };
  }
}

export function checkFile(file: string, settings: Settings, fix: FixMode = 'off'): FileOutcome {
  // Folders only yield sources; a file named on the command line may be anything.
  if (!isSourceFile(file)) {
    const ext = /\.[^./\\]+$/.exec(file)?.[0];
    return skippedOutcome(file, '', `not a JavaScript or TypeScript file (${ext ? `${ext} file` : 'no extension'})`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { file, text: '', lineStarts: [0], findings: [], suppressed: [], fixesApplied: 0, readError: `cannot read ${file}: ${code}` };
  }
  const decoded = decodeSource(bytes);
  if ('skipped' in decoded) return skippedOutcome(file, '', decoded.skipped);
  const original = decoded.text;
  const skipped = skipReason(original, settings.maxFileSizeKb, CLI_SIZE_LIMIT);
  if (skipped) return skippedOutcome(file, original, skipped);

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
    return skippedOutcome(file, original, failureReason(e, stage));
  }
  if (fix === 'off') return outcome(file, original, first);

  const fixed = fixToFixedPoint(original, first, analyze);
  if (fixed.refused) return outcome(file, original, first, { fixRefused: fixed.refused });
  if (fixed.text === original) return outcome(file, original, first);
  // A dry run reports the file as it is (and never writes): the exit code is check's, before fixing.
  if (fix === 'dry-run') return outcome(file, original, first, { fixesApplied: fixed.applied, fixedText: fixed.text });
  fs.writeFileSync(file, fixed.text);
  return outcome(file, fixed.text, fixed.analysis, { fixesApplied: fixed.applied });
}
