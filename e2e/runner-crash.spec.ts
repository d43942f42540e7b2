import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type EventJson, RunnerEnv, type RunJson } from './fixtures/runner-env';

/**
 * A runner killed with SIGKILL in the middle of a step: its lease runs out (3 s), another runner claims
 * the run, requeues the step and executes it again; the killed runner's step process is gone too (its
 * reaper killed it), so the step ran to completion exactly once, and each step has exactly one
 * node_succeeded in the event log.
 */

const env = new RunnerEnv();

test.describe('flowdeck runner crash', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  test.beforeAll(async ({}, info) => {
    info.setTimeout(120_000);
    await env.start();
  });
  test.afterAll(async () => env.stop());
  test.afterEach(async ({}, info) => {
    if (info.status === info.expectedStatus) return;
    fs.writeFileSync(info.outputPath('runner-logs.txt'), env.logs);
    await info.attach('server and runner logs', { body: env.logs, contentType: 'text/plain' });
  });

  test('kill -9 mid-step: the lease expires, another runner finishes the run, no step result twice', async () => {
    const marker = path.join(env.dir, 'slow-step.log');
    const manifest = {
      workflows: {
        crash: {
          input: { type: 'object' },
          steps: [
            { id: 'prep', run: 'echo ready > ready.txt', outputs: ['ready.txt'] },
            { id: 'slow', needs: [{ step: 'prep' }], run: `echo "start $FLOWDECK_ATTEMPT" >> ${marker}; sleep 5; echo done > out.txt; echo "end $FLOWDECK_ATTEMPT" >> ${marker}`, outputs: ['out.txt'] },
            { id: 'after', needs: [{ step: 'slow' }, { step: 'prep' }], run: 'grep -q done out.txt && grep -q ready ready.txt' },
          ],
        },
      },
    };
    const version = await env.api<{ id: string }>('POST', '/versions', { manifest, label: 'crash', address: 'file:///dev/null' });
    const { id } = await env.api<{ id: string }>('POST', '/runs', { workflow: 'crash', versionId: version.id, groupPath: 'e2e/runner-crash', input: {} });

    const first = await env.runner('doomed', ['--capacity', '1', '--lease-seconds', '3']);
    await expect.poll(() => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''), { timeout: 60_000 }).toBe('start 1\n');
    await first.kill9();
    const killedAt = Date.now();

    const second = await env.runner('rescuer', ['--capacity', '1', '--lease-seconds', '3']);
    await expect.poll(async () => `${(await env.api<RunJson>('GET', `/runs/${id}`)).phase}`, { timeout: 60_000 }).toBe('finished');
    const done = await env.api<RunJson>('GET', `/runs/${id}`);
    expect(done.result).toBe('success');
    // Attempt 1 never finished (killed with its runner); attempt 2 ran to completion, once.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(fs.readFileSync(marker, 'utf8')).toBe('start 1\nstart 2\nend 2\n');
    expect(Date.now() - killedAt).toBeLessThan(45_000);

    const log = (await env.api<{ items: EventJson[] }>('GET', `/runs/${id}/events?limit=500`)).items.map((e) => `${e.type}${e.nodeId ? `:${e.nodeId}` : ''}`);
    expect(log.filter((e) => e.startsWith('node_succeeded'))).toEqual(['node_succeeded:prep', 'node_succeeded:slow', 'node_succeeded:after']);
    expect(log.filter((e) => e.endsWith(':slow'))).toEqual(['node_started:slow', 'node_requeued:slow', 'node_started:slow', 'node_succeeded:slow']);
    expect(log.filter((e) => e === 'run_finished')).toHaveLength(1);
    expect(done.nodes.find((n) => n.nodeId === 'slow')).toMatchObject({ status: 'success', attempt: 2 });
    expect(second.log).toContain(`${id} slow: started (attempt 2)`);
    expect(first.log).not.toContain(`${id} slow: succeeded`);
  });
});
