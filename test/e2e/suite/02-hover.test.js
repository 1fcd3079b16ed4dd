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
      const text = await h.waitFor(async () => {
        const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
        return t.includes('404 Not Found') ? t : null;
      }, `a hover containing "404 Not Found" at ${file}:${pos.line + 1}:${pos.character + 1}`);
      assert.match(text, /404 Not Found/);
    });
  }

  it('no status hover away from a status code (on the identifier `users`)', async () => {
    const { doc, uri } = await h.open('express/routes.js');
    const pos = h.positionOf(doc, 'const users', 'const '.length + 1);
    const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
    assert.ok(!t.includes('Not Found'), `unexpected status hover on \`users\`: ${t}`);
  });
});
