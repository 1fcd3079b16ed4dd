// A big file costs what its pieces cost: the work of every step after parsing grows with the file,
// never with the file times its sites. Measured without a clock: the same handlers are checked in N
// and in 4N copies, and the work counted must grow about 4 times, not 16. Counted: entries read from
// the site and send lists, position and text requests to syntax nodes, and characters scanned by
// string and regular-expression searches (what a per-site scan of the file, its list of sends or its
// statements spends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, settings } from '../helpers/analysis.mjs';

const COPIES = 16;
/**
 * Linear work grows 4x, and about 5x with the binary searches of position look-ups (n log n); a scan
 * of the file, its sends or its statements for each site grows up to 16x.
 */
const MAX_GROWTH = 6;

/** One copy of each kind of handler; `$` makes names unique per copy, as in a real file. */
const EXPRESS = `
router.post('/orders$', async (req, res) => {
  const order = await Order.create(req.body);
  res.status(201).json(order);
});

router.get('/orders$/:id', async (req, res) => {
  if (!req.user) {
    return res.status(403).json({ error: 'login required' });
  }
  const order = await Order.findById(req.params.id);
  if (!order) {
    res.status(404).json({ error: 'not found' });
  }
  res.json(order);
});

router.delete('/orders$/:id', async (req, res) => {
  const used = await quota.increment(req.ip);
  if (used > 10) {
    return res.status(503).json({ error: 'Too many requests' });
  }
  if (!req.params.id) {
    res.status(400);
    return;
  }
  await Order.deleteOne({ id: req.params.id });
  res.status(200).end();
});

router.put('/orders$/:id', async (req, res) => {
  try {
    res.json(await Order.update(req.params.id, req.body));
  } catch (err) {
    res.status(500).json({ error: MESSAGES.internal, requestId: req.id });
  }
});
`;

const NEST = `
@Controller('widgets$')
export class Widget$Controller {
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return { deleted: id };
  }

  @Get(':id')
  // status-hints-disable-next-line unregistered-status-code
  @HttpCode(299)
  find(@Param('id') id: string) {
    return { id };
  }
}
`;

const NODE_HTTP = `
function createGadget$(req, res) {
  res.statusCode = 201;
  res.end(JSON.stringify({ ok: true }));
}

function dispatch$(req, res) {
  if (req.method === 'POST') createGadget$(req, res);
}
`;

const HEADER = "import express from 'express';\nimport { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';\nconst router = express.Router();\n";

function fileOf(copies) {
  let text = HEADER;
  for (let i = 0; i < copies; i++) text += [EXPRESS, NEST, NODE_HTTP].join('').replaceAll('$', String(i));
  return text;
}

/** Counts work while `on`: list reads, node position/text requests, characters searched. */
const work = { on: false, listReads: 0, nodeCalls: 0, charsScanned: 0 };

function countingList(list) {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (work.on && typeof key === 'string' && key !== 'length' && Number.isInteger(Number(key))) work.listReads++;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Wrap `obj[name]` so that while counting, each call adds `cost(this, args, result)`. */
function patch(obj, name, cost, into) {
  const original = obj[name];
  obj[name] = function (...args) {
    const result = original.apply(this, args);
    if (work.on) work[into] += cost(this, args, result);
    return result;
  };
  return () => {
    obj[name] = original;
  };
}

/** Every kind of syntax node object in a tree (nodes, tokens, identifiers, the source file). */
function nodePrototypes(sf) {
  const protos = new Set();
  const seen = new Set();
  const visit = (n) => {
    if (!n || typeof n !== 'object' || seen.has(n)) return;
    seen.add(n);
    if (typeof n.kind === 'number' && typeof n.pos === 'number') {
      for (let p = Object.getPrototypeOf(n); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) protos.add(p);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && key !== 'original') visit(value);
  };
  visit(sf);
  return protos;
}

/** RegExp exec (behind test, match, matchAll, replace, split): the characters from where it starts to the end of its match. */
function patchExec() {
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function (input) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const result = original.call(this, input);
    if (work.on) work.charsScanned += (result ? result.index + result[0].length : String(input).length) - Math.min(from, String(input).length);
    return result;
  };
  return () => {
    RegExp.prototype.exec = original;
  };
}

