// Hover on a status site: the number, the constant, the exception name, or the send call of an
// implicit status. Numbers that are not statuses (ids, ports, timeouts) are not sites: no hover.
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusSite } from '../analysis/types';
import { statusMarkdown } from '../knowledge/markdown';
import type { DocumentAnalysis } from './analysisCache';
import { rangeOf } from './convert';

/** The innermost site with a known code under `offset` (`c ? 200 : 503` and `err.status || 500` nest sites). */
export function siteAt(sites: readonly StatusSite[], offset: number): StatusSite | undefined {
  let best: StatusSite | undefined;
  for (const s of sites) {
    if (s.code === undefined || offset < s.span.start || offset >= s.span.end) continue;
    if (!best || s.span.end - s.span.start < best.span.end - best.span.start) best = s;
  }
  return best;
}

export function hover(doc: TextDocument, result: DocumentAnalysis, position: Position): Hover | null {
  const site = siteAt(result.analysis.sites, doc.offsetAt(position));
  if (!site || site.code === undefined) return null;
  const value = statusMarkdown(site.code, site, { full: result.settings.hover.fullDoc });
  return { contents: { kind: 'markdown', value }, range: rangeOf(doc, site.span) };
}
