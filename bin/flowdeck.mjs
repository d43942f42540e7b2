#!/usr/bin/env node
// Flowdeck launcher: `flowdeck start` builds when needed, seeds demo data into an empty store and serves
// the dashboard; `flowdeck build` only builds (when needed); every other command runs the TypeScript CLI in lib/cli.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const tsxCli = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
const nextCli = require.resolve('next/dist/bin/next');
// The dashboard never phones home (air-gapped installs included).
const childEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, FLOWDECK_ROOT: process.env.FLOWDECK_ROOT ?? root };

function runCli(args, options = {}) {
  return spawnSync(process.execPath, [tsxCli, '--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'lib/cli/main.ts'), ...args], {
    stdio: 'inherit',
    env: childEnv,
    ...options,
  });
}

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIfNeeded() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = ['app', 'components', 'lib', 'drizzle', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'instrumentation.ts'];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (built > newest) return;
  console.log('flowdeck: building the dashboard (first start or sources changed)…');
  const result = spawnSync(process.execPath, [nextCli, 'build'], { cwd: root, stdio: 'inherit', env: childEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function start() {
  buildIfNeeded();
  if (process.env.FLOWDECK_DEMO !== '0') {
    const seeded = runCli(['demo', '--if-empty']);
    if (seeded.status !== 0) process.exit(seeded.status ?? 1);
  }
  const host = process.env.HOSTNAME || '127.0.0.1';
  const port = process.env.PORT || '3000';
  // The server decides whether tokens are required from the address it listens on (loopback: off).
  const serverEnv = { ...childEnv, FLOWDECK_BIND_HOST: host };
  const server = spawn(process.execPath, [nextCli, 'start', '-H', host, '-p', port], { cwd: root, stdio: 'inherit', env: serverEnv });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** A long-running command (the runner): signals sent to this launcher's pid reach it too, so it can shut down cleanly. */
function runCliForwardingSignals(args) {
  const child = spawn(process.execPath, [tsxCli, '--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'lib/cli/main.ts'), ...args], {
    stdio: 'inherit',
    env: childEnv,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'start') start();
else if (command === 'build') buildIfNeeded();
else if (command === 'runner') runCliForwardingSignals([command, ...rest]);
else process.exit(runCli([command, ...rest].filter((a) => a !== undefined)).status ?? 1);
