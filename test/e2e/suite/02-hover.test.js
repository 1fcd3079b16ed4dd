// Hover docs on status numbers, across frameworks.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const cases = [
  ['Express', 'express/routes.js', 'res.status(404)', 'res.status('.length],
  ['Fastify', 'fastify/server.ts', 'reply.code(404)', 'reply.code('.length],
  ['Next.js', 'next/app/api/users/route.ts', 'status: 404', 'status: '.length],
];

describe('hover', () => {
  for (const [framework, file, needle, offset] of cases) {
    it(`${framework}: hover on 404 of ${needle} explains "404 Not Found"`, async () => {
      const { doc, uri } = await h.open(file);
      const pos = h.positionOf(doc, needle, offset + 1);
      // the server may still be starting: poll until our hover arrives
      const text = await h.waitFor(
        async () => {
          const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
          return t.includes('404 Not Found') ? t : null;
        },
        `a hover containing "404 Not Found" at ${file}:${pos.line + 1}:${pos.character + 1}`,
      );
      assert.match(text, /404 Not Found/);
    });
  }

  it('the hover is short and links to the full doc through the one trusted command', async () => {
    const { doc, uri } = await h.open('express/routes.js');
    const pos = h.positionOf(doc, 'res.status(404)', 'res.status('.length + 1);
    const ours = await h.waitFor(async () => {
      const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos)) || [];
      return hovers.flatMap((x) => x.contents).find((c) => typeof c !== 'string' && c.value.includes('404 Not Found'));
    }, 'our hover on the 404 of express/routes.js');
    assert.ok(ours.value.includes('[Open full doc](command:statusHints.openDoc?%5B404%5D)'), ours.value);
    assert.doesNotMatch(ours.value, /Confused with/);
    // without this the link would render but do nothing on click
    assert.deepStrictEqual(ours.isTrusted, { enabledCommands: ['statusHints.openDoc'] });
    assert.ok(!ours.supportHtml, 'no HTML');
  });

  it('no status hover away from a status code (on the identifier `users`)', async () => {
    const { doc, uri } = await h.open('express/routes.js');
    const pos = h.positionOf(doc, 'const users', 'const '.length + 1);
    const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
    assert.ok(!t.includes('Not Found'), `unexpected status hover on \`users\`: ${t}`);
  });
});
