// What a developer reads about a code: the hover / completion Markdown and the lookup's document
// (Markdown and HTML), built from data/status-codes.json only, with everything from data escaped.
// server/src/knowledge/markdown.ts is bundled in memory with esbuild (it is not part of dist/analysis.js).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const root = new URL('../../', import.meta.url);
const data = JSON.parse(readFileSync(new URL('data/status-codes.json', root), 'utf8'));
const entry = (code) => data.statuses.find((e) => e.code === code);

const bundle = await esbuild.build({
  entryPoints: [new URL('server/src/knowledge/markdown.ts', root).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  logLevel: 'silent',
});
const md = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

/** A status site as the analysis reports it (only what the hover reads). */
const site = (code, extra = {}) => ({
  code,
  form: 'number',
  kind: 'status-call',
  text: String(code),
  headers: [],
  send: { how: 'chained', returns: false },
  guards: [],
  ...extra,
});

/** The first line without the two trailing spaces of a Markdown hard break. */
const firstLine = (text) => text.split('\n')[0].trimEnd();
/** What the reader sees: link targets dropped. */
const shown = (text) => text.replace(/\]\([^)\s]+\)/g, ']');
const openDoc = (code) => `[Open full doc](command:statusHints.openDoc?%5B${code}%5D)`;

describe('hover markdown (compact, the default)', () => {
  test('404: title and summary, what the response needs, then the full-doc link and references', () => {
    const text = md.statusMarkdown(404, site(404));
    const lines = text.split('\n');
    assert.equal(lines[0], '**404 Not Found** · client error  ', 'the summary follows on the next line');
    assert.equal(lines[1], entry(404).summary);
    assert.equal(lines[3], '**Headers:** none required · **Body:** allowed');
    assert.equal(
      lines.at(-1),
      `${openDoc(404)} · [RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5) · [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404)`,
    );
    // what the full doc is for stays there
    assert.doesNotMatch(text, /Use when|Avoid when|Confused with|Cacheable|Retry:/);
  });

  test('a constant says what it stands for on the title line', () => {
    const text = md.statusMarkdown(404, site(404, { form: 'constant', constantName: 'StatusCodes.NOT_FOUND', text: 'StatusCodes.NOT_FOUND' }));
    assert.equal(firstLine(text), '**404 Not Found** · client error · `StatusCodes.NOT_FOUND` → 404');
    const named = md.statusMarkdown(404, site(404, { form: 'named', kind: 'exception', text: 'NotFoundException' }));
    assert.equal(firstLine(named), '**404 Not Found** · client error · `NotFoundException` → 404');
  });

  test('required headers: set or missing on THIS response, with their strength, on the line that says whether a body is allowed', () => {
    const missing = md.statusMarkdown(401, site(401));
    assert.match(missing, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✗ missing · \*\*Body:\*\* allowed$/m);
    assert.doesNotMatch(missing, /at least one challenge/, 'why it is required is in the full doc');
    const set = md.statusMarkdown(401, site(401, { headers: [{ name: 'www-authenticate', span: { start: 0, end: 1 } }] }));
    assert.match(set, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✓ set · /m);
    // Where the analysis cannot see the response's headers it does not guess.
    const unknown = md.statusMarkdown(401, site(401, { send: { how: 'unknown', returns: false } }));
    assert.match(unknown, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) · \*\*Body:\*\* allowed$/m);
    // Without a site (completion documentation): the requirement only.
    assert.match(md.statusMarkdown(405), /^\*\*Requires\*\* `Allow` \(MUST\) · \*\*Body:\*\* allowed$/m);
    // A MUST that holds only in some cases (one range) is "not set", not "missing".
    assert.match(md.statusMarkdown(206, site(206)), /^\*\*Requires\*\* `Content-Range` \(MUST if one range is sent\) ✗ not set · /m);
    // Upgrade comes with Connection: Upgrade, a MUST of RFC 9110 §7.8.
    assert.match(md.statusMarkdown(426), /^\*\*Requires\*\* `Upgrade` \(MUST\) · `Connection` \(MUST\) · /m);
  });

  test('recommended headers: those an RFC recommends, with its keyword, and whether this response sets them', () => {
    assert.match(md.statusMarkdown(429, site(429)), /^\*\*Recommended:\*\* `Retry-After` \(MAY\) ✗ not set$/m);
    const withRetry = md.statusMarkdown(429, site(429, { headers: [{ name: 'retry-after', span: { start: 0, end: 1 } }] }));
    assert.match(withRetry, /^\*\*Recommended:\*\* `Retry-After` \(MAY\) ✓ set$/m);
    // A redirect's Location is a SHOULD (RFC 9110 §15.4.2), never shown as required.
    const moved = md.statusMarkdown(301);
    assert.match(moved, /^\*\*Headers:\*\* none required · \*\*Body:\*\* allowed {2}$/m);
    assert.match(moved, /^\*\*Recommended:\*\* `Location` \(SHOULD\)$/m);
    assert.match(md.statusMarkdown(201), /^\*\*Recommended:\*\* `Location` \(SHOULD for a POST\)$/m);
    // Best-practice advice (RateLimit, Cache-Control on a 200) is for the full doc.
    assert.doesNotMatch(md.statusMarkdown(429), /RateLimit/);
    assert.doesNotMatch(md.statusMarkdown(200), /Recommended|Cache-Control/);
    assert.match(md.statusMarkdown(429, undefined, { full: true }), /`RateLimit` · `RateLimit-Policy`/);
  });

  test('204: no body allowed', () => {
    assert.match(md.statusMarkdown(204), /^\*\*Headers:\*\* none required · \*\*Body:\*\* none allowed$/m);
  });

  test('unregistered codes say so and who uses them', () => {
    const text = md.statusMarkdown(499);
    assert.equal(firstLine(text), '**499 Client Closed Request** · client error · **not IANA-registered**');
    assert.match(text, /^\*\*Used by\*\*\n- \*\*nginx\*\*: The client closed the connection/m);
    assert.doesNotMatch(text, /Body:|Cacheable/, 'no registry facts are invented for an unregistered code');
    assert.equal(text.split('\n').at(-1), openDoc(499));
  });

  test('deprecated, unused and obsolete codes say so', () => {
    assert.equal(firstLine(md.statusMarkdown(305)), '**305 Use Proxy** · redirection · **deprecated**');
    assert.equal(firstLine(md.statusMarkdown(418)), '**418 (Unused)** · client error · **reserved, unused**');
    assert.equal(firstLine(md.statusMarkdown(510)), '**510 Not Extended** · server error · **obsolete**');
  });

  test('codes status-hints does not know: no doc to open', () => {
    assert.match(md.statusMarkdown(299), /^\*\*299\*\* · success · \*\*not registered\*\*\n\n.*x00 of its class: 200 OK\.$/);
    assert.match(md.statusMarkdown(700), /not a valid HTTP status code/);
    assert.match(md.statusMarkdown(42), /not a valid HTTP status code/);
    for (const code of [299, 700, 42]) assert.doesNotMatch(md.statusMarkdown(code), /command:/);
  });

  test('implicit status of a send: two precise lines and the full-doc link', () => {
    const text = md.statusMarkdown(200, site(200, { form: 'implicit', kind: 'implicit-send', text: 'res.json' }));
    assert.equal(text.split('\n')[0], 'Sends **200 OK** (implicit: no status is set on this response before this call)');
    assert.doesNotMatch(text, /Confused with/);
    assert.ok(
      text
        .split('\n')
        .at(-1)
        .startsWith(`${openDoc(200)} · [RFC 9110 §15.3.1]`),
    );
    const redirect = md.statusMarkdown(302, site(302, { form: 'implicit', kind: 'redirect', text: 'res.redirect' }));
    assert.match(redirect, /^Sends \*\*302 Found\*\* \(implicit: the default of a redirect without a status\)/);
  });

  test('short enough to sit under a finding in a hover, for every code', () => {
    for (const e of data.statuses) {
      const text = md.statusMarkdown(e.code, site(e.code));
      const lines = text.split('\n').filter(Boolean);
      assert.ok(lines.length <= 6, `${e.code}: ${lines.length} lines`);
      assert.ok(shown(text).length <= 450, `${e.code}: ${shown(text).length} characters shown`);
      assert.equal(text.match(/command:/g)?.length, 1, `${e.code}: one "Open full doc" link`);
      assert.ok(text.includes(openDoc(e.code)), `${e.code}: the link opens this code's doc`);
    }
  });
});

