// What a developer reads about a status code, from data/ only: the compact hover (also the
// completion documentation), the full hover (statusHints.hover.fullDoc) and the full document of the
// command-palette lookup.
// The content is built once as a small block model and rendered to Markdown or to HTML, so the
// hover, the lookup's view and the README example never drift apart. Data text is trusted for its
// backtick code spans only: everything else is escaped in both renderers.
import { OPEN_DOC_COMMAND } from '../../../shared/protocol';
import type { StatusSite } from '../analysis/types';
import { getStatus, statusClassOf, type HeaderAdvice, type RegisteredStatusEntry, type StatusClass, type StatusEntry } from './statusData';

/**
 * The editor command behind the hover's "Open full doc" link: it opens the lookup page of a code. The
 * VS Code client trusts hover Markdown for this one command only; other LSP editors ignore the link.
 */

/**
 * Inline content: a string is data text whose only markup is `code spans`; `code` is verbatim source
 * text; `openDoc` is the link to a code's full doc (a number, never data text, goes into its URI).
 */
type Inline = string | { code: string } | { strong: string } | { link: string; href: string } | { openDoc: number };
type Line = Inline[];

type Block =
  | { kind: 'title'; line: Line }
  | { kind: 'para'; line: Line }
  /** Short lines shown one under the other. */
  | { kind: 'lines'; lines: Line[] }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; label?: string; items: Line[] }
  | { kind: 'code'; text: string };

const CLASS_LABEL: Record<StatusClass, string> = {
  informational: 'informational',
  success: 'success',
  redirection: 'redirection',
  'client-error': 'client error',
  'server-error': 'server error',
};

const REGISTRY_NOTE: Record<Exclude<RegisteredStatusEntry['status'], 'current'>, string> = {
  deprecated: 'deprecated',
  unused: 'reserved, unused',
  obsolete: 'obsolete',
  temporary: 'temporary registration',
};

/** The title line: `404 Not Found` (or the code alone when unknown). */
export function titleOf(code: number): string {
  const e = getStatus(code);
  return e ? `${e.code} ${e.phrase}` : String(code);
}

function classLabel(code: number): string | undefined {
  const c = statusClassOf(code);
  return c && CLASS_LABEL[c];
}

/** A status the registry marks as not for use, or a code it does not list. */
function registryTag(e: StatusEntry): string | undefined {
  if (!e.registered) return 'not IANA-registered';
  return e.status === 'current' ? undefined : REGISTRY_NOTE[e.status];
}

/** `StatusCodes.NOT_FOUND` → 404, `NotFoundException` → 404: how the source wrote the code, when not a literal. */
function writtenAs(site: StatusSite | undefined): string | undefined {
  if (!site || site.code === undefined) return undefined;
  if (site.form === 'constant' && site.constantName) return site.constantName;
  if (site.form === 'named' && site.text.length <= 60 && !site.text.includes('\n')) return site.text;
  return undefined;
}

function titleLine(e: StatusEntry, site?: StatusSite): Line {
  const line: Line = [{ strong: `${e.code} ${e.phrase}` }, ` · ${CLASS_LABEL[e.class]}`];
  const tag = registryTag(e);
  if (tag) line.push(' · ', { strong: tag });
  const name = writtenAs(site);
  if (name) line.push(' · ', { code: name }, ` → ${e.code}`);
  return line;
}

/** Does this response set the header? Only said where the analysis follows the response's headers. */
function headerMark(site: StatusSite | undefined, name: string, required: boolean): string {
  if (!site || site.send.how === 'unknown' || site.kind === 'decorator' || site.kind === 'framework-default' || site.kind === 'exception') return '';
  const set = site.headers.some((h) => h.name === name.toLowerCase());
  return set ? ' ✓ set' : required ? ' ✗ missing' : ' ✗ not set';
}

/** ` (MUST)`, ` (SHOULD if the limit is temporary)`: the source's keyword and its case; advice has no keyword to show. */
function strengthTag(h: HeaderAdvice): string {
  return h.strength === 'advice' ? '' : ` (${h.strength}${h.when ? ` ${h.when}` : ''})`;
}

/** `MUST if one range is sent, RFC 9110 §15.3.7.1`: the strength, the case it applies in, and where it is said. */
function strengthNote(h: HeaderAdvice): string {
  const source = h.source.section ? `${h.source.rfc} §${h.source.section}` : h.source.rfc;
  return h.strength === 'advice' ? `advice, see ${source}` : `${h.strength}${h.when ? ` ${h.when}` : ''}, ${source}`;
}

