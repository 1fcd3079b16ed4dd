// Rule options (analysis/options.ts): each declared once by the rules that read it, and the user's
// value checked against the declaration's schema. What the user sees: a good value reaches the rules,
// a bad one is ignored with a problem that says what was expected, and the default stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../helpers/analysis.mjs';

const sanitize = (raw) => api.sanitizeSettings(raw, api.ruleIds);
const defaults = api.DEFAULT_SETTINGS;

/** For one option: the values kept (as the rules read them) and the values refused (with the problem). */
function checkOption(key, { kept, refused, problem }) {
  for (const [given, read] of kept) {
    const r = sanitize({ [key]: given });
    assert.deepEqual(r.problems, [], `${key}: ${JSON.stringify(given)} is accepted`);
    assert.deepEqual(r.settings[key], read, `${key}: ${JSON.stringify(given)} is read as ${JSON.stringify(read)}`);
  }
  for (const given of refused) {
    const r = sanitize({ [key]: given });
    assert.deepEqual(
      r.details,
      [{ path: [key], message: typeof problem === 'function' ? problem(given) : problem }],
      `${key}: ${JSON.stringify(given)} is refused`,
    );
    assert.deepEqual(r.settings[key], defaults[key], `${key}: ${JSON.stringify(given)} leaves the default`);
  }
}

test('a choice (validationStatus): one of the declared values is kept, another is refused naming what it got', () => {
  checkOption('validationStatus', {
    kept: [
      [422, 422],
      [400, 400],
      ['422', 422],
    ],
    refused: [401, '401', 'unprocessable', null, [422]],
    problem: (got) => `expected 400 or 422, got ${JSON.stringify(got)}`,
  });
});

test('a whole number in a range (retryAfterSeconds): in range is kept, out of range or fractional is refused', () => {
  checkOption('retryAfterSeconds', {
    kept: [
      [0, 0],
      [120, 120],
      [604800, 604800],
      ['30', 30],
    ],
    refused: [-1, 604801, 1.5, 'soon', true, null],
    problem: 'expected a whole number of seconds (0 to 604800)',
  });
});

test('a string with a pattern (wwwAuthenticateScheme): a token is kept, anything a header cannot carry is refused', () => {
  checkOption('wwwAuthenticateScheme', {
    kept: [
      ['Basic', 'Basic'],
      ['DPoP', 'DPoP'],
      ['Bearer', 'Bearer'],
    ],
    refused: ['', 'Bearer token', '"Basic"', 'Basic\r\nX-Evil: 1', 42],
    problem: 'expected an auth scheme token such as "Bearer" or "Basic"',
  });
});

test('a list of whole numbers (allowedUnregisteredCodes): every item in range is kept, one bad item refuses the list', () => {
  checkOption('allowedUnregisteredCodes', {
    kept: [
      [[499], [499]],
      [
        [499, 420],
        [499, 420],
      ],
      [[], []],
      [['499'], [499]],
    ],
    refused: [[499, 9999], [499.5], 499, ['x'], { 499: true }],
    problem: 'expected an array of status codes (100 to 599), e.g. [499]',
  });
  // Each sanitised settings object has its own list: changing one leaves the defaults alone.
  const { settings } = sanitize({ preset: 'strict' });
  settings.allowedUnregisteredCodes.push(420);
  assert.deepEqual(defaults.allowedUnregisteredCodes, []);
});

test('the value a rule reads is the sanitised one: a refused value leaves the rule on its default', () => {
  const code = `app.get('/x', (req, res) => res.status(429).json({ error: 'Too many requests' }));`;
  const fixTitle = (raw) => api.analyzeText(code, 'x.js', sanitize(raw).settings).findings.find((f) => f.ruleId === 'missing-retry-after')?.fixes[0]?.title;
  assert.equal(fixTitle({ retryAfterSeconds: 5 }), 'Add Retry-After: 5');
  assert.equal(fixTitle({ retryAfterSeconds: -5 }), 'Add Retry-After: 60');
});

test('a declaration without its own wording: the problem says what the schema accepts', () => {
  const cases = [
    [{ type: 'integer', minimum: 1, maximum: 10 }, 5, 11, 'expected a whole number (1 to 10)'],
    [{ type: 'array', items: { type: 'integer', minimum: 1, maximum: 5 } }, [], [6], 'expected an array of whole numbers (1 to 5)'],
    [{ type: 'string', pattern: '^a+$' }, 'aa', 'b', 'expected a string matching /^a+$/'],
    [{ type: 'string', enum: ['x', 'y', 'z'] }, 'x', 'w', 'expected "x", "y" or "z", got "w"'],
  ];
  for (const [schema, good, bad, problem] of cases) {
    const option = api.defineOption({ schema, default: good, description: 'A made-up option.' });
    assert.deepEqual(api.readOption(option, good), { value: good });
    assert.deepEqual(api.readOption(option, bad), { problem });
  }
  assert.throws(
    () => api.defineOption({ schema: { type: 'integer', minimum: 1, maximum: 10 }, default: 0, description: 'x' }),
    /option default 0: expected a whole number \(1 to 10\)/,
  );
});

test('an option read by several rules is declared once; its settings entry names every rule that reads it', () => {
  const byKey = new Map(api.ruleOptions.map((o) => [o.key, o]));
  assert.deepEqual([...byKey.keys()], ['allowedUnregisteredCodes', 'retryAfterSeconds', 'validationStatus', 'wwwAuthenticateScheme']);
  assert.deepEqual(byKey.get('retryAfterSeconds').ruleIds, ['missing-retry-after', 'rate-limit-should-be-429']);
  assert.deepEqual(byKey.get('wwwAuthenticateScheme').ruleIds, ['auth-status-mismatch', 'missing-required-header']);
  for (const rule of api.rules) {
    for (const [key, declaration] of Object.entries(rule.options))
      assert.equal(declaration, byKey.get(key).declaration, `${rule.id}: ${key} is the shared declaration`);
  }
  const decl = (d = 60) => api.defineOption({ schema: { type: 'integer', minimum: 0, maximum: 100 }, default: d, description: 'x' });
  const shared = decl();
  assert.equal(
    api.optionsOf([
      { id: 'a', options: { delay: shared } },
      { id: 'b', options: { delay: shared } },
    ]).length,
    1,
  );
  assert.throws(
    () =>
      api.optionsOf([
        { id: 'a', options: { delay: decl() } },
        { id: 'b', options: { delay: decl(30) } },
      ]),
    /b: option delay is declared again \(first by a\)/,
  );
  assert.throws(
    () =>
      api.optionsOf([
        { id: 'a', options: { delay: shared } },
        { id: 'b', options: { wait: shared } },
      ]),
    /one declaration under two keys/,
  );
  assert.throws(() => api.optionsOf([{ id: 'a', options: { preset: decl() } }], ['preset']), /a: option preset is the name of a setting/);
});

test("the defaults are the declarations' defaults", () => {
  for (const { key, declaration } of api.ruleOptions) assert.deepEqual(defaults[key], declaration.default, key);
});
