// Which files are analysed, and why not: one policy for the CLI, the editor's workspace scan and its
// open documents. A file is skipped, with a reason a reader can act on, when its name is not JS/TS,
// its bytes are not UTF-8 text, it is over the size limit or looks minified; an analysis that throws
// becomes a reason too. Only the wording of the size limit differs: each front end names its own knob.
import * as fs from 'node:fs';
import { isSourceFile } from './sourceFiles';

/** Average line length above which a file is treated as minified/generated. */
const MINIFIED_AVERAGE_LINE = 300;
/** A single line this long (with few lines overall) also marks a bundle. */
const MINIFIED_LONGEST_LINE = 5000;

/** How a size skip names the limit, so the reader knows what to raise. */
export type SizeLimitWording = (kb: number, maxFileSizeKb: number) => string;

/** The editor's wording: the setting to raise is VS Code's (or the config file's key of the same name). */
export const EDITOR_SIZE_LIMIT: SizeLimitWording = (kb, max) => `file is ${Math.round(kb)} KB, over statusHints.maxFileSizeKb (${max} KB)`;

/** The CLI names its own ways to raise the limit. */
export const CLI_SIZE_LIMIT: SizeLimitWording = (kb, max) =>
  `file is ${Math.ceil(kb)} KB, over the ${max} KB limit (--max-file-size, or "maxFileSizeKb" in .statushintsrc.json)`;

/** Why a file is not analysed by its name alone (a file named on the command line can be anything). */
export function notSourceReason(file: string): string | undefined {
  if (isSourceFile(file)) return undefined;
  const ext = /\.[^./\\]+$/.exec(file)?.[0];
  return `not a JavaScript or TypeScript file (${ext ? `${ext} file` : 'no extension'})`;
}

// fatal: bytes that are not UTF-8 are refused, not turned into U+FFFD; ignoreBOM keeps a BOM in the
// text, as readFileSync(file, 'utf8') did, so columns stay those of the file.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file's bytes, or why they are not source text. */
export function decodeSource(bytes: Uint8Array): { text: string } | { skipped: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { skipped: 'UTF-16 text; only UTF-8 files are checked' };
  if (bytes.includes(0)) return { skipped: 'binary content (NUL bytes), not JavaScript or TypeScript source' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { skipped: 'not UTF-8 text; only UTF-8 files are checked' };
  }
}

/** Why a text is not analysed (too large, or minified), or undefined. Runs on every edit of an open file. */
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

/** A file on disk as the analysis takes it: its text, or why it is skipped, or why it cannot be read. */
export type SourceRead =
  | { text: string; skipped?: undefined; readError?: undefined }
  | { text: string; skipped: string; readError?: undefined }
  | { readError: string; skipped?: undefined };

function admit(bytes: Uint8Array, maxFileSizeKb: number, sizeLimit: SizeLimitWording): SourceRead {
  const decoded = decodeSource(bytes);
  if ('skipped' in decoded) return { text: '', skipped: decoded.skipped };
  const skipped = skipReason(decoded.text, maxFileSizeKb, sizeLimit);
  return skipped ? { text: decoded.text, skipped } : { text: decoded.text };
}

const readError = (file: string, e: unknown): SourceRead => ({ readError: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });

/** Read `file` and decide whether it is analysed (the CLI: one file at a time, in a worker). */
export function readSource(file: string, maxFileSizeKb: number, sizeLimit: SizeLimitWording): SourceRead {
  const notSource = notSourceReason(file);
  if (notSource) return { text: '', skipped: notSource };
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return readError(file, e);
  }
  return admit(bytes, maxFileSizeKb, sizeLimit);
}

/** readSource without blocking the event loop (the editor's workspace scan answers requests meanwhile). */
export async function readSourceAsync(file: string, maxFileSizeKb: number, sizeLimit: SizeLimitWording): Promise<SourceRead> {
  const notSource = notSourceReason(file);
  if (notSource) return { text: '', skipped: notSource };
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    return readError(file, e);
  }
  return admit(bytes, maxFileSizeKb, sizeLimit);
}

/** Why an analysis failed, for a log line or the CLI's "skipped" line. */
export function failureReason(e: unknown, stage: 'parse' | 'analysis'): string {
  // TypeScript's parser recurses per nesting level and runs out of stack near 1,000 levels; our
  // walk stops before that (MAX_WALK_DEPTH), so an overflow after parsing is a bug of ours.
  if (stage === 'parse' && e instanceof RangeError && /call stack/i.test(e.message))
    return 'nested too deeply to parse (about 1,000 levels of brackets, blocks or functions)';
  return `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * Parse, then analyse; a throw in either becomes a reason instead of taking the run (or the server)
 * down. The stage decides the wording: a parser out of stack is a file nested too deeply.
 */
export function analyseOrFail<P, T>(parse: () => P, analyse: (parsed: P) => T): { result: T; failed?: undefined } | { failed: string } {
  let stage: 'parse' | 'analysis' = 'parse';
  try {
    const parsed = parse();
    stage = 'analysis';
    return { result: analyse(parsed) };
  } catch (e) {
    return { failed: failureReason(e, stage) };
  }
}