function headerLines(e: RegisteredStatusEntry, site: StatusSite | undefined, full: boolean): Line[] {
  const lines: Line[] = [];
  if (full) {
    // The lookup's document: one item per header, with its strength, source and why.
    for (const h of e.headers.required) lines.push([{ code: h.name }, ` (required: ${strengthNote(h)}): `, h.why]);
    if (e.headers.required.length === 0) lines.push(['No header is required.']);
    for (const h of e.headers.recommended) lines.push([{ code: h.name }, ` (recommended: ${strengthNote(h)}): `, h.why]);
    return lines;
  }
  // A requirement that holds only in some cases (`when`) is "not set" here, never "missing".
  for (const h of e.headers.required)
    lines.push([{ strong: 'Requires' }, ' ', { code: h.name }, `${strengthTag(h)}${headerMark(site, h.name, !h.when)}: `, h.why]);
  if (e.headers.required.length === 0) lines.push([{ strong: 'Headers:' }, ' none required']);
  if (e.headers.recommended.length > 0) {
    const line: Line = [{ strong: 'Recommended:' }];
    e.headers.recommended.forEach((h, i) => line.push(i === 0 ? ' ' : ' · ', { code: h.name }, strengthTag(h) + headerMark(site, h.name, false)));
    lines.push(line);
  }
  return lines;
}

function bodyLine(e: RegisteredStatusEntry): Line {
  const body: Line = [{ strong: 'Body:' }, e.bodyAllowed ? ' allowed' : ' none allowed'];
  if (e.bodyNote) body.push(` (${e.bodyNote})`);
  return body;
}

function behaviourLines(e: StatusEntry): Line[] {
  const lines: Line[] = [];
  if (e.registered) lines.push([...bodyLine(e), ' · ', { strong: 'Cacheable by default:' }, e.cacheableByDefault ? ' yes' : ' no']);
  if (e.retry) lines.push([{ strong: 'Retry:' }, ' ', e.retry.note]);
  return lines;
}

function links(e: StatusEntry): Line {
  const line: Line = [];
  if (e.registered) {
    const label = e.spec.section ? `${e.spec.rfc} §${e.spec.section}` : e.spec.rfc;
    line.push({ link: label, href: e.spec.url });
    if (e.mdn) line.push(' · ', { link: 'MDN', href: e.mdn });
  }
  return line;
}

function confusions(e: StatusEntry): Line[] {
  return e.confusedWith.map((c) => [{ strong: titleOf(c.code) }, ': ', c.difference]);
}

/** RFC 9110 §15: a client treats an unrecognised code as the x00 of its class. */
function unknownCodeBlocks(code: number): Block[] {
  const cls = classLabel(code);
  if (!Number.isInteger(code) || !cls) {
    return [
      { kind: 'para', line: [{ strong: String(code) }, ' · ', { strong: 'not a valid HTTP status code' }] },
      { kind: 'para', line: ['A status code is three digits from 100 to 599; clients and proxies reject or mangle anything else.'] },
    ];
  }
  const base = Math.floor(code / 100) * 100;
  return [
    { kind: 'para', line: [{ strong: String(code) }, ` · ${cls} · `, { strong: 'not registered' }] },
    { kind: 'para', line: [`Not in the IANA registry and not one in common use. Clients treat an unknown code as the x00 of its class: ${titleOf(base)}.`] },
  ];
}

function usedByLines(e: StatusEntry): Line[] {
  return e.registered ? [] : e.usedBy.map((u) => [{ strong: u.by }, ': ', u.meaning]);
}

/** The full hover: title, summary, when to use, confusions, headers, behaviour, links. */
function fullHoverBlocks(e: StatusEntry, site?: StatusSite): Block[] {
  const blocks: Block[] = [
    { kind: 'para', line: titleLine(e, site) },
    { kind: 'para', line: [e.summary] },
  ];
  const usedBy = usedByLines(e);
  if (usedBy.length > 0) blocks.push({ kind: 'list', label: 'Used by', items: usedBy });
  const when: Line[] = [];
  if (e.useWhen.length > 0) when.push([{ strong: 'Use when:' }, ' ', e.useWhen.join(' · ')]);
  if (e.avoidWhen.length > 0) when.push([{ strong: 'Avoid when:' }, ' ', e.avoidWhen.join(' · ')]);
  if (when.length > 0) blocks.push({ kind: 'lines', lines: when });
  if (e.confusedWith.length > 0) blocks.push({ kind: 'list', label: 'Confused with', items: confusions(e) });
  const facts = [...(e.registered ? headerLines(e, site, false) : []), ...behaviourLines(e)];
  if (facts.length > 0) blocks.push({ kind: 'lines', lines: facts });
  const l = links(e);
  if (l.length > 0) blocks.push({ kind: 'para', line: l });
  return blocks;
}

