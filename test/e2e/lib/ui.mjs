// UI tests: playwright-core drives the real workbench (code-server in Debian chromium) the way a user
// does: hover, Problems panel, quick-fix menu (Ctrl+.), command palette lookup. Each check is
// independent, waits on DOM conditions with deadlines, and takes a screenshot (docs/images with
// --screenshots, else the run folder).
import path from 'node:path';
import { launch } from './browser.mjs';
import { log, waitFor } from './util.mjs';

const RULE = 'error-in-success-response';
const FILE = 'routes.js';

/** Open a workspace file through the Explorer (no file search involved: robust on a loaded machine). */
async function openFile(page, rel) {
  const parts = rel.split('/');
  const base = parts.pop();
  const row = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
  for (const dir of parts) {
    await row(dir).waitFor({ timeout: 60_000 });
    if ((await row(dir).getAttribute('aria-expanded')) !== 'true') await row(dir).click();
  }
  await row(base).click({ timeout: 60_000 });
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: 60_000 });
  await page.locator('.editor-group-container.active .editor-instance .view-lines').first().waitFor({ timeout: 60_000 });
}

/** Run a command from the palette by its exact title (not a longer one: "View: Close Editor Group"). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page
    .locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) })
    .first()
    .click({ timeout: 15_000 });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Make `rel` the active editor (a failed earlier check may have left something else in front). */
async function ensureOpen(page, rel) {
  await page.keyboard.press('Escape');
  const active = await page
    .locator('.tabs-container .tab.active')
    .first()
    .innerText({ timeout: 1000 })
    .catch(() => '');
  if (!active.replace(/\s+/g, '').includes(rel.split('/').pop())) await openFile(page, rel);
}

// A view line by its text. Inlay hints render inside the line ("res.status(404 Not Found)"), so match
// a prefix or a RegExp, never the whole call.
function line(page, text) {
  return page.locator('.editor-group-container.active .editor-instance .view-line', { hasText: text }).first();
}

// Monaco renders spaces as U+00A0
const plain = (s) => String(s || '').replace(/\u00a0/g, ' ');

async function token(page, lineText, tokenText) {
  return line(page, lineText)
    .locator('span > span', { hasText: new RegExp(`^${tokenText}$`) })
    .first();
}

