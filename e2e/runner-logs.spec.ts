import { expect, test } from '@playwright/test';
import type { LogLine } from '@/lib/contract/logs';
import type { Manifest } from './fixtures/api';
import { RunnerEnv, useRunnerEnv } from './fixtures/runner-env';

/**
 * Step logs from a real `flowdeck runner` to a server of this spec's own: a step printing 2,000 numbered
 * lines and a marker on stderr is stored whole and in order, with the runner's secrets masked; a step
 * over the runner's --log-limit is cut and says by how much; `flowdeck run logs` prints a stored log.
 */

const env = new RunnerEnv();
const SECRET = 'sup3r-s3cret-deploy-token';

const manifest: Manifest = {
  workflows: {
    chatter: {
      input: { type: 'object' },
      steps: [
        {
          id: 'count',
          run: 'for i in $(seq 1 2000); do echo "line $i"; done; echo "MARKER on stderr" >&2; echo "deploying with $DEPLOY_TOKEN"',
        },
        { id: 'flood', run: 'seq 1 100000', needs: [{ step: 'count' }] },
        { id: 'fail', run: 'echo "checking readiness"; echo "pods api-7d9c failed readiness probe" >&2; exit 3', needs: [{ step: 'flood' }] },
      ],
    },
    slowpoke: {
      input: { type: 'object' },
      steps: [{ id: 'tick', run: 'sleep 1; for i in $(seq 1 20); do echo "tick $i"; sleep 0.15; done' }],
    },
  },
} as unknown as Manifest;

/** Every stored line of a node's latest attempt, page by page. */
async function allLines(runId: string, nodeId: string): Promise<{ lines: LogLine[]; page: Awaited<ReturnType<typeof env.api.logPage>> }> {
  const lines: LogLine[] = [];
  let cursor: number | undefined;
  for (;;) {
    const page = await env.api.logPage(runId, nodeId, { cursor, limit: 1000 });
    lines.push(...page.lines);
    if (page.nextCursor === null) return { lines, page };
    cursor = page.nextCursor;
  }
}

test.describe('flowdeck runner step logs', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  useRunnerEnv(env);

  test('stores each step’s lines in order, masked and bounded, and the CLI prints them', async () => {
    await env.api.createVersion({ manifest, label: 'logs-v1', address: 'file:///logs' });
    const { id: runId } = await env.api.createRun({ workflow: 'chatter', groupPath: 'e2e/logs', input: {} });
    await env.runner('logs-r1', ['--capacity', '1', '--log-limit', '64k'], { DEPLOY_TOKEN: SECRET });
    await expect.poll(async () => (await env.api.run(runId)).phase, { timeout: 120_000 }).toBe('finished');
    const run = await env.api.run(runId);
    expect(run.result).toBe('failed');

    const count = await allLines(runId, 'count');
    const stdout = count.lines.filter((l) => l.stream === 'stdout').map((l) => l.text);
    expect(stdout.slice(0, 2000)).toEqual(Array.from({ length: 2000 }, (_, i) => `line ${i + 1}`));
    expect(stdout[2000]).toBe('deploying with ***');
    expect(count.lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['MARKER on stderr']);
    expect(count.lines.map((l) => l.n)).toEqual(count.lines.map((_, i) => i + 1));
    expect(count.page.attempts).toEqual([expect.objectContaining({ attempt: 1, lines: 2002, ended: true, truncated: null })]);
    expect(JSON.stringify(count.lines)).not.toContain(SECRET);

    // 100,000 lines of "N\n" are 588,895 bytes: the runner keeps 64 KiB of them and says what it cut.
    const flood = await allLines(runId, 'flood');
    const info = flood.page.attempts[0];
    expect(info?.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(flood.lines.at(-1)?.text).toBe(String(flood.lines.length));
    expect(info?.truncated).toEqual({ lines: 100_000 - flood.lines.length, bytes: 588_895 - (info?.bytes ?? 0) });
    expect(info?.ended).toBe(true);

    const fail = await allLines(runId, 'fail');
    expect(fail.lines.map((l) => `${l.stream}:${l.text}`).sort()).toEqual(['stderr:pods api-7d9c failed readiness probe', 'stdout:checking readiness']);

    const printed = await env.cli(['run', 'logs', runId, 'count']);
    const out = printed.split('\n');
    expect(out.filter((l) => l.startsWith('line '))).toEqual(Array.from({ length: 2000 }, (_, i) => `line ${i + 1}`));
    expect(out).toContain('MARKER on stderr');
    expect(printed).not.toContain(SECRET);
    const stamped = await env.cli(['run', 'logs', runId, 'fail', '--timestamps', '--attempt', '1']);
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z E pods api-7d9c failed readiness probe$/m);
  });

  test('flowdeck run logs --follow prints a running step’s lines as they come and exits when the attempt ends', async () => {
    const { id: runId } = await env.api.createRun({ workflow: 'slowpoke', groupPath: 'e2e/logs', input: {} });
    await expect.poll(async () => (await env.api.run(runId)).nodes[0]?.status, { timeout: 30_000 }).toBe('running');
    const started = Date.now();
    const printed = await env.cli(['run', 'logs', runId, 'tick', '--follow']);
    expect(printed.trim().split('\n')).toEqual(Array.from({ length: 20 }, (_, i) => `tick ${i + 1}`));
    expect(Date.now() - started).toBeGreaterThan(2_000); // it waited for the lines, not for a finished log
    const info = (await env.api.logPage(runId, 'tick')).attempts[0];
    expect(info).toMatchObject({ lines: 20, ended: true });
  });
});