/** "Open full doc", then the RFC and MDN links (editors that ignore the command still get those). */
function docLinks(e: StatusEntry): Line {
  const l = links(e);
  return l.length > 0 ? [{ openDoc: e.code }, ' · ', ...l] : [{ openDoc: e.code }];
}

/**
 * What this response needs, in one or two lines: the required headers (set or not) and whether a
 * body may be sent, then the headers an RFC recommends (SHOULD, MAY). Best-practice advice and why
 * each header matters are in the full doc (and a finding about a header says why itself).
 */
function needsLines(e: RegisteredStatusEntry, site: StatusSite | undefined): Line[] {
  // Marked as in the full hover: the keyword and its case, and a conditional MUST is never "missing".
  const list = (headers: readonly HeaderAdvice[], required: boolean): Line =>
    headers.flatMap((h, i): Line => [i === 0 ? ' ' : ' · ', { code: h.name }, strengthTag(h) + headerMark(site, h.name, required && !h.when)]);
  const headers: Line =
    e.headers.required.length > 0 ? [{ strong: 'Requires' }, ...list(e.headers.required, true)] : [{ strong: 'Headers:' }, ' none required'];
  const lines: Line[] = [[...headers, ' · ', ...bodyLine(e)]];
  const recommended = e.headers.recommended.filter((h) => h.strength !== 'advice');
  if (recommended.length > 0) lines.push([{ strong: 'Recommended:' }, ...list(recommended, false)]);
  return lines;
}

/**
 * The default hover, short enough to sit under a finding's message without scrolling (250 px in a
 * 1280x800 VS Code): what the code is, what this response needs, and a link to the full doc. The
 * rest (when to use it, confusions, caching, retries) is one click away.
 */
function compactHoverBlocks(e: StatusEntry, site?: StatusSite): Block[] {
  const blocks: Block[] = [{ kind: 'lines', lines: [titleLine(e, site), [e.summary]] }];
  const usedBy = usedByLines(e);
  if (usedBy.length > 0) blocks.push({ kind: 'list', label: 'Used by', items: usedBy });
  if (e.registered) blocks.push({ kind: 'lines', lines: needsLines(e, site) });
  blocks.push({ kind: 'para', line: docLinks(e) });
  return blocks;
}

/** A send with no status of its own: what the framework answers, said in two lines. */
function implicitBlocks(e: StatusEntry, site: StatusSite, full: boolean): Block[] {
  const why =
    site.kind === 'redirect'
      ? 'the default of a redirect without a status'
      : site.kind === 'framework-default'
        ? "the framework's default for this route"
        : 'no status is set on this response before this call';
  return [
    { kind: 'para', line: ['Sends ', { strong: `${e.code} ${e.phrase}` }, ` (implicit: ${why})`] },
    { kind: 'para', line: [e.summary] },
    { kind: 'para', line: full ? links(e) : docLinks(e) },
  ];
}

/** Every fact about a code, for the lookup's document. */
function documentBlocks(e: StatusEntry): Block[] {
  const meta: Line = [CLASS_LABEL[e.class]];
  const tag = registryTag(e);
  if (tag) meta.push(' · ', { strong: tag });
  if (e.registered && e.status !== 'current') meta.push(` (IANA: “${e.ianaPhrase}”)`);
  const blocks: Block[] = [
    { kind: 'title', line: [`${e.code} ${e.phrase}`] },
    { kind: 'para', line: meta },
    { kind: 'para', line: [{ strong: e.summary }] },
    { kind: 'para', line: [e.description] },
  ];
  const section = (title: string, items: Line[]) => {
    if (items.length === 0) return;
    blocks.push({ kind: 'heading', text: title }, { kind: 'list', items });
  };
  section('Used by', usedByLines(e));
  section(
    'Use when',
    e.useWhen.map((w) => [w]),
  );
  section(
    'Avoid when',
    e.avoidWhen.map((w) => [w]),
  );
  section('Often confused with', confusions(e));
  if (e.registered) section('Headers', headerLines(e, undefined, true));
  section('Behaviour', behaviourLines(e));
  if (e.registered && e.example) {
    blocks.push({ kind: 'heading', text: 'Example' }, { kind: 'code', text: `${e.example.request}\n\n${e.example.response}` });
  }
  const names = e.aliases.filter((a) => a !== e.phrase);
  if (names.length > 0) section('Also known as', [names.flatMap((n, i): Line => (i === 0 ? [{ code: n }] : [' · ', { code: n }]))]);
  const l = links(e);
  if (l.length > 0) section('References', [l]);
  return blocks;
}

export interface HoverOptions {
  /** statusHints.hover.fullDoc: every fact in the hover instead of the compact one with a link. */
  full?: boolean;
}