export async function runUiTests(prereq, cs, { folder, shotDir, failDir = shotDir, verbose }) {
  const results = [];
  const t0 = Date.now();
  const b = await launch(prereq);
  const { page } = b;
  page.on('pageerror', (e) => verbose && log(`pageerror: ${e.message}`));
  const shot = async (name, clip) => {
    const file = path.join(name.startsWith('FAILED') ? failDir : shotDir, `${name}.png`);
    await page.screenshot({ path: file, clip });
    return file;
  };
  const check = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      results.push({ title: `UI: ${name}`, ms: Date.now() - t });
      log(`  ✔ UI: ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } catch (e) {
      const file = await shot(`FAILED-${name.replace(/\W+/g, '-')}`).catch(() => '(no screenshot)');
      results.push({ title: `UI: ${name}`, error: e.message, failed: true });
      log(`  ✘ UI: ${name}: ${e.message.split('\n')[0]} (screenshot: ${file})`);
      // a hover left open under the mouse would cover the lines the next check clicks
      await page.mouse.move(5, 5).catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
  };

  try {
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    log(`UI: workbench loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    await check('hover over 404 shows the status doc', async () => {
      await openFile(page, `express/${FILE}`);
      const num = await token(page, /res\.status\(404/, '404');
      await num.waitFor({ timeout: 20_000 });
      // the language server is up once its diagnostic is drawn (extension activation + server start
      // can take long on a loaded machine): only then start hovering
      await page
        .locator('.editor-group-container.active .editor-instance :is(.squiggly-warning, .squiggly-error, .squiggly-info)')
        .first()
        .waitFor({ state: 'attached', timeout: 120_000 });
      const hover = page.locator('.monaco-hover:visible', { hasText: 'Not Found' }).first();
      // the first hover may wait on the language server (and the built-in TS server): hover again until it shows
      await waitFor(
        async () => {
          await page.mouse.move(5, 5);
          await num.hover();
          return hover.waitFor({ timeout: 3000 }).then(
            () => true,
            () => false,
          );
        },
        { timeoutMs: 90_000, intervalMs: 0, what: 'a .monaco-hover containing "Not Found"' },
      );
      const text = plain(await hover.innerText());
      if (!text.includes('404 Not Found')) throw new Error(`hover text lacks "404 Not Found": ${JSON.stringify(text.slice(0, 300))}`);
      await shot('hover');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    // The hover of a status with a finding: the finding's message first, our doc under it. Three
    // findings with long messages; the widget caps its height (max(editor height / 4, 250 px)) and
    // scrolls what does not fit.
    const findings = [
      { file: FILE, line: 'success: false', code: '200', rule: RULE, shot: 'hover-finding' },
      { file: 'auth.js', line: /status\(401/, code: '401', rule: 'missing-required-header' },
      { file: 'auth.js', line: /status\(429/, code: '429', rule: 'missing-retry-after' },
    ];
    for (const f of findings) {
      await check(`hover on ${f.code} with its finding fits without scrolling at 1280x800`, async () => {
        await ensureOpen(page, `express/${f.file}`);
        const num = await token(page, f.line, f.code);
        await num.waitFor({ timeout: 20_000 });
        // VS Code shows the message (with its rule id) first and our part when the language server
        // answers: wait for both
        const hover = page.locator('.monaco-hover:visible', { hasText: f.rule }).filter({ hasText: 'Open full doc' }).first();
        await waitFor(
          async () => {
            await page.mouse.move(5, 5);
            await num.hover();
            return hover.waitFor({ timeout: 3000 }).then(
              () => true,
              () => false,
            );
          },
          { timeoutMs: 90_000, intervalMs: 0, what: `a .monaco-hover with the finding on ${f.code} and "Open full doc"` },
        );
        const fit = await settledHoverSize(hover);
        log(`    hover on ${f.code} with its finding: content ${fit.content} px tall, ${fit.shown} px shown, ${fit.width} px wide`);
        if (f.shot) {
          // a re-computed hover can show "Loading..." again for a moment: the picture is of the final one
          await waitFor(
            async () => {
              if (/Loading/.test(plain(await hover.innerText()))) return false;
              await shot(f.shot);
              return !/Loading/.test(plain(await hover.innerText()));
            },
            { timeoutMs: 60_000, what: `a screenshot of the loaded hover on ${f.code}` },
          );
        }
        if (fit.content > fit.shown) throw new Error(`the hover scrolls: its content is ${fit.content} px tall, ${fit.shown} px are shown`);
        if (f.code !== '200') {
          await page.mouse.move(5, 5);
          await page.keyboard.press('Escape');
          return;
        }
        // the one trusted command link works on click
        const tabsBefore = (await page.locator('.tabs-container .tab').allInnerTexts()).map(plain);
        await hover.locator('a', { hasText: 'Open full doc' }).first().click({ timeout: 5000 });
        const how = await waitFor(() => docShown(page, tabsBefore, '200 OK'), { timeoutMs: 30_000, what: 'the 200 doc to open from the hover link' });
        if (how !== 'a webview') throw new Error(`"Open full doc" showed ${how}, not the lookup page`);
        // close the doc (it has focus) so that the next checks find the source file's editor group active
        await page.mouse.move(5, 5);
        await runCommand(page, 'View: Close Editor');
        await page.locator('.tabs-container .tab', { hasText: '200 OK' }).waitFor({ state: 'detached', timeout: 10_000 });
      });
    }

    await check('the Problems panel lists the finding', async () => {
      await ensureOpen(page, `express/${FILE}`);
      await line(page, /res\.status\(404/).click();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first();
      await row.waitFor({ timeout: 45_000 });
      const text = await row.innerText();
      if (!text.includes('status-hints')) throw new Error(`Problems row lacks the source "status-hints": ${JSON.stringify(text)}`);
      await shot('problems');
    });

    await check('the quick-fix menu (Ctrl+.) applies a fix', async () => {
      await ensureOpen(page, `express/${FILE}`);
      const num = await token(page, 'success: false', '200');
      const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
      const first = menu.locator('.monaco-list-row.action:not(.disabled)').first();
      // Ctrl+. right after moving the cursor can come before the code actions are computed: ask again
      await waitFor(
        async () => {
          await num.click();
          await page.keyboard.press('Control+.');
          return first.waitFor({ timeout: 3000 }).then(
            () => true,
            async () => {
              await page.keyboard.press('Escape');
              return false;
            },
          );
        },
        { timeoutMs: 45_000, intervalMs: 0, what: 'the quick-fix menu after Ctrl+.' },
      );
      const title = (await first.innerText()).trim();
      const rows = await menu.locator('.monaco-list-row').allInnerTexts();
      if (verbose) log(`quick-fix menu: ${JSON.stringify(rows)}`);
      await shot('quick-fix');
      await first.click();
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
      // the offending line changed, and the finding left the Problems panel
      await waitFor(async () => (await line(page, /status\(200\b.*success: false/).count()) === 0, {
        timeoutMs: 15_000,
        what: `the fix "${title}" to change the line`,
      });
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
      await waitFor(async () => (await page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).count()) === 0, {
        timeoutMs: 30_000,
        what: `the '${RULE}' finding to leave the Problems panel after "${title}"`,
      });
      log(`    applied "${title}"`);
    });

    await check('command palette: "status-hints: Look Up HTTP Status Code…", "not found" → 404 → doc', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill('>status-hints: Look Up HTTP Status Code');
      const cmd = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Look Up HTTP Status Code' }).first();
      await cmd.waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      // the lookup's own quick pick: wait for it to be repopulated with status codes (the list is
      // virtual: only the first rows, 100 Continue…, exist in the DOM)
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: /^\s*[1-5]\d\d\s+\S/ })
        .first()
        .waitFor({ timeout: 15_000 });
      // the placeholder is read in full: its text is no wider than the input box
      const ph = await input.evaluate((el) => {
        const style = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = style.font;
        return {
          text: el.placeholder,
          needs: Math.ceil(ctx.measureText(el.placeholder).width),
          has: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        };
      });
      log(`    lookup placeholder: ${ph.needs} px of text in a ${ph.has} px box`);
      if (!ph.text || ph.needs > ph.has)
        throw new Error(`the placeholder is cut off: ${ph.needs} px of text in a ${ph.has} px box (${JSON.stringify(ph.text)})`);
      // five class filters, each with its own icon, and each one filters
      const buttons = await page.locator('.quick-input-titlebar .action-label').evaluateAll((els) =>
        els.map((el) => ({
          tip: el.getAttribute('aria-label') || el.getAttribute('title') || '',
          icon: [...el.classList].filter((c) => c.startsWith('codicon-')).join(' '),
        })),
      );
      const filters = buttons.filter((x) => /^Only [1-5]xx\b/.test(x.tip));
      if (verbose) log(`lookup title buttons: ${JSON.stringify(buttons)}`);
      if (filters.length !== 5) throw new Error(`expected 5 class filter buttons, found ${JSON.stringify(buttons)}`);
      if (new Set(filters.map((x) => x.icon)).size !== 5 || filters.some((x) => !x.icon))
        throw new Error(`the class filters look alike: ${JSON.stringify(filters)}`);
      await page.locator('.quick-input-titlebar .action-label[aria-label^="Only 4xx"], .quick-input-titlebar .action-label[title^="Only 4xx"]').first().click();
      await waitFor(
        async () => {
          const rows = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(plain);
          return (await input.inputValue()).startsWith('4xx') && rows.length > 0 && rows.every((r) => /^\s*4\d\d\s/.test(r));
        },
        { timeoutMs: 10_000, what: '"Only 4xx" to leave only 4xx codes' },
      );
      await input.fill('not found');
      await waitFor(
        async () => {
          const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
          return rows.length > 0 && rows.length <= 5 && rows[0].includes('404') ? rows : null;
        },
        { timeoutMs: 15_000, what: 'the lookup list filtered to 404 first (at most 5 rows)' },
      );
      const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      if (verbose) log(`lookup rows for "not found": ${JSON.stringify(rows)}`);
      await shot('lookup');
      const tabsBefore = (await page.locator('.tabs-container .tab').allInnerTexts()).map(plain);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      const how = await waitFor(() => docShown(page, tabsBefore, '404 Not Found'), {
        timeoutMs: 45_000,
        what: 'the 404 doc to show (editor, preview, webview or notification)',
      });
      log(`    lookup showed the doc as: ${how}`);
      await shot('lookup-doc');
    });

    await check('route code lens (GET /users/:id → 200 · 404) and the Routes view (GET /api/users → 200 · 404)', async () => {
      await page.keyboard.press('Escape');
      await ensureOpen(page, `express/${FILE}`);
      // Monaco may render the title's spaces as U+00A0: match any one character between the words.
      const lens = page.locator('.codelens-decoration', { hasText: /GET.\/users\/:id.→.200.·.404/ }).first();
      await lens.waitFor({ timeout: 60_000 });
      await shot('code-lens');
      // The view sits collapsed at the bottom of the explorer: expand it, then find the route under its path.
      const header = page.locator('.explorer-viewlet .pane-header[aria-label^="Routes"]:visible').first();
      await header.waitFor({ timeout: 30_000 });
      if (verbose) log(`routes header: expanded=${await header.getAttribute('aria-expanded')}`);
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const pane = header.locator('xpath=..');
      // Paths are sorted and the list is virtual (only visible rows exist): the first path is the Next.js app's /api/users.
      await pane
        .locator('.monaco-list-row', { hasText: /^\s*\/api\/users(?!\/)/ })
        .first()
        .waitFor({ timeout: 60_000 });
      const route = pane.locator('.monaco-list-row', { hasText: /GET → 200 · 404\s*next\/app\/api\/users\/route\.ts/ }).first();
      await route.waitFor({ timeout: 30_000 });
      if (verbose) log(`routes view: ${JSON.stringify(await pane.locator('.monaco-list-row').allInnerTexts())}`);
      await shot('routes-view');
    });
  } catch (e) {
    results.push({ title: 'UI: workbench', error: e.message, failed: true });
    log(`  ✘ UI: workbench: ${e.message}`);
    await shot('FAILED-workbench').catch(() => {});
  } finally {
    await b.close();
  }
  return {
    passed: results.filter((r) => !r.failed),
    failed: results.filter((r) => r.failed),
  };
}

/** The hover's content height and what the widget shows of it, once its layout has settled. */
async function settledHoverSize(hover) {
  // other providers (the built-in TypeScript server) show "Loading..." until they answer, and the
  // status bar says "Checking for quick fixes..." until the code actions arrive
  await waitFor(async () => !/Loading|Checking for quick fixes/.test(plain(await hover.innerText())), {
    timeoutMs: 60_000,
    what: 'the hover to finish loading (no "Loading..." or "Checking for quick fixes...")',
  });
  const measure = () =>
    hover.evaluate((el) => {
      const content = el.querySelector('.monaco-hover-content');
      return { content: content.scrollHeight, shown: content.clientHeight, width: content.clientWidth };
    });
  let fit = await measure();
  await waitFor(
    async () => {
      const again = await measure();
      const same = JSON.stringify(again) === JSON.stringify(fit);
      fit = again;
      return same;
    },
    { timeoutMs: 5000, intervalMs: 200, what: 'the hover layout to settle' },
  );
  return fit;
}

/** Where did the documentation of `docTitle` ("404 Not Found") go? A description, or null while not shown yet. */
async function docShown(page, tabsBefore, docTitle) {
  const [code, phrase] = [docTitle.slice(0, 3), docTitle.slice(4)];
  const note = page.locator('.notifications-toasts, .notifications-center', { hasText: phrase });
  if (await note.count()) return 'a notification';
  // a webview (or markdown preview) anywhere: only the doc puts the phrase into a frame
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    const t = plain(
      await f
        .locator('body')
        .innerText({ timeout: 500 })
        .catch(() => ''),
    );
    if (t.includes(docTitle)) return 'a webview';
  }
  // a new text editor (any group) showing the doc; the source file itself has "404" and, through the
  // inlay hint, "Not Found", so only editors of other files count
  const tabs = (await page.locator('.tabs-container .tab').allInnerTexts()).map(plain);
  if (tabs.length === tabsBefore.length && tabs.every((t, i) => t === tabsBefore[i])) return null;
  for (const group of await page.locator('.editor-group-container').all()) {
    const title = plain(
      await group
        .locator('.tab.active')
        .first()
        .innerText({ timeout: 500 })
        .catch(() => ''),
    )
      .replace(/\s+/g, ' ')
      .trim();
    if (!title || title.replace(/\s/g, '').includes(FILE)) continue;
    const text = plain(
      await group
        .locator('.editor-instance')
        .first()
        .innerText({ timeout: 500 })
        .catch(() => ''),
    );
    if (text.includes(code) && text.includes(phrase)) return `an editor ("${title}")`;
  }
  return null;
}
