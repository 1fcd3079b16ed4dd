// Entry point of the extension-host tests (same contract as @vscode/test-electron: export run()).
// Loaded by code-server's extension host through the `extensionTestsPath` of the test payload;
// test/e2e/run.mjs passes settings through `extensionEnvironment`:
//   STATUS_HINTS_E2E_MOCHA   folder of the mocha package to use (repo devDependency or cache copy)
//   STATUS_HINTS_E2E_RESULT  JSON file that receives { passed: [...], failed: [...], summary }
//   STATUS_HINTS_E2E_GREP    optional mocha --grep
const fs = require('fs');
const path = require('path');

exports.run = function run() {
  const Mocha = require(process.env.STATUS_HINTS_E2E_MOCHA || 'mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.STATUS_HINTS_E2E_GREP) mocha.grep(process.env.STATUS_HINTS_E2E_GREP);
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  const res = { passed: [], failed: [], running: null, done: false };
  const out = process.env.STATUS_HINTS_E2E_RESULT;
  // written after every test, so that run.mjs still knows what passed if the run hangs
  const save = () => out && fs.writeFileSync(out, JSON.stringify(res, null, 2));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      res.done = true;
      res.running = null;
      res.summary = `${res.passed.length} passed, ${res.failed.length} failed`;
      save();
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('test', (t) => {
      res.running = t.fullTitle();
      save();
    });
    runner.on('pass', (t) => {
      res.passed.push({ title: t.fullTitle(), ms: t.duration });
      save();
    });
    runner.on('fail', (t, err) => {
      res.failed.push({ title: t.fullTitle(), error: String((err && err.stack) || err) });
      save();
    });
  });
};