/** The hover for a status site, or the completion documentation of a code when no site is given. */
export function statusMarkdown(code: number, site?: StatusSite, options: HoverOptions = {}): string {
  const e = getStatus(code);
  if (!e) return toMarkdown(unknownCodeBlocks(code));
  const full = options.full === true;
  if (site?.form === 'implicit') return toMarkdown(implicitBlocks(e, site, full));
  return toMarkdown(full ? fullHoverBlocks(e, site) : compactHoverBlocks(e, site));
}

/** The full document of a code (lookup), as Markdown. */
export function statusDocumentMarkdown(code: number): string {
  const e = getStatus(code);
  return toMarkdown(e ? documentBlocks(e) : unknownCodeBlocks(code));
}

/** The full document of a code (lookup), as an HTML fragment: every text escaped, links https only. */
export function statusDocumentHtml(code: number): string {
  const e = getStatus(code);
  return toHtml(e ? documentBlocks(e) : unknownCodeBlocks(code));
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Splits data text into plain runs and `code spans`; an unmatched backtick is plain text. */
function segments(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    const close = open < 0 ? -1 : text.indexOf('`', open + 1);
    if (open < 0 || close < 0) {
      out.push({ code: false, text: text.slice(i) });
      break;
    }
    if (open > i) out.push({ code: false, text: text.slice(i, open) });
    out.push({ code: true, text: text.slice(open + 1, close) });
    i = close + 1;
  }
  return out;
}

/** A code span for any text: the fence is longer than any backtick run inside. */
function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Markdown and HTML significant characters become literal text. */
function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only plain https links to a host are rendered as links. */
function safeHref(href: string): string | undefined {
  return /^https:\/\/[A-Za-z0-9.-]+(\/[^\s()<>"'`\\]*)?$/.test(href) ? href : undefined;
}

function inlineMarkdown(line: Line): string {
  return line
    .map((part) => {
      if (typeof part === 'string')
        return segments(part)
          .map((s) => (s.code ? codeSpan(s.text) : escapeMarkdownText(s.text)))
          .join('');
      if ('code' in part) return codeSpan(part.code);
      if ('strong' in part) return `**${inlineMarkdown([part.strong])}**`;
      if ('openDoc' in part) return `[Open full doc](command:${OPEN_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([part.openDoc]))})`;
      const href = safeHref(part.href);
      return href ? `[${escapeMarkdownText(part.link)}](${href})` : escapeMarkdownText(part.link);
    })
    .join('');
}

function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`# ${inlineMarkdown(b.line)}`);
        break;
      case 'para':
        out.push(inlineMarkdown(b.line));
        break;
      case 'lines':
        // Two trailing spaces: a hard line break every Markdown renderer understands.
        out.push(b.lines.map(inlineMarkdown).join('  \n'));
        break;
      case 'heading':
        out.push(`## ${escapeMarkdownText(b.text)}`);
        break;
      case 'list':
        out.push((b.label ? `**${escapeMarkdownText(b.label)}**\n` : '') + b.items.map((i) => `- ${inlineMarkdown(i)}`).join('\n'));
        break;
      case 'code': {
        const runs = b.text.match(/`{3,}/g) ?? [];
        const fence = '`'.repeat(Math.max(2, ...runs.map((r) => r.length)) + 1);
        out.push(`${fence}http\n${b.text}\n${fence}`);
        break;
      }
    }
  }
  return out.join('\n\n');
}

function inlineHtml(line: Line): string {
  return line
    .map((part) => {
      if (typeof part === 'string')
        return segments(part)
          .map((s) => (s.code ? `<code>${escapeHtml(s.text)}</code>` : escapeHtml(s.text)))
          .join('');
      if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
      if ('strong' in part) return `<strong>${inlineHtml([part.strong])}</strong>`;
      // The lookup page is the full doc already.
      if ('openDoc' in part) return '';
      const href = safeHref(part.href);
      return href ? `<a href="${escapeHtml(href)}">${escapeHtml(part.link)}</a>` : escapeHtml(part.link);
    })
    .join('');
}

function toHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'title':
          return `<h1>${inlineHtml(b.line)}</h1>`;
        case 'para':
          return `<p>${inlineHtml(b.line)}</p>`;
        case 'lines':
          return `<p>${b.lines.map(inlineHtml).join('<br>')}</p>`;
        case 'heading':
          return `<h2>${escapeHtml(b.text)}</h2>`;
        case 'list':
          return (b.label ? `<p><strong>${escapeHtml(b.label)}</strong></p>` : '') + `<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`;
        case 'code':
          return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
      }
    })
    .join('\n');
}
