// Small token-level looks at the source around a site, for rules that need a position the site does
// not carry (where a call closes, what follows a statement). The TypeScript scanner skips strings,
// comments and template literals correctly, so a `)` or `throw` inside them never counts.
import * as ts from 'typescript';

const SyntaxKind = ts.SyntaxKind;

interface Tokens {
  next(): ts.SyntaxKind;
  pos(): number;
  end(): number;
  lineBreakBefore(): boolean;
}

/** A scanner over `text` from `from`, re-scanning template continuations after `}` as the parser would. */
function tokensFrom(text: string, from: number): Tokens {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  scanner.resetTokenState(from);
  const braces: ('brace' | 'template')[] = [];
  return {
    next() {
      let t = scanner.scan();
      if (t === SyntaxKind.OpenBraceToken) braces.push('brace');
      else if (t === SyntaxKind.TemplateHead) braces.push('template');
      else if (t === SyntaxKind.CloseBraceToken && braces[braces.length - 1] === 'template') {
        t = scanner.reScanTemplateToken(false);
        if (t === SyntaxKind.TemplateTail) braces.pop();
        // A template continuation is part of one literal: report it as such, never as a brace.
        return SyntaxKind.TemplateMiddle;
      } else if (t === SyntaxKind.CloseBraceToken) braces.pop();
      return t;
    },
    pos: () => scanner.getTokenStart(),
    end: () => scanner.getTokenEnd(),
    lineBreakBefore: () => scanner.hasPrecedingLineBreak(),
  };
}

const OPENERS = new Set([SyntaxKind.OpenParenToken, SyntaxKind.OpenBracketToken, SyntaxKind.OpenBraceToken, SyntaxKind.TemplateHead]);
const CLOSERS = new Set([SyntaxKind.CloseParenToken, SyntaxKind.CloseBracketToken, SyntaxKind.CloseBraceToken]);

/**
 * The end of the `)` that closes the call whose arguments hold `from` (e.g. just after `404` in
 * `res.status(404)` or `res.writeHead(204, { ... })`). Undefined when the text does not look like that.
 */
export function closingParenEnd(text: string, from: number): number | undefined {
  const tokens = tokensFrom(text, from);
  let depth = 0;
  for (let t = tokens.next(); t !== SyntaxKind.EndOfFileToken; t = tokens.next()) {
    if (t === SyntaxKind.TemplateMiddle) continue;
    if (OPENERS.has(t)) depth++;
    else if (CLOSERS.has(t)) {
      if (depth === 0) return t === SyntaxKind.CloseParenToken ? tokens.end() : undefined;
      depth--;
    } else if (depth === 0 && t === SyntaxKind.SemicolonToken) return undefined;
  }
  return undefined;
}

/**
 * Where an expression statement ending at `exprEnd` ends: after its `;`, or at `exprEnd` when the
 * statement ends by a line break. Undefined when more of the statement follows (`a = 1, b = 2`).
 */
export function statementEnd(text: string, exprEnd: number): number | undefined {
  const tokens = tokensFrom(text, exprEnd);
  const t = tokens.next();
  if (t === SyntaxKind.SemicolonToken) return tokens.end();
  if (t === SyntaxKind.EndOfFileToken || t === SyntaxKind.CloseBraceToken || tokens.lineBreakBefore()) return exprEnd;
  return undefined;
}

/**
 * True when a `throw` follows `from` (up to `limit`) before a statement-level `return` of the
 * statement list holding `from`. A throw anywhere counts, even in a nested branch: the rule using
 * this prefers silence. Used for `res.status(400); throw new Error(...)`, where an error middleware
 * reads `res.statusCode` and sends the response.
 */
export function throwFollows(text: string, from: number, limit: number): boolean {
  const tokens = tokensFrom(text, from);
  let depth = 0;
  let previous: ts.SyntaxKind = SyntaxKind.SemicolonToken;
  for (let t = tokens.next(); t !== SyntaxKind.EndOfFileToken && tokens.pos() < limit; t = tokens.next()) {
    if (t === SyntaxKind.ThrowKeyword) return true;
    const statementStart =
      previous === SyntaxKind.SemicolonToken || previous === SyntaxKind.OpenBraceToken || previous === SyntaxKind.CloseBraceToken || tokens.lineBreakBefore();
    if (t === SyntaxKind.ReturnKeyword && depth <= 0 && statementStart && previous !== SyntaxKind.CloseParenToken) return false;
    if (t === SyntaxKind.OpenBraceToken) depth++;
    // Leaving the enclosing block: the path goes on in the outer list, which becomes the level to watch.
    else if (t === SyntaxKind.CloseBraceToken) depth = Math.max(depth - 1, 0);
    previous = t;
  }
  return false;
}
