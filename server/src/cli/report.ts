// The CLI's output formats. The JSON shape is a contract other tools depend on: do not change it.
import { positionAt } from '../analysis/edits';
import type { Finding, Severity } from '../analysis/types';

export interface FileResult {
  file: string;
  text: string;
  lineStarts: readonly number[];
  findings: Finding[];
  suppressed: Finding[];
  /** Set when the file was not analysed (unreadable, too large, minified). */
  skipped?: string;
}

export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  fixes: { title: string; edits: JsonEdit[] }[];
}

function pos1(lineStarts: readonly number[], offset: number) {
  const p = positionAt(lineStarts, offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export function toJsonFinding(r: FileResult, f: Finding): JsonFinding {
  const s = pos1(r.lineStarts, f.start);
  const e = pos1(r.lineStarts, f.end);
  return {
    file: r.file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((ed) => {
        const a = pos1(r.lineStarts, ed.start);
        const b = pos1(r.lineStarts, ed.end);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText: ed.newText };
      }),
    })),
  };
}

export function formatJson(results: readonly FileResult[]): string {
  const findings = results.flatMap((r) => r.findings.map((f) => toJsonFinding(r, f)));
  return JSON.stringify({ filesScanned: results.length, findings }, null, 2);
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

/** `testFilesLeftOut`: test files found in the folders checked but left out (no --include-tests). */
export function formatText(results: readonly FileResult[], color: boolean, testFilesLeftOut = 0): string {
  const out: string[] = [];
  const paint = (code: string, s: string) => (color ? `${code}${s}\x1b[0m` : s);
  let count = 0;
  let suppressed = 0;
  for (const r of results) {
    if (r.skipped) out.push(paint('\x1b[2m', `${r.file}: skipped: ${r.skipped}`));
    suppressed += r.suppressed.length;
    for (const f of r.findings) {
      count++;
      const { line, column } = pos1(r.lineStarts, f.start);
      out.push(`${r.file}:${line}:${column}  ${paint(COLORS[f.severity], f.severity)}  ${f.message}  ${paint('\x1b[2m', `(${f.ruleId})`)}`);
      const lineText = r.text.slice(r.lineStarts[line - 1], line < r.lineStarts.length ? r.lineStarts[line] : r.text.length).replace(/\r?\n$/, '');
      out.push(`    ${lineText.length > 200 ? lineText.slice(0, 200) + '…' : lineText}`);
    }
  }
  out.push(summaryLine(results, count, suppressed, testFilesLeftOut));
  return out.join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line: "14 findings in 4 files (6 files checked, 1 file skipped, 3 test files left out without --include-tests, 2 findings suppressed by comments)". */
function summaryLine(results: readonly FileResult[], count: number, suppressed: number, testFilesLeftOut: number): string {
  const skipped = results.filter((r) => r.skipped).length;
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const details = [`${plural(results.length - skipped, 'file')} checked`];
  if (skipped) details.push(`${plural(skipped, 'file')} skipped`);
  if (testFilesLeftOut) details.push(`${plural(testFilesLeftOut, 'test file')} left out without --include-tests`);
  if (suppressed) details.push(`${plural(suppressed, 'finding')} suppressed by comments`);
  return `${count === 0 ? '0 findings' : `${plural(count, 'finding')} in ${plural(withFindings, 'file')}`} (${details.join(', ')})`;
}