describe('hover markdown (statusHints.hover.fullDoc)', () => {
  const full = (code, s = site(code)) => md.statusMarkdown(code, s, { full: true });

  test('404: title, summary, when to use, confused with, headers, behaviour, links', () => {
    const text = full(404);
    const lines = text.split('\n');
    assert.equal(lines[0], '**404 Not Found** · client error');
    assert.equal(lines[2], entry(404).summary);
    assert.match(text, /^\*\*Use when:\*\* Unknown ID or path · /m);
    assert.match(text, /^\*\*Avoid when:\*\* The resource was deliberately and permanently removed \(410\)/m);
    assert.match(text, /^\*\*Confused with\*\*\n- \*\*410 Gone\*\*: 410 says the resource existed and was removed for good; 404 makes no claim either way\.$/m);
    assert.match(text, /^\*\*Headers:\*\* none required {2}$/m);
    assert.match(text, /^\*\*Body:\*\* allowed · \*\*Cacheable by default:\*\* yes {2}$/m);
    assert.match(text, /^\*\*Retry:\*\* Retry libraries do not retry it/m);
    assert.equal(
      lines.at(-1),
      '[RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5) · [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404)',
    );
    assert.doesNotMatch(text, /command:/, 'the whole doc is in the hover: no link to it');
  });

  test('required headers: set or missing on THIS response, with their strength and why', () => {
    assert.match(full(401), /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✗ missing: RFC 9110 requires at least one challenge/m);
    const set = full(401, site(401, { headers: [{ name: 'www-authenticate', span: { start: 0, end: 1 } }] }));
    assert.match(set, /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\) ✓ set: /m);
    assert.match(full(401, site(401, { send: { how: 'unknown', returns: false } })), /^\*\*Requires\*\* `WWW-Authenticate` \(MUST\): /m);
    assert.match(md.statusMarkdown(405, undefined, { full: true }), /^\*\*Requires\*\* `Allow` \(MUST\): RFC 9110 requires the list of supported methods/m);
    assert.match(full(206), /^\*\*Requires\*\* `Content-Range` \(MUST if one range is sent\) ✗ not set: /m);
    assert.match(md.statusMarkdown(426, undefined, { full: true }), /^\*\*Requires\*\* `Connection` \(MUST\): /m);
  });

  test('recommended headers: the keyword each source uses, and whether this response sets them', () => {
    assert.match(full(429), /^\*\*Recommended:\*\* `Retry-After` \(MAY\) ✗ not set · `RateLimit` ✗ not set · `RateLimit-Policy` ✗ not set {2}$/m);
    const moved = md.statusMarkdown(301, undefined, { full: true });
    assert.match(moved, /^\*\*Headers:\*\* none required {2}$/m);
    assert.match(moved, /^\*\*Recommended:\*\* `Location` \(SHOULD\) · `Cache-Control` {2}$/m);
    assert.match(md.statusMarkdown(201, undefined, { full: true }), /^\*\*Recommended:\*\* `Location` \(SHOULD for a POST\) · `ETag` {2}$/m);
  });

  test('204 allows no body; unregistered codes list who uses them', () => {
    assert.match(full(204), /^\*\*Body:\*\* none allowed · \*\*Cacheable by default:\*\* yes/m);
    const text = full(499);
    assert.equal(text.split('\n')[0], '**499 Client Closed Request** · client error · **not IANA-registered**');
    assert.match(text, /^\*\*Used by\*\*\n- \*\*nginx\*\*: /m);
    assert.doesNotMatch(text, /Cacheable/);
  });

  test('implicit sends: the same two lines, the references only', () => {
    const text = full(200, site(200, { form: 'implicit', kind: 'implicit-send', text: 'res.json' }));
    assert.equal(
      text.split('\n').at(-1),
      '[RFC 9110 §15.3.1](https://www.rfc-editor.org/rfc/rfc9110#section-15.3.1) · [MDN](https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/200)',
    );
  });

  test('compact enough for a hover, for every code', () => {
    for (const e of data.statuses) {
      const text = full(e.code);
      assert.ok(text.split('\n').length <= 30, `${e.code}: ${text.split('\n').length} lines`);
      assert.ok(text.length <= 2500, `${e.code}: ${text.length} characters`);
      assert.doesNotMatch(text, /^\|.*\|$/m, `${e.code}: no tables`);
    }
  });
});

