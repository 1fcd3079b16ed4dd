// Knowledge-base checks: data/status-codes.json against its schema, the IANA registry
// snapshot (data/iana-registry.json), the npm packages `statuses` and `http-status-codes`,
// recorded tables of NestJS `HttpStatus` and `http-status`, Node's own tables, and the
// protocol facts the rest of status-hints relies on. The data checks read the JSON
// directly; the last group bundles server/src/knowledge/statusData.ts in memory with
// esbuild and checks the loader's lookups against the same sources.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import http from 'node:http';
import http2 from 'node:http2';
import Ajv from 'ajv';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (rel) => JSON.parse(readFileSync(root + rel, 'utf8'));

const kb = readJson('data/status-codes.json');
const schema = readJson('data/status-codes.schema.json');
const iana = readJson('data/iana-registry.json');
const nest = readJson('test/fixtures/nest-http-status.json');
const statuses = require('statuses');
const hsc = require('http-status-codes');

const entries = kb.statuses;
const registered = entries.filter((e) => e.registered === true);
const unregistered = entries.filter((e) => e.registered === false);
const byCode = new Map(entries.map((e) => [e.code, e]));
const entry = (code) => {
  const e = byCode.get(code);
  assert.ok(e, `no entry for ${code}`);
  return e;
};

// --- the same alias rules statusData.ts applies --------------------------------------
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const textsOf = (e) => [e.phrase, ...(e.ianaPhrase ? [e.ianaPhrase] : []), ...e.aliases];
/** constant name -> codes it is claimed by */
const constantClaims = new Map();
for (const e of entries) {
  for (const t of textsOf(e)) {
    if (!CONSTANT_NAME.test(t)) continue;
    if (!constantClaims.has(t)) constantClaims.set(t, new Set());
    constantClaims.get(t).add(e.code);
  }
}
/** Code a constant name resolves to (bare name, or node:http2's HTTP_STATUS_ prefix). */
function resolveName(name) {
  const claim = constantClaims.get(name) ?? (name.startsWith('HTTP_STATUS_') ? constantClaims.get(name.slice(12)) : undefined);
  return claim && claim.size === 1 ? [...claim][0] : undefined;
}
/** Exact (case-insensitive) phrase match: stricter than the loader's punctuation-insensitive lookup. */
const hasPhrase = (code, phrase) => {
  const e = byCode.get(code);
  return !!e && textsOf(e).some((t) => t.toLowerCase() === phrase.toLowerCase());
};
const upperSnake = (phrase) =>
  phrase
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toUpperCase()
    .replace(/ /g, '_');

