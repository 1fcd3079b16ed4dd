// `// status-hints-disable-next-line <id>[, <id>] [-- reason]`, `// status-hints-disable-line <id>`
// and `/* status-hints-disable <id> */` (the whole file; no id = every rule).
// A marker counts only when it opens a real comment: the syntax tree tells comments from strings,
// templates, regular expressions and JSX text, so `"// status-hints-disable"` in a string is inert.
import * as ts from 'typescript';
import { positionAt } from './edits';
import { forEachChildAround } from './syntax';
import type { SuppressionFacts } from './model';

const MARKER = 'status-hints-disable';

/** Rule ids after a directive, up to ` -- reason`; none listed means every rule. */
function idsOf(rest: string): Set<string> {
  const ids = rest
    .split(/\s--/)[0]
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return new Set(ids.length > 0 ? ids : ['*']);
}

function isLiteralToken(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isRegularExpressionLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isJsxText(node)
  );
}

/** The comment holding `pos`, if `pos` is inside one. Walks down the tree to the innermost node. */
export function commentAt(sf: ts.SourceFile, pos: number): ts.CommentRange | undefined {
  const text = sf.text;
  let node: ts.Node = sf;
  for (;;) {
    let next: ts.Node | undefined;
    forEachChildAround(node, pos, pos + 1, (c) => {
      next ??= c;
    });
    if (!next) break;
    node = next;
  }
  const start = node === sf ? 0 : node.getStart(sf);
  const inside = (r: ts.CommentRange) => r.pos <= pos && pos < r.end;
  if (pos < start) return ts.getLeadingCommentRanges(text, node.pos)?.find(inside);
  if (isLiteralToken(node)) return undefined;
  // Between the node's own tokens (`foo(a // c\n)`): scan from the last child that ends before pos.
  let from = start;
  ts.forEachChild(node, (c) => {
    if (c.end <= pos) from = Math.max(from, c.end);
  });
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sf.languageVariant, text);
  scanner.resetTokenState(from);
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken && scanner.getTokenStart() <= pos; t = scanner.scan()) {
    if (scanner.getTokenEnd() <= pos) continue;
    if (t === ts.SyntaxKind.SingleLineCommentTrivia || t === ts.SyntaxKind.MultiLineCommentTrivia) {
      return { pos: scanner.getTokenStart(), end: scanner.getTokenEnd(), kind: t };
    }
    return undefined;
  }
  return undefined;
}

export function findSuppressions(sf: ts.SourceFile, lineStarts: readonly number[]): SuppressionFacts {
  const facts: SuppressionFacts = { fileDisabled: new Set(), lineDisabled: new Map() };
  const text = sf.text;
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    const comment = commentAt(sf, at);
    if (!comment) continue;
    // The directive must open the comment (`/** status-hints-disable` and ` * ` lines are fine).
    if (!/^[\s*]*$/.test(text.slice(comment.pos + 2, at))) continue;
    const isBlock = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia;
    const body = text.slice(at + MARKER.length, isBlock ? comment.end - 2 : comment.end);
    const line = positionAt(lineStarts, at).line;
    if (body.startsWith('-next-line')) {
      // The line after the comment: a block comment may span lines.
      const target = positionAt(lineStarts, comment.end).line + 1;
      mergeLine(facts, target, idsOf(body.slice('-next-line'.length)));
    } else if (body.startsWith('-line')) {
      mergeLine(facts, line, idsOf(body.slice('-line'.length)));
    } else if (body === '' || /^\s/.test(body)) {
      for (const id of idsOf(body)) facts.fileDisabled.add(id);
    }
  }
  return facts;
}

function mergeLine(facts: SuppressionFacts, line: number, ids: Set<string>): void {
  const existing = facts.lineDisabled.get(line);
  if (existing) for (const id of ids) existing.add(id);
  else facts.lineDisabled.set(line, ids);
}

export function isSuppressed(facts: SuppressionFacts, ruleId: string, line: number): boolean {
  if (facts.fileDisabled.has('*') || facts.fileDisabled.has(ruleId)) return true;
  const ids = facts.lineDisabled.get(line);
  return !!ids && (ids.has('*') || ids.has(ruleId));
}
