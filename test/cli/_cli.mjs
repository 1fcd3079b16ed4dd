// Shared by the CLI tests: run the built CLI in a folder, and make throwaway projects.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = process.env.STATUS_HINTS_DIST ? path.join(path.resolve(process.env.STATUS_HINTS_DIST), 'cli.js') : path.join(root, 'bin/status-hints.js');

export function cli(args, { cwd = root, ...opts } = {}) {
  return spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', ...opts });
}

/** A temp folder holding `files` ({ 'src/a.js': text }); removed when the test process ends. */
export function project(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-hints-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const read = (dir, rel) => fs.readFileSync(path.join(dir, rel), 'utf8');
export const json = (r) => {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
};

/** An Express handler answering 200 with a failure body: one error-in-success-response (a warning). */
export const failingHandler = (route = '/users/:id', model = 'User') => `router.get('${route}', async (req, res) => {
  const item = await ${model}.findById(req.params.id);
  if (!item) {
    return res.status(200).json({ success: false, error: 'not found' });
  }
  res.json(item);
});
`;

export const header = `const express = require('express');
const router = express.Router();
`;