// --- recorded tables ------------------------------------------------------------------
// `http-status` 2.1.0 (adaltas/node-http-status), recorded from the npm tarball: name -> [code, phrase].
// Core table (`httpStatus.NOT_FOUND`) and the `httpStatus.extra.*` groups.
const HTTP_STATUS_PKG = {
  CONTINUE: [100, 'Continue'],
  SWITCHING_PROTOCOLS: [101, 'Switching Protocols'],
  PROCESSING: [102, 'Processing'],
  EARLY_HINTS: [103, 'Early Hints'],
  OK: [200, 'OK'],
  CREATED: [201, 'Created'],
  ACCEPTED: [202, 'Accepted'],
  NON_AUTHORITATIVE_INFORMATION: [203, 'Non-Authoritative Information'],
  NO_CONTENT: [204, 'No Content'],
  RESET_CONTENT: [205, 'Reset Content'],
  PARTIAL_CONTENT: [206, 'Partial Content'],
  MULTI_STATUS: [207, 'Multi Status'],
  ALREADY_REPORTED: [208, 'Already Reported'],
  IM_USED: [226, 'IM Used'],
  MULTIPLE_CHOICES: [300, 'Multiple Choices'],
  MOVED_PERMANENTLY: [301, 'Moved Permanently'],
  FOUND: [302, 'Found'],
  SEE_OTHER: [303, 'See Other'],
  NOT_MODIFIED: [304, 'Not Modified'],
  USE_PROXY: [305, 'Use Proxy'],
  SWITCH_PROXY: [306, 'Switch Proxy'],
  TEMPORARY_REDIRECT: [307, 'Temporary Redirect'],
  PERMANENT_REDIRECT: [308, 'Permanent Redirect'],
  BAD_REQUEST: [400, 'Bad Request'],
  UNAUTHORIZED: [401, 'Unauthorized'],
  PAYMENT_REQUIRED: [402, 'Payment Required'],
  FORBIDDEN: [403, 'Forbidden'],
  NOT_FOUND: [404, 'Not Found'],
  METHOD_NOT_ALLOWED: [405, 'Method Not Allowed'],
  NOT_ACCEPTABLE: [406, 'Not Acceptable'],
  PROXY_AUTHENTICATION_REQUIRED: [407, 'Proxy Authentication Required'],
  REQUEST_TIMEOUT: [408, 'Request Time-out'],
  CONFLICT: [409, 'Conflict'],
  GONE: [410, 'Gone'],
  LENGTH_REQUIRED: [411, 'Length Required'],
  PRECONDITION_FAILED: [412, 'Precondition Failed'],
  REQUEST_ENTITY_TOO_LARGE: [413, 'Request Entity Too Large'],
  REQUEST_URI_TOO_LONG: [414, 'Request-URI Too Large'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Unsupported Media Type'],
  REQUESTED_RANGE_NOT_SATISFIABLE: [416, 'Requested Range not Satisfiable'],
  EXPECTATION_FAILED: [417, 'Expectation Failed'],
  IM_A_TEAPOT: [418, "I'm a teapot"],
  MISDIRECTED_REQUEST: [421, 'Misdirected Request'],
  UNPROCESSABLE_ENTITY: [422, 'Unprocessable Entity'],
  LOCKED: [423, 'Locked'],
  FAILED_DEPENDENCY: [424, 'Failed Dependency'],
  TOO_EARLY: [425, 'Too Early'],
  UPGRADE_REQUIRED: [426, 'Upgrade Required'],
  PRECONDITION_REQUIRED: [428, 'Precondition Required'],
  TOO_MANY_REQUESTS: [429, 'Too Many Requests'],
  REQUEST_HEADER_FIELDS_TOO_LARGE: [431, 'Request Header Fields Too Large'],
  UNAVAILABLE_FOR_LEGAL_REASONS: [451, 'Unavailable For Legal Reasons'],
  INTERNAL_SERVER_ERROR: [500, 'Internal Server Error'],
  NOT_IMPLEMENTED: [501, 'Not Implemented'],
  BAD_GATEWAY: [502, 'Bad Gateway'],
  SERVICE_UNAVAILABLE: [503, 'Service Unavailable'],
  GATEWAY_TIMEOUT: [504, 'Gateway Time-out'],
  HTTP_VERSION_NOT_SUPPORTED: [505, 'HTTP Version not Supported'],
  VARIANT_ALSO_NEGOTIATES: [506, 'Variant Also Negotiates'],
  INSUFFICIENT_STORAGE: [507, 'Insufficient Storage'],
  LOOP_DETECTED: [508, 'Loop Detected'],
  NOT_EXTENDED: [510, 'Not Extended'],
  NETWORK_AUTHENTICATION_REQUIRED: [511, 'Network Authentication Required'],
  // extra.unofficial
  CHECKPOINT: [103, 'Checkpoint'],
  PAGE_EXPIRED: [419, 'Page Expired'],
  THIS_IS_FINE: [218, 'This is fine'],
  ENHANCE_YOUR_CALM: [420, 'Enhance Your Calm'],
  BLOCKED_BY_WINDOWS_PARENTAL_CONTROLS: [450, 'Blocked by Windows Parental Controls'],
  INVALID_TOKEN: [498, 'Invalid Token'],
  TOKEN_REQUIRED: [499, 'Token Required'],
  BANDWIDTH_LIMIT_EXCEEDED: [509, 'Bandwidth Limit Exceeded'],
  SITE_IS_FROZEN: [530, 'Site is frozen'],
  NETWORK_READ_TIMEOUT_ERROR: [598, 'Network read timeout error'],
  // extra.iis
  LOGIN_TIME_OUT: [440, 'Login Time-out'],
  RETRY_WITH: [449, 'Retry With'],
  REDIRECT: [451, 'Redirect'],
  // extra.nginx
  NO_RESPONSE: [444, 'No Response'],
  REQUEST_HEADER_TOO_LARGE: [494, 'Request header too large'],
  SSL_CERTIFICATE_ERROR: [495, 'SSL Certificate Error'],
  SSL_CERTIFICATE_REQUIRED: [496, 'SSL Certificate Required'],
  HTTP_REQUEST_SENT_TO_HTTPS_PORT: [497, 'HTTP Request Sent to HTTPS Port'],
  CLIENT_CLOSED_REQUEST: [499, 'Client Closed Request'],
  // extra.cloudflare
  UNKNOWN_ERROR: [520, 'Unknown Error'],
  WEB_SERVER_IS_DOWN: [521, 'Web Server Is Down'],
  CONNECTION_TIMED_OUT: [522, 'Connection Timed Out'],
  ORIGIN_IS_UNREACHABLE: [523, 'Origin Is Unreachable'],
  A_TIMEOUT_OCCURRED: [524, 'A Timeout Occurred'],
  SSL_HANDSHAKE_FAILED: [525, 'SSL Handshake Failed'],
  INVALID_SSL_CERTIFICATE: [526, 'Invalid SSL Certificate'],
  RAILGUN_ERROR: [527, 'Railgun Error'],
};

// Known differences: names/phrases a package defines that we deliberately do NOT alias.
const KNOWN_UNALIASED = {
  'http-status': {
    // extra.unofficial.CHECKPOINT = 103: a long-dead resumable-request proposal, unrelated to 103 Early Hints;
    // aliasing the generic word CHECKPOINT to 103 would mislabel code.
    CHECKPOINT: 'unrelated proposal reusing 103',
    // extra.iis.REDIRECT = 451: an old IIS/Exchange redirect code that clashes with the registered 451
    // (Unavailable For Legal Reasons); REDIRECT is also far too generic a name to resolve.
    REDIRECT: 'IIS meaning clashes with registered 451',
    // extra.unofficial.THIS_IS_FINE = 218 (Apache joke); we carry no 218 entry.
    THIS_IS_FINE: 'no 218 entry',
  },
};

// Known differences: codes a package defines although IANA does not register them. Each must be one
// of our registered:false entries. Asserted exactly, so a package update that adds one shows up here.
const PACKAGE_ONLY_CODES = {
  // statuses (and Node's http.STATUS_CODES): 509 "Bandwidth Limit Exceeded" (Apache/cPanel); IANA: unassigned.
  statuses: [509],
  'node:http': [509],
  'node:http2': [509],
  // http-status-codes: 419 INSUFFICIENT_SPACE_ON_RESOURCE and 420 METHOD_FAILURE (Spring's old WebDAV-draft
  // codes). Our 419/420 entries describe the more common Laravel / Twitter meanings and list these as aliases.
  'http-status-codes': [419, 420],
  // NestJS HttpStatus: CONTENT_DIFFERENT = 210 and UNRECOVERABLE_ERROR = 456, from abandoned WebDAV proposals.
  nest: [210, 456],
};

const ianaCodes = iana.codes.map((c) => c.code);
const ianaSet = new Set(ianaCodes);

function assertPackageOnlyCodes(pkg, codes) {
  const extra = [...new Set(codes)].filter((c) => !ianaSet.has(c)).sort((a, b) => a - b);
  assert.deepEqual(extra, PACKAGE_ONLY_CODES[pkg], `${pkg}: codes outside the IANA registry changed`);
  for (const c of extra) assert.equal(byCode.get(c)?.registered, false, `${pkg} defines ${c}: needs a registered:false entry`);
}

function assertNamesResolve(pkg, table /* [name, code][] */) {
  const missing = [];
  for (const [name, code] of table) {
    if (KNOWN_UNALIASED[pkg]?.[name]) continue;
    if (resolveName(name) !== code) missing.push(`${name}=${code} (resolves to ${resolveName(name)})`);
  }
  assert.deepEqual(missing, [], `${pkg}: constant names not resolvable by our aliases`);
}

function assertPhrasesKnown(pkg, table /* [code, phrase][] */) {
  const missing = table.filter(([code, phrase]) => !hasPhrase(code, phrase)).map(([c, p]) => `${c} "${p}"`);
  assert.deepEqual(missing, [], `${pkg}: phrases that are neither our phrase nor an alias`);
}

// =======================================================================================
describe('schema', () => {
  // Strict mode (unknown keywords, types, tuples) except strictRequired: the if/then/else
  // branches require properties declared on the enclosing entry schema, which is valid draft-07.
  const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false };
  test('status-codes.json validates against status-codes.schema.json', () => {
    const ajv = new Ajv(AJV_OPTIONS);
    const validate = ajv.compile(schema);
    const ok = validate(kb);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 10), null, 2));
  });

  test('the schema rejects broken entries (it can fail)', () => {
    const validate = new Ajv(AJV_OPTIONS).compile(schema);
    const clone = () => JSON.parse(JSON.stringify(kb));
    const bad = [
      (d) => {
        delete d.statuses[0].retry;
      },
      (d) => {
        d.statuses[0].class = 'success-ish';
      },
      (d) => {
        d.statuses.find((e) => e.code === 404).headers.required.push({ name: 'X Bad', why: 'x' });
      },
      (d) => {
        d.statuses.find((e) => !e.registered).spec = { rfc: 'RFC 1', url: 'https://x' };
      },
      (d) => {
        delete d.statuses.find((e) => !e.registered).usedBy;
      },
      (d) => {
        d.statuses.find((e) => e.code === 404).summary = 'two\nlines';
      },
      (d) => {
        d.statuses.find((e) => e.code === 200).retry.kind = 'sometimes';
      },
      (d) => {
        delete d.statuses.find((e) => e.code === 401).headers.required[0].strength;
      },
      (d) => {
        delete d.statuses.find((e) => e.code === 401).headers.required[0].source;
      },
      (d) => {
        d.statuses.find((e) => e.code === 401).headers.required[0].strength = 'SHOULD';
      },
      (d) => {
        d.statuses.find((e) => e.code === 429).headers.recommended[0].strength = 'MUST';
      },
      (d) => {
        d.statuses.find((e) => e.code === 429).headers.recommended[0].strength = 'should';
      },
    ];
    for (const mutate of bad) {
      const d = clone();
      mutate(d);
      assert.equal(validate(d), false, `mutation accepted: ${mutate}`);
    }
  });
});

