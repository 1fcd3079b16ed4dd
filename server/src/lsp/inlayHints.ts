// Inlay hints: the reason phrase after a status number (`404` → `Not Found`), and after a constant
// whose name does not already say it. Off with statusHints.inlayHints.enabled = false.
import type { InlayHint, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusSite } from '../analysis/types';
import { getStatus } from '../knowledge/statusData';
import type { DocumentAnalysis } from './analysisCache';

const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** `StatusCodes.NOT_FOUND`, `HttpStatus.I_AM_A_TEAPOT`, `const notFound = 404`: the name is the phrase or one of its aliases. */
function nameSaysIt(site: StatusSite, code: number): boolean {
  const name = site.constantName ?? site.text;
  const last = key(name.slice(name.lastIndexOf('.') + 1).replace(/^HTTP_STATUS_/, ''));
  const e = getStatus(code);
  return !!e && [e.phrase, ...e.aliases].some((a) => key(a) === last);
}

/** The phrase to show after a site, or undefined where a hint would add nothing. */
export function hintLabel(site: StatusSite): string | undefined {
  const code = site.code;
  if (code === undefined) return undefined;
  const e = getStatus(code);
  if (!e) return undefined;
  if (site.form === 'number' || site.form === 'string') return e.phrase;
  if (site.form === 'constant' && !nameSaysIt(site, code)) return e.phrase;
  return undefined; // implicit, named (NotFoundException) and dynamic statuses
}

export function inlayHints(doc: TextDocument, result: DocumentAnalysis, range: Range): InlayHint[] {
  if (!result.settings.inlayHints.enabled) return [];
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const seen = new Set<number>();
  for (const site of result.analysis.sites) {
    const at = site.span.end;
    if (at < start || at > end || seen.has(at)) continue;
    const label = hintLabel(site);
    if (!label) continue;
    seen.add(at);
    hints.push({ position: doc.positionAt(at), label, paddingLeft: true, tooltip: getStatus(site.code!)?.summary });
  }
  return hints;
}
