// Choosing fixes to apply together (fix-all in the editor, --fix in the CLI): the preferred fix of
// each finding, skipping any that overlaps one already taken.
import type { Finding, TextEdit } from './types';

export function preferredNonOverlappingEdits(findings: readonly Finding[]): { edits: TextEdit[]; applied: Finding[] } {
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end || (a.start === b.start && a.end === a.start && b.end === b.start);
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    applied.push(f);
  }
  return { edits: taken, applied };
}
