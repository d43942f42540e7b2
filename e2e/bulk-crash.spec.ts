import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CommitListItem } from '@/lib/contract/commits';
import type { JobDetail } from '@/lib/contract/jobs';
import type { RunListItem, RunPage } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';
import { type CommitPage, FlowdeckApi, type Manifest } from './fixtures/api';
import { freePort } from './fixtures/free-port';

// A bulk upgrade of 1,000 runs survives `kill -9` of the server at a random point: after a restart the
// job finishes, every run is upgraded exactly once or untouched, and the commit chain is intact.
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-crash-')), 'db');
const RUNS = 1000;
const serverLog = path.join(path.dirname(dataDir), 'server.log');

function start(port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', FLOWDECK_DATA_DIR: dataDir, FLOWDECK_DEMO: '0' };
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL;
  const log = fs.openSync(serverLog, 'a');
  return spawn(process.execPath, ['bin/flowdeck.mjs', 'start'], { env, detached: true, stdio: ['ignore', log, log] });
}

async function waitUp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}${routes.api.health()}`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not come up; its log ends:\n${fs.readFileSync(serverLog, 'utf8').slice(-2000)}`);
}

const manifest = (cmd: string): Manifest => ({ workflows: { job: { input: { type: 'object', required: ['n'] }, steps: [{ id: 'work', run: cmd }] } } });

test('a bulk upgrade resumes after kill -9 and upgrades every run exactly once', async () => {
  test.setTimeout(600_000);
  test.skip(!!process.env.DATABASE_URL, 'one engine is enough for the crash test; it runs on the embedded store');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = FlowdeckApi.at(url);
  let server = start(port);
  try {
    await waitUp(url);
    const v1 = await api.createVersion({ manifest: manifest('work v1'), address: 'https://v1.example' });
    const v2 = await api.createVersion({ manifest: manifest('work v2'), address: 'https://v2.example' });
    for (let i = 0; i < RUNS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) => api.createRun({ workflow: 'job', versionId: v1.id, groupPath: 'crash/test', input: { n: i + k } })),
      );
    }
    const job = (await api.upgradeRuns(v1.id, { targetVersionId: v2.id, strategy: 'restart' })) as JobDetail;
    expect(job.total).toBe(RUNS);
    const killAt = 50 + Math.floor(Math.random() * 500);
    for (;;) {
      const p = await api.job(job.id);
      if (p.done >= killAt) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-server.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    server = start(port);
    await waitUp(url);
    let final: JobDetail | undefined;
    for (let i = 0; i < 600; i++) {
      final = await api.job(job.id);
      if (final.status === 'done') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(final).toMatchObject({ status: 'done', total: RUNS, done: RUNS, failed: 0, skipped: 0 });

    const successors: RunListItem[] = [];
    let cursor: string | null = null;
    do {
      const page: RunPage = await api.runs({ version: v2.id, limit: 200, cursor });
      successors.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(successors).toHaveLength(RUNS);
    expect(new Set(successors.map((r) => r.upgradedFrom)).size).toBe(RUNS);

    const chain: CommitListItem[] = [];
    let seqCursor: number | null = null;
    do {
      const page: CommitPage = await api.commits({ limit: 200, cursor: seqCursor });
      chain.push(...page.items);
      seqCursor = page.nextCursor;
    } while (seqCursor !== null);
    chain.reverse();
    chain.forEach((c, i) => {
      expect(c.seq).toBe(i + 1);
      expect(c.parentId).toBe(i === 0 ? null : chain[i - 1]!.id);
    });
    expect(chain.length).toBe(2 + 1 + RUNS);
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
