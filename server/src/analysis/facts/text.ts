// Plain text helpers for the edits fixes make: the indentation to repeat, the quote the file uses.
// No syntax: rules use them freely.

/** `\n` plus the indentation of the line holding `offset`. */
export function newlineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return '\n' + text.slice(lineStart, end);
}

/** The quote the file writes strings with (single unless double quotes clearly dominate). */
export function quoteOf(text: string): string {
  const head = text.slice(0, 4000);
  const single = (head.match(/'/g) ?? []).length;
  const double = (head.match(/"/g) ?? []).length;
  return double > single * 2 ? '"' : "'";
}

export function stringLiteral(value: string, quote: string): string {
  return quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote) + quote;
}