// =======================================================================================
describe('IANA registry coverage', () => {
  test('snapshot metadata matches data/iana-registry.json', () => {
    assert.equal(kb.registrySnapshot, iana.snapshotDate);
    assert.equal(kb.source, iana.source);
    assert.equal(iana.codes.length, 64, 'IANA snapshot should hold 64 assigned values');
    assert.equal(new Set(ianaCodes).size, ianaCodes.length, 'duplicate code in iana-registry.json');
  });

  test('every code appears exactly once', () => {
    const seen = new Map();
    for (const e of entries) seen.set(e.code, (seen.get(e.code) ?? 0) + 1);
    assert.deepEqual(
      [...seen].filter(([, n]) => n > 1),
      [],
    );
  });

  test('registered:true is exactly the IANA set', () => {
    assert.deepEqual(
      registered.map((e) => e.code).sort((a, b) => a - b),
      [...ianaCodes].sort((a, b) => a - b),
    );
    for (const e of unregistered) assert.ok(!ianaSet.has(e.code), `${e.code} is IANA-registered but marked registered:false`);
  });

  test('ianaPhrase is the registry text; phrase too, except documented display phrases', () => {
    // The display phrase drops IANA's annotations; ianaPhrase keeps the text verbatim.
    const DISPLAY = { 104: 'Upload Resumption Supported', 510: 'Not Extended' };
    for (const row of iana.codes) {
      const e = entry(row.code);
      assert.equal(e.ianaPhrase, row.description, `${row.code} ianaPhrase`);
      assert.equal(e.phrase, DISPLAY[row.code] ?? row.description, `${row.code} phrase`);
    }
    assert.equal(entry(413).phrase, 'Content Too Large');
    assert.equal(entry(414).phrase, 'URI Too Long');
    assert.equal(entry(416).phrase, 'Range Not Satisfiable');
    assert.equal(entry(422).phrase, 'Unprocessable Content');
    assert.equal(entry(418).phrase, '(Unused)');
    assert.ok(entry(418).aliases.includes("I'm a teapot"));
  });

  test('spec references agree with the IANA reference column', () => {
    for (const row of iana.codes) {
      const e = entry(row.code);
      const m = /^\[(RFC(\d+)(?:, Section ([\d.]+))?|(draft-[a-z0-9-]+))\]/.exec(row.reference);
      assert.ok(m, `unparsed reference ${row.reference}`);
      if (m[4]) {
        assert.equal(e.spec.rfc, m[4], `${row.code} draft`);
        continue;
      }
      assert.equal(e.spec.rfc, `RFC ${m[2]}`, `${row.code} rfc`);
      if (m[3]) assert.equal(e.spec.section, m[3], `${row.code} section`);
      const anchor = e.spec.section ? `#section-${e.spec.section}` : '';
      assert.equal(e.spec.url, `https://www.rfc-editor.org/rfc/rfc${m[2]}${anchor}`, `${row.code} url`);
    }
  });

  test('registry status: deprecated, unused, obsolete, temporary', () => {
    const expected = { 104: 'temporary', 305: 'deprecated', 306: 'unused', 418: 'unused', 510: 'obsolete' };
    for (const e of registered) assert.equal(e.status, expected[e.code] ?? 'current', `${e.code} status`);
    for (const row of iana.codes) {
      if (/TEMPORARY/.test(row.description)) assert.equal(entry(row.code).status, 'temporary');
      if (/OBSOLETED/.test(row.description)) assert.equal(entry(row.code).status, 'obsolete');
      if (row.description === '(Unused)') assert.equal(entry(row.code).status, 'unused');
    }
  });

  test('unregistered list is exactly the documented one, each with usedBy', () => {
    const expected = [
      210, 419, 420, 440, 444, 449, 450, 456, 460, 463, 494, 495, 496, 497, 498, 499, 509, 520, 521, 522, 523, 524, 525, 526, 527, 529, 530, 598, 599,
    ];
    assert.deepEqual(
      unregistered.map((e) => e.code),
      expected,
    );
    for (const e of unregistered) assert.ok(e.usedBy.length > 0, `${e.code} usedBy`);
    assert.equal(entry(499).phrase, 'Client Closed Request');
    assert.match(entry(499).usedBy[0].by, /nginx/);
    assert.match(
      entry(419)
        .usedBy.map((u) => u.by)
        .join(' '),
      /Laravel/,
    );
  });

  test('file order: registered ascending, then unregistered ascending', () => {
    const codes = entries.map((e) => e.code);
    const want = [...registered.map((e) => e.code).sort((a, b) => a - b), ...unregistered.map((e) => e.code).sort((a, b) => a - b)];
    assert.deepEqual(codes, want);
  });
});

