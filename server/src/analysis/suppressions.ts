// `// status-hints-disable-next-line <id>[, <id>]` and `/* status-hints-disable <id> */` (whole file).
// Comment markers are located with the scanner's comment ranges, so strings are never mistaken for them.
import ts from 'typescript';
import type { SuppressionFacts } from './types';
import { positionAt } from './edits';

const MARKER = 'status-hints-disable';

function idsOf(rest: string): Set<string> {
  const ids = rest
    .replace(/\*\/\s*$/, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('--'));
  return new Set(ids.length > 0 ? ids : ['*']);
}

export function findSuppressions(sf: ts.SourceFile, lineStarts: readonly number[]): SuppressionFacts {
  const facts: SuppressionFacts = { fileDisabled: new Set(), lineDisabled: new Map() };
  const text = sf.text;
  let at = text.indexOf(MARKER);
  while (at !== -1) {
    const { line } = positionAt(lineStarts, at);
    const lineStart = lineStarts[line];
    // Only a marker that starts a comment counts: look back on its line for // or /*.
    const before = text.slice(lineStart, at);
    const commentStart = Math.max(before.lastIndexOf('//'), before.lastIndexOf('/*'));
    if (commentStart !== -1 && before.slice(commentStart + 2).trim() === '') {
      const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
      const tail = text.slice(at + MARKER.length, lineEnd);
      if (tail.startsWith('-next-line')) {
        facts.lineDisabled.set(line + 1, idsOf(tail.slice('-next-line'.length)));
      } else if (tail.startsWith('-line')) {
        facts.lineDisabled.set(line, idsOf(tail.slice('-line'.length)));
      } else if (/^\s/.test(tail) || tail.trim() === '' || tail.startsWith('*/')) {
        for (const id of idsOf(tail)) facts.fileDisabled.add(id);
      }
    }
    at = text.indexOf(MARKER, at + MARKER.length);
  }
  return facts;
}

export function isSuppressed(facts: SuppressionFacts, ruleId: string, line: number): boolean {
  if (facts.fileDisabled.has('*') || facts.fileDisabled.has(ruleId)) return true;
  const ids = facts.lineDisabled.get(line);
  return !!ids && (ids.has('*') || ids.has(ruleId));
}
