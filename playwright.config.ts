import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/fixtures/chromium';

const PORT = Number(process.env.FLOWDECK_E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * A fresh store per test run: the server seeds demo data into it, and the embedded engine owns its
 * directory alone. The config is evaluated by the runner and by each worker; the variable keeps one dir.
 */
function runDataDir(): string {
  const existing = process.env.FLOWDECK_E2E_DATA_DIR;
  if (existing) return existing;
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-e2e-')), 'db');
  process.env.FLOWDECK_E2E_DATA_DIR = dir;
  return dir;
}

const serverEnv: Record<string, string> = {
  PORT: String(PORT),
  HOSTNAME: '127.0.0.1',
  FLOWDECK_DATA_DIR: runDataDir(),
  FLOWDECK_DEMO_RUNS: '2000',
};
if (process.env.DATABASE_URL) serverEnv.DATABASE_URL = process.env.DATABASE_URL;

export default defineConfig({
  testDir: './e2e',
  // `npm test` runs the engines' suites side by side: each keeps its traces apart.
  outputDir: `./test-results/playwright${process.env.FLOWDECK_E2E_SUITE ? `-${process.env.FLOWDECK_E2E_SUITE}` : ''}`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // `npm test` asks for a JSON report too, to total the counts of every suite.
  reporter: [['list'], ...(process.env.FLOWDECK_E2E_REPORT ? [['json', { outputFile: process.env.FLOWDECK_E2E_REPORT }] as const] : [])],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Still spinners and pings: a software-rendered headless browser otherwise repaints every frame on any page with a live run.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: 'node bin/flowdeck.mjs start',
    url: `${BASE_URL}/api/v1/health`,
    env: serverEnv,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