describe('escaping', () => {
  /** Markdown outside code spans, links' URLs removed. */
  const prose = (text) => text.replace(/(`+)[\s\S]*?\1/g, '').replace(/\]\(https:[^)\s]+\)/g, ']');

  test('no raw HTML or link syntax from data reaches the hover', () => {
    for (const e of data.statuses) {
      for (const full of [false, true]) {
        const text = prose(md.statusMarkdown(e.code, undefined, { full }));
        assert.doesNotMatch(text, /(?<!\\)[<>]/, `${e.code}: unescaped < or >`);
        assert.doesNotMatch(text, /&(?!amp;)/, `${e.code}: unescaped &`);
      }
    }
    // Data prose with Markdown-significant characters is shown literally.
    assert.match(md.statusMarkdown(412, undefined, { full: true }), /If-None-Match: \\\* on a create-only write/);
  });

  test('source text on the title line cannot break out of its code span', () => {
    const text = md.statusMarkdown(404, site(404, { form: 'named', kind: 'exception', text: 'a`<img src=x onerror=alert(1)>`b' }));
    assert.equal(firstLine(text), '**404 Not Found** · client error · ``a`<img src=x onerror=alert(1)>`b`` → 404');
  });

  test('the lookup document in HTML: only known tags, https links, every text escaped', () => {
    const allowed = new Set(['h1', 'h2', 'p', 'ul', 'li', 'strong', 'code', 'pre', 'a', 'br']);
    for (const e of data.statuses) {
      const html = md.statusDocumentHtml(e.code);
      for (const [, tag, attrs] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
        assert.ok(allowed.has(tag), `${e.code}: <${tag}>`);
        if (attrs.trim()) assert.match(attrs, /^ href="https:\/\/[^"<>]+"$/, `${e.code}: attributes ${attrs}`);
      }
      assert.doesNotMatch(html.replace(/<\/?[a-z0-9]+[^>]*>/g, ''), /[<>"]/, `${e.code}: unescaped text`);
    }
    assert.match(md.statusDocumentHtml(401), /403 means &quot;I know who you are, and no&quot;/);
  });
});

describe('hostile data', async () => {
  // The same module over a copy of the data whose 404 entry carries HTML, link syntax and bad URLs.
  const hostile = structuredClone(data);
  const e = hostile.statuses.find((x) => x.code === 404);
  e.summary = 'Gone <img src=x onerror=alert(1)> [click](javascript:alert(1)) & <b>bold</b> `code <i>`';
  e.mdn = 'javascript:alert(1)';
  e.spec.url = 'https://example.com/a) [x](javascript:alert(1)';
  const built = await esbuild.build({
    entryPoints: [new URL('server/src/knowledge/markdown.ts', root).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'hostile-data',
        setup(b) {
          b.onLoad({ filter: /status-codes\.json$/ }, () => ({ contents: JSON.stringify(hostile), loader: 'json' }));
        },
      },
    ],
  });
  const evil = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);

  test('the hover shows it as text: no HTML, no links but https ones', () => {
    const text = evil.statusMarkdown(404);
    assert.equal(text.split('\n')[1], 'Gone \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1)) &amp; \\<b\\>bold\\</b\\> `code <i>`');
    assert.doesNotMatch(text, /(?<!\\)\]\((?!https:|command:statusHints\.openDoc\?%5B404%5D\))/, 'no link to anything but https and our own doc');
    assert.match(
      text,
      /^\[Open full doc\]\(command:statusHints\.openDoc\?%5B404%5D\) · RFC 9110 §15\.5\.5 · MDN$/m,
      'unsafe URLs are dropped, the labels stay',
    );
    const full = evil.statusMarkdown(404, undefined, { full: true });
    assert.equal(full.split('\n')[2], text.split('\n')[1], 'the full hover escapes the same way');
    assert.doesNotMatch(full, /(?<!\\)\]\((?!https:)/);
  });

  test('the lookup HTML escapes it', () => {
    const html = evil.statusDocumentHtml(404);
    assert.doesNotMatch(html, /<img|<b>|<i>|javascript:[^<]*"/);
    assert.match(
      html,
      /Gone &lt;img src=x onerror=alert\(1\)&gt; \[click\]\(javascript:alert\(1\)\) &amp; &lt;b&gt;bold&lt;\/b&gt; <code>code &lt;i&gt;<\/code>/,
    );
    assert.doesNotMatch(html, /href="(?!https:\/\/www\.rfc-editor|https:\/\/developer)/);
  });
});

describe('lookup document', () => {
  test('404: every section, the example exchange and the references', () => {
    const text = md.statusDocumentMarkdown(404);
    assert.match(text, /^# 404 Not Found\n\nclient error\n\n\*\*No current representation at this URI/);
    for (const h of ['Use when', 'Avoid when', 'Often confused with', 'Headers', 'Behaviour', 'Example', 'Also known as', 'References']) {
      assert.match(text, new RegExp(`^## ${h}$`, 'm'), h);
    }
    assert.match(text, /```http\nGET \/users\/42 HTTP\/1\.1\nHost: api\.example\.com\n\nHTTP\/1\.1 404 Not Found\n/);
    assert.match(text, /^- `NOT_FOUND`$/m);
    assert.match(md.statusDocumentHtml(404), /<h1>404 Not Found<\/h1>/);
  });

  test('headers: each with its strength, the case it applies in, and the section that says it', () => {
    assert.match(md.statusDocumentMarkdown(401), /^- `WWW-Authenticate` \(required: MUST, RFC 9110 §15\.5\.2\): /m);
    assert.match(md.statusDocumentMarkdown(206), /^- `Content-Range` \(required: MUST if one range is sent, RFC 9110 §15\.3\.7\.1\): /m);
    assert.match(md.statusDocumentMarkdown(201), /^- `Location` \(recommended: SHOULD for a POST, RFC 9110 §9\.3\.3\): /m);
    assert.match(md.statusDocumentMarkdown(416), /^- `Content-Range` \(recommended: SHOULD for a byte-range request, RFC 9110 §15\.5\.17\): /m);
    assert.match(md.statusDocumentMarkdown(415), /^- `Accept-Encoding` \(recommended: advice, see RFC 9110 §15\.5\.16\): /m);
    assert.match(md.statusDocumentHtml(503), /<li><code>Retry-After<\/code> \(recommended: MAY, RFC 9110 §15\.6\.4\): /);
  });

  test('retired codes carry the registry wording', () => {
    assert.match(md.statusDocumentMarkdown(510), /^server error · \*\*obsolete\*\* \(IANA: “Not Extended \(OBSOLETED\)”\)$/m);
  });

  test('titleOf', () => {
    assert.equal(md.titleOf(422), '422 Unprocessable Content');
    assert.equal(md.titleOf(299), '299');
  });
});

test('docs/hover-example.md shows the current output (regenerate it when the hover changes)', () => {
  const doc = readFileSync(new URL('docs/hover-example.md', root), 'utf8');
  const blocks = [...doc.matchAll(/<!-- generated: (statusMarkdown|statusDocumentMarkdown)\((\d+)(, full)?\) -->\n((?:>.*\n)+)/g)];
  assert.ok(blocks.length >= 4, 'the example quotes the 404 and 429 hovers, a full hover and a lookup document');
  for (const [, fn, code, full, quoted] of blocks) {
    const shown = quoted
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/^> ?/, ''))
      .join('\n');
    const current = fn === 'statusMarkdown' ? md.statusMarkdown(Number(code), site(Number(code)), { full: !!full }) : md.statusDocumentMarkdown(Number(code));
    assert.equal(shown, current, `${fn}(${code}) in docs/hover-example.md`);
  }
});