// =======================================================================================
describe('package cross-checks', () => {
  test('statuses: every phrase is our phrase or an alias; extra codes are known', () => {
    const table = Object.entries(statuses.message).map(([c, p]) => [Number(c), p]);
    assert.ok(table.length > 50);
    assertPhrasesKnown('statuses', table);
    assertPackageOnlyCodes(
      'statuses',
      table.map(([c]) => c),
    );
  });

  test('http-status-codes: StatusCodes and legacy names resolve to their values', () => {
    const names = Object.entries(hsc.StatusCodes).filter(([k, v]) => typeof v === 'number' && CONSTANT_NAME.test(k));
    assert.ok(names.length > 50);
    assertNamesResolve('http-status-codes', names);
    const legacy = Object.entries(hsc).filter(([k, v]) => typeof v === 'number' && CONSTANT_NAME.test(k));
    assert.ok(legacy.length > 50);
    assertNamesResolve('http-status-codes', legacy);
    assertPackageOnlyCodes(
      'http-status-codes',
      names.map(([, c]) => c),
    );
  });

  test('http-status-codes: ReasonPhrases keys resolve and values are known phrases', () => {
    const rows = Object.entries(hsc.ReasonPhrases).map(([k, phrase]) => [k, hsc.getStatusCode(phrase), phrase]);
    assert.ok(rows.length > 50);
    assertNamesResolve(
      'http-status-codes',
      rows.map(([k, c]) => [k, c]),
    );
    assertPhrasesKnown(
      'http-status-codes',
      rows.map(([, c, p]) => [c, p]),
    );
  });

  test('NestJS HttpStatus (recorded fixture): every member resolves to its value', () => {
    const members = Object.entries(nest.members);
    assert.ok(members.length > 40);
    for (const [name, code] of [
      ['I_AM_A_TEAPOT', 418],
      ['PAYLOAD_TOO_LARGE', 413],
      ['MISDIRECTED', 421],
      ['EARLYHINTS', 103],
      ['AMBIGUOUS', 300],
    ]) {
      assert.equal(nest.members[name], code, `fixture sanity: ${name}`);
    }
    assertNamesResolve('nest', members);
    assertPackageOnlyCodes(
      'nest',
      members.map(([, c]) => c),
    );
  });

  test('http-status (recorded table): names resolve, phrases known', () => {
    const names = Object.entries(HTTP_STATUS_PKG).map(([k, [c]]) => [k, c]);
    assertNamesResolve('http-status', names);
    const phrases = Object.entries(HTTP_STATUS_PKG)
      .filter(([k]) => !KNOWN_UNALIASED['http-status'][k])
      .map(([, v]) => v);
    assertPhrasesKnown('http-status', phrases);
  });

  test('node:http STATUS_CODES and node:http2 HTTP_STATUS_* constants', () => {
    const table = Object.entries(http.STATUS_CODES).map(([c, p]) => [Number(c), p]);
    assertPhrasesKnown('node:http', table);
    assertPackageOnlyCodes(
      'node:http',
      table.map(([c]) => c),
    );
    const consts = Object.entries(http2.constants).filter(([k]) => k.startsWith('HTTP_STATUS_'));
    assert.ok(consts.length > 50);
    assertNamesResolve('node:http2', consts);
    assertPackageOnlyCodes(
      'node:http2',
      consts.map(([, c]) => c),
    );
  });

  test('per-package `constants` match each package exactly, in both directions', () => {
    const families = {
      'http-status-codes': Object.entries(hsc.StatusCodes).filter(([, v]) => typeof v === 'number'),
      '@nestjs/common': Object.entries(nest.members),
      'http-status': Object.entries(HTTP_STATUS_PKG)
        .filter(([k]) => !KNOWN_UNALIASED['http-status'][k])
        .map(([k, [c]]) => [k, c]),
      'node:http2': Object.entries(http2.constants).filter(([k]) => k.startsWith('HTTP_STATUS_')),
    };
    for (const [family, rows] of Object.entries(families)) {
      const valueOf = new Map(rows);
      for (const [name, code] of rows) {
        const ours = byCode.get(code)?.constants?.[family];
        assert.ok(ours, `${family} defines ${name}=${code}; entry ${code} lacks constants["${family}"]`);
        assert.equal(valueOf.get(ours), code, `${family}: our ${ours} for ${code} is not that package's name`);
      }
      for (const e of entries) {
        const name = e.constants?.[family];
        if (name) assert.equal(valueOf.get(name), e.code, `${e.code}: ${family} has no ${name}=${e.code}`);
      }
    }
    // Every per-package name is also an alias, so resolveConstantName finds it.
    for (const e of entries) {
      for (const name of Object.values(e.constants ?? {})) assert.equal(resolveName(name), e.code, `${e.code}: ${name} not aliased`);
    }
    assert.equal(entry(413).constants['http-status-codes'], 'REQUEST_TOO_LONG');
    assert.equal(entry(413).constants['@nestjs/common'], 'PAYLOAD_TOO_LARGE');
    assert.equal(entry(499).constants['http-status'], 'CLIENT_CLOSED_REQUEST');
  });

  test('constant names are unambiguous and every phrase has its UPPER_SNAKE name', () => {
    const clashes = [...constantClaims].filter(([, codes]) => codes.size > 1).map(([n, codes]) => `${n}: ${[...codes]}`);
    assert.deepEqual(clashes, []);
    for (const e of registered) {
      if (e.status === 'unused') continue;
      const name = upperSnake(e.phrase);
      assert.equal(resolveName(name), e.code, `${e.code}: ${name} should resolve`);
    }
  });

  test('phrases are unambiguous (punctuation-insensitive), except the two "(Unused)" codes', () => {
    const keys = new Map();
    for (const e of entries) {
      for (const t of textsOf(e)) {
        if (CONSTANT_NAME.test(t) && t !== e.phrase) continue;
        const k = t.toLowerCase().replace(/[^a-z0-9]+/g, '');
        if (!keys.has(k)) keys.set(k, new Set());
        keys.get(k).add(e.code);
      }
    }
    const clashes = [...keys].filter(([, s]) => s.size > 1).map(([k, s]) => `${k}: ${[...s]}`);
    assert.deepEqual(clashes, ['unused: 306,418']);
  });

  test('aliases do not repeat the phrase', () => {
    for (const e of entries) {
      // Constant names are compared exactly (CONTINUE vs "Continue" is fine), phrases case-insensitively.
      const key = (t) => (CONSTANT_NAME.test(t) ? t : t.toLowerCase());
      const keys = e.aliases.map(key);
      assert.ok(!keys.includes(key(e.phrase)), `${e.code} alias repeats phrase`);
      assert.equal(new Set(keys).size, keys.length, `${e.code} duplicate alias`);
    }
  });
});

