#!/usr/bin/env node
// `npm run lint:deps`: the import rules of STYLE.md §1 (.dependency-cruiser.cjs), checked by dependency-cruiser.
// It lives in bin/import-rules with its own lockfile because it parses with the TypeScript compiler API of
// TypeScript 6, which the project's TypeScript 7 no longer has in-process. Installed there on first use and
// again whenever that lockfile changes; the arguments go to depcruise as they are.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tool = path.join(root, 'bin', 'import-rules');
const installed = path.join(tool, 'node_modules', '.package-lock.json');
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);

if (mtime(installed) < mtime(path.join(tool, 'package-lock.json'))) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tool, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const result = spawnSync(path.join(tool, 'node_modules', '.bin', 'depcruise'), process.argv.slice(2), { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
