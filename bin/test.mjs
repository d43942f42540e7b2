#!/usr/bin/env node
// `npm test`: type check, import rules (STYLE.md §1), lint and format (Biome), unit and integration tests (PGlite, and PostgreSQL when DATABASE_URL is set),
// then the Playwright suite against a real server on each engine, the two side by side (`node bin/test.mjs unit` or `… e2e`
// runs one half; only the e2e half needs Chromium and the Workflow SDK example app). Each step prints how long it took when it ends; the run
// ends with those times, the total, and one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
/** Each step's label and seconds, in the order they ran. */
const timings = [];
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const startedAt = performance.now();

/** Runs one step under a heading and prints its duration once it ends, passed or not. */
async function step(label, fn) {
  console.log(`\n=== ${label}`);
  const t0 = performance.now();
  const failedBefore = failedSteps.length;
  try {
    await fn();
  } finally {
    const took = seconds(t0);
    timings.push({ label, took });
    console.log(`=== ${label}: ${failedSteps.length > failedBefore ? 'failed' : 'done'} in ${took} s`);
  }
}

/** A command as a step of its own; a non-zero exit marks the step failed. */
function run(label, command, args, env = {}) {
  return step(label, () => {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (result.status !== 0) failedSteps.push(label);
  });
}

/** A command whose output lines are prefixed with `[label]` (for steps that run side by side); resolves to its exit status. */
function spawnPrefixed(label, command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      readline.createInterface({ input: from }).on('line', (line) => to.write(`[${label}] ${line}\n`));
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** A TCP port nothing listens on right now (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return chromium;
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing it from Debian packages…');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (fs.existsSync(chromium)) return chromium;
  }
  console.error(`Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

async function withPostgresDatabase(baseUrl, fn) {
  const pg = (await import('pg')).default;
  const name = `flowdeck_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}

/**
 * The Workflow SDK example app the e2e suites run workflows on: installed from its lockfile when it is not
 * yet, then built. First of the e2e steps, so none of them meets it half installed.
 */
function prepareWorkflowApp(label) {
  const dir = path.join(root, 'examples', 'workflow-sdk');
  const steps = [...(fs.existsSync(path.join(dir, 'node_modules')) ? [] : [['ci', '--no-audit', '--no-fund']]), ['run', 'build']];
  for (const args of steps) {
    const result = spawnSync('npm', args, { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) {
      failedSteps.push(label);
      return;
    }
  }
}

const only = process.argv[2]; // optional: "unit" or "e2e"
if (only !== undefined && only !== 'unit' && only !== 'e2e') {
  console.error(`usage: node bin/test.mjs [unit|e2e] (not "${only}")`);
  process.exit(2);
}

if (only !== 'e2e') {
  await run('type check', bin('tsc'), ['--noEmit', '-p', '.']);
  await run('import rules', 'npm', ['run', '--silent', 'lint:deps']);
  await run('lint and format (Biome)', bin('biome'), ['check', '.']);
  const file = path.join(reports, 'vitest.json');
  await run(`unit and integration tests (${process.env.DATABASE_URL ? 'PGlite + PostgreSQL' : 'PGlite'})`, bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  countVitest(file);
}

if (only !== 'unit') {
  let chromium = '';
  await step('Chromium', () => {
    chromium = ensureChromium();
    console.log(chromium);
  });
  const appLabel = 'Workflow SDK example app';
  await step(appLabel, () => prepareWorkflowApp(appLabel));
  await run('build the dashboard', process.execPath, [path.join(root, 'bin', 'flowdeck.mjs'), 'build']);
  // The engines' suites run side by side (each on a port and a store of its own): most of their time is spent
  // waiting on servers, runners and timers, not on the CPU.
  // FLOWDECK_E2E_PORT pins the PGlite suite's port (PostgreSQL's is 10 above); otherwise each gets a free one,
  // so a server left running elsewhere on the machine cannot answer for ours.
  const pinned = process.env.FLOWDECK_E2E_PORT;
  const ports = pinned ? [Number(pinned), Number(pinned) + 10] : [await freePort()];
  while (ports.length < 2) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const e2e = async (label, port, env) => {
    const file = path.join(reports, `playwright-${label}.json`);
    const t0 = performance.now();
    const status = await spawnPrefixed(label, bin('playwright'), ['test'], {
      ...env,
      CHROMIUM_PATH: chromium,
      FLOWDECK_E2E_PORT: String(port),
      FLOWDECK_E2E_SUITE: label,
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      FLOWDECK_E2E_REPORT: file,
    });
    timings.push({ label: `  end-to-end suite on ${label}`, took: seconds(t0) });
    if (status !== 0) failedSteps.push(`end-to-end tests on ${label}`);
    countPlaywright(file);
  };
  const baseUrl = process.env.DATABASE_URL;
  await step(`end-to-end tests (${baseUrl ? 'PGlite and PostgreSQL side by side' : 'PGlite'})`, () =>
    Promise.all([
      e2e('pglite', ports[0], { DATABASE_URL: '' }),
      baseUrl ? withPostgresDatabase(baseUrl, (url) => e2e('postgres', ports[1], { DATABASE_URL: url })) : null,
    ]),
  );
}

console.log('\ntimes:');
for (const { label, took } of timings) console.log(`  ${took.padStart(8)} s  ${label}`);
console.log(`  ${seconds(startedAt).padStart(8)} s  total`);
console.log(`\n${failedSteps.length ? `failed steps: ${failedSteps.join(', ')}` : 'all steps passed'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