// =======================================================================================
describe('protocol facts', () => {
  const splitResponse = (text) => {
    const i = text.indexOf('\n\n');
    const head = i < 0 ? text : text.slice(0, i);
    const body = i < 0 ? '' : text.slice(i + 2);
    const [statusLine, ...fields] = head.split('\n');
    return { statusLine, fields: fields.map((f) => f.slice(0, f.indexOf(':')).toLowerCase()), body };
  };

  test('class follows the first digit', () => {
    const classes = ['informational', 'success', 'redirection', 'client-error', 'server-error'];
    for (const e of entries) assert.equal(e.class, classes[Math.floor(e.code / 100) - 1], `${e.code}`);
  });

  test('bodyAllowed is false exactly for 1xx, 204, 205 and 304', () => {
    const noBody = registered.filter((e) => !e.bodyAllowed).map((e) => e.code);
    assert.deepEqual(noBody, [100, 101, 102, 103, 104, 204, 205, 304]);
    assert.match(entry(205).bodyNote, /must not generate content/i);
  });

  test('cacheableByDefault is exactly the heuristically cacheable set', () => {
    // RFC 9110 Section 15.1: 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501.
    // Plus 451: RFC 7725 Section 3 makes it cacheable by default as well.
    const cacheable = registered.filter((e) => e.cacheableByDefault).map((e) => e.code);
    assert.deepEqual(cacheable, [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501]);
    for (const e of unregistered) assert.notEqual(e.cacheableByDefault, true, `${e.code}`);
  });

  test('required and recommended headers, each with its strength and source', () => {
    const names = (e, kind) => e.headers[kind].map((h) => h.name);
    const claim = (code, name) => [...entry(code).headers.required, ...entry(code).headers.recommended].find((h) => h.name === name);
    // The strength and section each claim has in its source, read from the RFC text.
    const strengths = {
      101: { Upgrade: 'MUST RFC 9110 15.2.2', Connection: 'MUST RFC 9110 7.8' },
      104: { Location: 'MUST draft-ietf-httpbis-resumable-upload-05 4', 'Upload-Draft-Interop-Version': 'MUST draft-ietf-httpbis-resumable-upload-05 4.2' },
      201: { Location: 'SHOULD RFC 9110 9.3.3' },
      206: { 'Content-Range': 'MUST RFC 9110 15.3.7.1', 'Content-Type': 'MUST RFC 9110 15.3.7.2', ETag: 'MUST RFC 9110 15.3.7' },
      226: { ETag: 'MUST RFC 3229 10.4.1' },
      300: { Location: 'SHOULD RFC 9110 15.4.1' },
      301: { Location: 'SHOULD RFC 9110 15.4.2' },
      302: { Location: 'SHOULD RFC 9110 15.4.3' },
      303: { Location: 'advice RFC 9110 15.4.4' },
      304: { ETag: 'MUST RFC 9110 15.4.5', 'Cache-Control': 'MUST RFC 9110 15.4.5', Vary: 'MUST RFC 9110 15.4.5' },
      307: { Location: 'SHOULD RFC 9110 15.4.8' },
      308: { Location: 'SHOULD RFC 9110 15.4.9' },
      401: { 'WWW-Authenticate': 'MUST RFC 9110 15.5.2' },
      405: { Allow: 'MUST RFC 9110 15.5.6' },
      407: { 'Proxy-Authenticate': 'MUST RFC 9110 15.5.8' },
      408: { Connection: 'SHOULD RFC 9112 9.6' },
      413: { 'Retry-After': 'SHOULD RFC 9110 15.5.14' },
      415: { Accept: 'advice RFC 9110 15.5.16', 'Accept-Encoding': 'advice RFC 9110 15.5.16', 'Accept-Patch': 'SHOULD RFC 5789 2.2' },
      416: { 'Content-Range': 'SHOULD RFC 9110 15.5.17' },
      426: { Upgrade: 'MUST RFC 9110 15.5.22', Connection: 'MUST RFC 9110 7.8' },
      429: { 'Retry-After': 'MAY RFC 6585 4' },
      451: { Link: 'SHOULD RFC 7725 4' },
      503: { 'Retry-After': 'MAY RFC 9110 15.6.4' },
    };
    for (const [code, fields] of Object.entries(strengths)) {
      for (const [name, want] of Object.entries(fields)) {
        const h = claim(Number(code), name);
        assert.ok(h, `${code} has no ${name} claim`);
        assert.equal([h.strength, h.source.rfc, h.source.section].filter(Boolean).join(' '), want, `${code} ${name}`);
      }
    }
    // Conditional requirements say when they apply.
    for (const [code, name] of [
      [104, 'Location'],
      [206, 'Content-Range'],
      [206, 'Content-Type'],
      [206, 'ETag'],
      [304, 'ETag'],
      [201, 'Location'],
      [413, 'Retry-After'],
      [416, 'Content-Range'],
    ]) {
      assert.ok(claim(code, name).when, `${code} ${name} needs its condition`);
    }
    for (const e of registered) {
      // required means MUST, and every MUST is required: a SHOULD is never presented as a requirement.
      for (const h of e.headers.required) assert.equal(h.strength, 'MUST', `${e.code} requires ${h.name} but its source says ${h.strength}`);
      for (const h of e.headers.recommended)
        assert.ok(['SHOULD', 'MAY', 'advice'].includes(h.strength), `${e.code} recommends ${h.name} with strength ${h.strength}`);
      for (const h of [...e.headers.required, ...e.headers.recommended]) {
        assert.ok(h.source?.rfc, `${e.code} ${h.name} has no source`);
        // A keyword is quoted from a section; advice may point at a whole document (an Internet-Draft).
        if (h.strength !== 'advice') assert.ok(h.source.section, `${e.code} ${h.name}: ${h.strength} needs the section that says it`);
      }
      const req = names(e, 'required').map((n) => n.toLowerCase());
      const rec = names(e, 'recommended').map((n) => n.toLowerCase());
      assert.deepEqual(
        req.filter((n) => rec.includes(n)),
        [],
        `${e.code}: header both required and recommended`,
      );
    }
    assert.ok(!names(entry(201), 'required').includes('Location'), '201 Location is a SHOULD, not required');
    for (const c of [301, 302, 303, 307, 308, 416]) assert.deepEqual(names(entry(c), 'required'), [], `${c}: nothing is a MUST`);
    assert.ok(names(entry(429), 'recommended').includes('RateLimit') && names(entry(429), 'recommended').includes('RateLimit-Policy'));
    assert.ok(names(entry(103), 'recommended').includes('Link'));
  });

  test('dated facts: where 308 came from, how long Cloudflare waits before a 524', () => {
    // RFC 9110 §15.4.9 (June 2014) and RFC 7538's header: 308 began in the experimental RFC 7238, which RFC 7538 obsoletes.
    assert.match(entry(308).description, /RFC 7238.*RFC 7538/);
    // Cloudflare's Proxy Read Timeout is 120 s by default (developers.cloudflare.com, Connection limits and Error 524).
    assert.match(entry(524).usedBy[0].meaning, /\b120 seconds\b/);
    // draft-ietf-httpbis-resumable-upload-05 §4: Location in the first 104, and §4.2: the interop version in each.
    const ex104 = splitResponse(entry(104).example.response).fields;
    assert.ok(ex104.includes('location') && ex104.includes('upload-draft-interop-version'), '104 example');
  });

  test('registry status and MDN pages', () => {
    const noMdn = registered.filter((e) => !e.mdn).map((e) => e.code);
    assert.deepEqual(noMdn, [104, 305, 306]);
    for (const e of registered) if (e.mdn) assert.ok(e.mdn.endsWith(`/Status/${e.code}`), `${e.code} mdn`);
  });

  test('retry advice', () => {
    const kind = (c) => entry(c).retry.kind;
    assert.equal(kind(429), 'after-retry-after');
    assert.equal(kind(503), 'after-retry-after');
    for (const c of [500, 502, 504]) assert.equal(kind(c), 'idempotent-only', `${c}`);
    for (const c of [408, 421]) assert.equal(kind(c), 'new-connection', `${c}`);
    for (const c of [403, 404, 410, 501]) assert.equal(kind(c), 'never', `${c}`);
    for (const c of [400, 401, 409, 412, 413, 422]) assert.equal(kind(c), 'with-changes', `${c}`);
    for (const e of registered) {
      if (e.code < 400) assert.equal(e.retry.kind, 'not-applicable', `${e.code}`);
      else assert.notEqual(e.retry.kind, 'not-applicable', `${e.code}`);
    }
  });

  test('confusedWith: targets exist, required pairs present, registered pairs symmetric', () => {
    for (const e of entries) {
      for (const c of e.confusedWith ?? []) {
        assert.ok(byCode.has(c.code), `${e.code} -> unknown ${c.code}`);
        assert.notEqual(c.code, e.code, `${e.code} confused with itself`);
      }
    }
    const lists = (a, b) => (entry(a).confusedWith ?? []).some((c) => c.code === b);
    const pairs = [
      [401, 403],
      [400, 422],
      [404, 410],
      [301, 308],
      [302, 307],
      [302, 303],
      [303, 307],
      [500, 502],
      [500, 503],
      [500, 504],
      [502, 503],
      [502, 504],
      [503, 504],
      [200, 201],
      [200, 204],
      [201, 204],
      [409, 412],
    ];
    for (const [a, b] of pairs) {
      assert.ok(lists(a, b), `${a} should list ${b}`);
      assert.ok(lists(b, a), `${b} should list ${a}`);
    }
    for (const e of registered) {
      for (const c of e.confusedWith) {
        if (entry(c.code).registered) assert.ok(lists(c.code, e.code), `${c.code} should list ${e.code} back`);
      }
    }
  });

  test('examples: status line, required headers, no body where forbidden', () => {
    // 208 and 424 only occur inside a 207 multistatus body, so their examples are 207 responses.
    const IN_MULTISTATUS = new Set([208, 424]);
    for (const e of registered) {
      if (!e.example) {
        assert.ok(['unused', 'obsolete'].includes(e.status), `${e.code} needs an example`);
        continue;
      }
      const { statusLine, fields, body } = splitResponse(e.example.response);
      if (IN_MULTISTATUS.has(e.code)) {
        assert.match(statusLine, /^HTTP\/1\.1 207 /);
        assert.ok(body.includes(`HTTP/1.1 ${e.code} ${e.phrase}`), `${e.code} example body`);
        continue;
      }
      const m = /^HTTP\/1\.1 (\d{3}) (.+)$/.exec(statusLine);
      assert.ok(m, `${e.code} status line`);
      assert.equal(Number(m[1]), e.code, `${e.code} example status`);
      assert.ok(hasPhrase(e.code, m[2]), `${e.code} example phrase "${m[2]}"`);
      // Unconditional requirements are in every example; conditional ones only when their case is shown.
      for (const h of e.headers.required) if (!h.when) assert.ok(fields.includes(h.name.toLowerCase()), `${e.code} example lacks ${h.name}`);
      if (!e.bodyAllowed) assert.equal(body, '', `${e.code} example must not have a body`);
    }
  });

  test('texts are substantial and single-line where they should be', () => {
    for (const e of entries) {
      assert.ok(e.summary.length >= 20 && e.summary.length <= 160, `${e.code} summary length ${e.summary.length}`);
      assert.ok(e.description.length >= 80, `${e.code} description too short`);
    }
    for (const e of registered) {
      if (e.status === 'current') assert.ok(e.useWhen.length > 0, `${e.code} useWhen`);
      assert.ok(e.avoidWhen.length > 0, `${e.code} avoidWhen`);
    }
  });
});

