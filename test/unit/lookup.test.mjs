// The command-palette lookup's search (server/src/knowledge/lookup.ts, bundled in memory): what the
// QuickPick lists, in order, for what a developer types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

const bundle = await esbuild.build({
  entryPoints: [new URL('../../server/src/knowledge/lookup.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  logLevel: 'silent',
});
const lookup = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const codes = (text) => lookup.lookupStatuses(text).map((e) => e.code);

test('an exact number lists that code first, and only it', () => {
  assert.deepEqual(codes('404'), [404]);
  assert.deepEqual(codes(' 429 '), [429]);
});

test('a number prefix lists the codes it starts, registered before unregistered, ascending', () => {
  const four = codes('4');
  assert.equal(four[0], 400);
  assert.ok(four.every((c) => c >= 400 && c < 500));
  assert.ok(four.includes(418) && four.includes(499));
  const firstUnregistered = four.indexOf(419);
  assert.ok(firstUnregistered > four.indexOf(451), 'registered 451 before unregistered 419');
  assert.deepEqual(codes('40'), [400, 401, 402, 403, 404, 405, 406, 407, 408, 409]);
  assert.deepEqual(codes('50').slice(0, 3), [500, 501, 502]);
});

test('words match the phrase: "not found" is 404 and little else', () => {
  const found = codes('not found');
  assert.equal(found[0], 404);
  assert.ok(found.length <= 5, `few rows for "not found": ${found}`);
  assert.deepEqual(codes('Too Many'), [429]);
  assert.equal(codes('gateway')[0], 502);
});

test('words match aliases and older phrases', () => {
  assert.deepEqual(codes('teapot'), [418]);
  assert.deepEqual(codes("I'm a teapot"), [418]);
  assert.deepEqual(codes('payload too large'), [413]);
  assert.equal(codes('moved temporarily')[0], 302);
});

test('constant names match, with or without underscores', () => {
  assert.deepEqual(codes('UNPROCESSABLE_ENTITY'), [422]);
  assert.deepEqual(codes('unprocessable entity'), [422]);
  assert.equal(codes('NOT_FOUND')[0], 404);
  assert.equal(codes('REQUEST_TOO_LONG')[0], 413);
});

test('words match the summary when no name does: "rate" finds 429', () => {
  const rate = codes('rate');
  assert.equal(rate[0], 429);
  assert.ok(rate.length <= 5, String(rate));
});

test('a word inside a name: "auth" finds 401 Unauthorized', () => {
  assert.ok(codes('auth').includes(401));
});

test('who uses an unregistered code: "nginx", "cloudflare"', () => {
  assert.ok(codes('nginx').includes(499));
  assert.ok(codes('cloudflare').includes(522));
  assert.deepEqual(codes('arcgis'), [498, 499]);
  assert.deepEqual(codes('laravel'), [419]);
});

test('class prefixes filter: "4xx", "5xx gateway", "2XX"', () => {
  const fourxx = codes('4xx');
  assert.equal(fourxx.length, codes('4').length);
  assert.ok(fourxx.every((c) => c >= 400 && c < 500));
  assert.deepEqual(codes('5xx gateway'), [502, 504]);
  assert.deepEqual(codes('gateway 5xx'), [502, 504]);
  assert.ok(codes('2XX').every((c) => c >= 200 && c < 300));
  assert.deepEqual(lookup.parseQuery('4xx rate'), { text: 'rate', classFilter: '4xx' });
  assert.deepEqual(
    lookup.searchStatuses({ text: 'gateway', classFilter: '5xx' }).map((e) => e.code),
    [502, 504],
  );
  assert.deepEqual(lookup.searchStatuses({ text: 'gateway', classFilter: '4xx' }), []);
});

test('ranking: registered before unregistered, current before retired, then ascending', () => {
  const five = codes('5');
  assert.ok(five.indexOf(511) < five.indexOf(510), '510 is obsolete');
  assert.ok(five.indexOf(510) < five.indexOf(509), '509 is unregistered');
  const request = codes('request');
  assert.equal(request[0], 400, 'phrase matches before alias matches');
  assert.ok(request.indexOf(429) < request.indexOf(413), '413 matches only its old name "Request Entity Too Large"');
});

test('an empty query lists every code: registered ascending, then unregistered', () => {
  const all = codes('');
  assert.equal(all[0], 100);
  assert.ok(all.indexOf(511) < all.indexOf(210), 'unregistered 210 comes after all registered codes');
  assert.equal(new Set(all).size, all.length);
});

test('nothing matches nonsense', () => {
  assert.deepEqual(codes('zzqx'), []);
  assert.deepEqual(codes('4044'), []);
});