function installCounters(sf) {
  const restore = [];
  for (const proto of nodePrototypes(sf)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (/^get[A-Z]/.test(name) && typeof proto[name] === 'function') restore.push(patch(proto, name, () => 1, 'nodeCalls'));
    }
  }
  const from = (args, i, fallback) => (typeof args[i] === 'number' ? Math.max(0, Math.trunc(args[i])) : fallback);
  restore.push(
    patch(String.prototype, 'indexOf', (s, args, r) => (r < 0 ? s.length : r + String(args[0]).length) - Math.min(from(args, 1, 0), s.length), 'charsScanned'),
    patch(String.prototype, 'includes', (s, args) => s.length - Math.min(from(args, 1, 0), s.length), 'charsScanned'),
    patch(String.prototype, 'lastIndexOf', (s, args, r) => Math.min(from(args, 1, s.length), s.length) - Math.max(r, 0), 'charsScanned'),
    patchExec(),
  );
  return () => restore.forEach((r) => r());
}

/** The work of analysing, running the rules and choosing fixes for `text`, by step. */
function measure(text) {
  const file = 'routes.ts';
  const sf = api.parseText(file, text);
  // The file's top-level statements: a walk from the root for each site reads them all each time.
  sf.statements = countingList(sf.statements);
  const restore = installCounters(sf);
  try {
    const steps = {};
    const count = (name, fn) => {
      Object.assign(work, { listReads: 0, nodeCalls: 0, charsScanned: 0, on: true });
      const result = fn();
      work.on = false;
      steps[name] = { listReads: work.listReads, nodeCalls: work.nodeCalls, charsScanned: work.charsScanned };
      return result;
    };
    const analysis = count('analysis', () => api.analyzeSourceFile(sf));
    const counted = { ...analysis, sites: countingList(analysis.sites), sends: countingList(analysis.sends) };
    // Rule by rule, so that one rule's per-site scan is not lost in the others' linear work.
    const ctx = { text, fileName: file, analysis: counted, sites: counted.sites, settings: settings() };
    for (const rule of api.rules) count(`rule ${rule.id}`, () => rule.check(ctx));
    const run = api.runRules(analysis, text, file, settings());
    // Fix-all compares each chosen edit with the others: count its reads of the edits it holds.
    const findings = run.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => ({ ...x, edits: countingList(x.edits.map((e) => countingObject(e))) })) }));
    count('fix selection', () => api.preferredNonOverlappingEdits(findings));
    return { steps, findings: run.findings, suppressed: run.suppressed };
  } finally {
    restore();
  }
}

function countingObject(o) {
  return new Proxy(o, {
    get(target, key, receiver) {
      if (work.on) work.listReads++;
      return Reflect.get(target, key, receiver);
    },
  });
}

test('checking 4x the handlers costs about 4x the work, step by step (no per-site scan of the file)', () => {
  const small = measure(fileOf(COPIES));
  const big = measure(fileOf(4 * COPIES));
  // The handlers reach the rules' per-site look-ups: each of these rules reports on them.
  const rulesHit = new Set(small.findings.map((f) => f.ruleId));
  for (const id of [
    'created-without-location',
    'auth-status-mismatch',
    'response-sent-twice',
    'status-not-sent',
    'rate-limit-should-be-429',
    'missing-retry-after',
    'body-with-no-content-status',
    'empty-success-should-be-204',
  ]) {
    assert.ok(rulesHit.has(id), `the handlers fire ${id}`);
  }
  assert.equal(big.findings.length, 4 * small.findings.length, 'each copy has the same findings');
  assert.equal(big.suppressed.length, 4 * small.suppressed.length, 'each copy has the same suppressed finding');
  assert.ok(small.suppressed.length > 0, 'the suppression comments are read');
  for (const [step, counts] of Object.entries(small.steps)) {
    for (const [what, n] of Object.entries(counts)) {
      if (n === 0) continue;
      const growth = big.steps[step][what] / n;
      assert.ok(growth <= MAX_GROWTH, `${step}: ${what} grew ${growth.toFixed(1)}x for 4x the handlers (${n} → ${big.steps[step][what]})`);
    }
  }
});