// =======================================================================================
describe('statusData.ts loader', () => {
  // Bundle the TypeScript module (and the JSON it imports) into a temp file, independent of the
  // project build. Each test awaits the same promise, so a build error fails every test visibly.
  let dir;
  after(() => dir && rmSync(dir, { recursive: true, force: true }));
  let loading;
  const load = () =>
    (loading ??= (async () => {
      dir = mkdtempSync(join(tmpdir(), 'status-hints-kb-'));
      const outfile = join(dir, 'statusData.mjs');
      await esbuild.build({
        entryPoints: [root + 'server/src/knowledge/statusData.ts'],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        logLevel: 'silent',
      });
      return import(pathToFileURL(outfile).href);
    })());

  test('getStatus / allStatuses / isRegistered / phraseOf', async () => {
    const sd = await load();
    assert.equal(sd.getStatus(404).phrase, 'Not Found');
    assert.equal(sd.getStatus(499).registered, false);
    assert.equal(sd.getStatus(299), undefined);
    assert.equal(sd.getStatus(404.5), undefined);
    const all = sd.allStatuses();
    assert.equal(all.length, entries.length);
    assert.deepEqual(
      all.map((e) => e.code),
      entries.map((e) => e.code),
    );
    assert.deepEqual(sd.getStatus(460).useWhen, [], 'optional arrays are normalised');
    assert.equal(sd.isRegistered(418), true);
    assert.equal(sd.isRegistered(499), false);
    assert.equal(sd.isRegistered(509), false);
    assert.equal(sd.isRegistered(299), false);
    assert.equal(sd.phraseOf(413), 'Content Too Large');
    assert.equal(sd.phraseOf(510), 'Not Extended');
    assert.equal(sd.phraseOf(999), undefined);
    assert.equal(sd.statusClassOf(299), 'success');
    assert.equal(sd.statusClassOf(99), undefined);
    assert.equal(sd.REGISTRY_SNAPSHOT, kb.registrySnapshot);
    assert.deepEqual(sd.constantNamesOf(413).slice(0, 3), ['REQUEST_TOO_LONG', 'PAYLOAD_TOO_LARGE', 'REQUEST_ENTITY_TOO_LARGE']);
    assert.ok(sd.constantNamesOf(413).includes('CONTENT_TOO_LARGE'));
    assert.deepEqual(sd.constantNamesOf(200), ['OK']);
    for (const e of entries) {
      const names = sd.constantNamesOf(e.code);
      assert.equal(new Set(names).size, names.length, `${e.code} duplicate constant names`);
      for (const n of names) assert.equal(sd.resolveConstantName(n), e.code, `${e.code}: ${n}`);
    }
    assert.equal(sd.constantNameIn(413, 'http-status-codes'), 'REQUEST_TOO_LONG');
    assert.equal(sd.constantNameIn(413, '@nestjs/common'), 'PAYLOAD_TOO_LARGE');
    assert.equal(sd.constantNameIn(413, 'http-status'), 'REQUEST_ENTITY_TOO_LARGE');
    assert.equal(sd.constantNameIn(418, 'http2'), 'HTTP_STATUS_TEAPOT');
    assert.equal(sd.constantNameIn(425, '@nestjs/common'), undefined);
    assert.equal(sd.constantNameIn(999, 'http-status'), undefined);
  });

  test('resolveConstantName', async () => {
    const sd = await load();
    const cases = {
      'StatusCodes.NOT_FOUND': 404,
      NOT_FOUND: 404,
      MOVED_TEMPORARILY: 302,
      REQUEST_TOO_LONG: 413,
      UNPROCESSABLE_ENTITY: 422,
      'HttpStatus.I_AM_A_TEAPOT': 418,
      PAYLOAD_TOO_LARGE: 413,
      MISDIRECTED: 421,
      EARLYHINTS: 103,
      AMBIGUOUS: 300,
      'httpStatus.NOT_FOUND': 404,
      "httpStatus['GONE']": 410,
      'http2.constants.HTTP_STATUS_TEAPOT': 418,
      HTTP_STATUS_TOO_EARLY: 425,
      'httpStatus.extra.nginx.CLIENT_CLOSED_REQUEST': 499,
      OK: 200,
      'HttpStatus.CONTENT_DIFFERENT': 210,
    };
    for (const [name, code] of Object.entries(cases)) assert.equal(sd.resolveConstantName(name), code, name);
    for (const name of ['not_found', 'NotFound', 'FOO_BAR', '', 'HTTP_STATUS_', 'REDIRECT', 'CHECKPOINT']) {
      assert.equal(sd.resolveConstantName(name), undefined, name);
    }
    for (const [name, code] of Object.entries(nest.members)) assert.equal(sd.resolveConstantName(`HttpStatus.${name}`), code, name);
    for (const [name, code] of Object.entries(hsc.StatusCodes)) {
      if (typeof code === 'number') assert.equal(sd.resolveConstantName(`StatusCodes.${name}`), code, name);
    }
    for (const [name, code] of Object.entries(http2.constants)) {
      if (name.startsWith('HTTP_STATUS_')) assert.equal(sd.resolveConstantName(`constants.${name}`), code, name);
    }
  });

  test('resolveReasonPhrase', async () => {
    const sd = await load();
    const cases = {
      'ReasonPhrases.NOT_FOUND': 404,
      'not found': 404,
      'Payload Too Large': 413,
      'Request Entity Too Large': 413,
      "I'm a Teapot": 418,
      'i’m a teapot': 418,
      'Request-URI Too Long': 414,
      'Multi Status': 207,
      'multi-status': 207,
      REQUEST_TOO_LONG: 413,
      'ReasonPhrases.REQUEST_TOO_LONG': 413,
      OK: 200,
      'Not Extended (OBSOLETED)': 510,
      'Client Closed Request': 499,
      '  Gateway Time-out ': 504,
    };
    for (const [phrase, code] of Object.entries(cases)) assert.equal(sd.resolveReasonPhrase(phrase), code, phrase);
    for (const phrase of ['(Unused)', '', 'Not a status', 'Teapot']) assert.equal(sd.resolveReasonPhrase(phrase), undefined, phrase);
    for (const [code, phrase] of Object.entries(statuses.message)) assert.equal(sd.resolveReasonPhrase(phrase), Number(code), phrase);
    for (const [key, phrase] of Object.entries(hsc.ReasonPhrases)) {
      assert.equal(sd.resolveReasonPhrase(phrase), hsc.getStatusCode(phrase), phrase);
      assert.equal(sd.resolveReasonPhrase(`ReasonPhrases.${key}`), hsc.getStatusCode(phrase), key);
    }
  });
});
