// Hover on a status site: the number, the constant, or the send call of an implicit status.
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { statusMarkdown } from '../knowledge/markdown';
import type { DocumentAnalysis } from './analysisCache';
import { rangeOf } from './convert';

export function hover(doc: TextDocument, result: DocumentAnalysis, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  const site = result.analysis.sites.find((s) => s.code !== undefined && s.form !== 'implicit' && offset >= s.span.start && offset <= s.span.end);
  if (!site || site.code === undefined) return null;
  return { contents: { kind: 'markdown', value: statusMarkdown(site.code, site) }, range: rangeOf(doc, site.span) };
}
