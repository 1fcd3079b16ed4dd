#!/usr/bin/env node
// A standard LSP server over stdio for any editor (Neovim, Helix, Zed...): `status-hints-language-server --stdio`.
if (!process.argv.includes('--stdio') && !process.argv.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
