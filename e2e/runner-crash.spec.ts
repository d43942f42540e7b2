import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RunnerEnv, useRunnerEnv } from './fixtures/runner-env';

/**
 * Interrupted steps, with real runner processes against a server of this spec's own:
 * - a runner killed with SIGKILL in the middle of a step: its lease runs out (3 s), another runner claims
 *   the run, requeues the step and executes it again; the killed runner's step process is gone too (its
 *   reaper killed it), so the step ran to completion exactly once, and each step has exactly one
 *   node_succeeded in the event log;
 * - cancel and pause stop a step's whole process group within 2 s; a resumed run executes the step again.
 */

const env = new RunnerEnv();

/**
 * Whether any process of a process group still runs (Linux /proc). A terminated process can linger as a
 * zombie until its new parent (here PID 1) reaps it; it runs nothing, so it does not count.
 */
function groupAlive(pgid: number): boolean {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const stat = readStat(pid);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp …
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
  }
  return false;
}

/** A run's event log as `type:nodeId` lines. */
async function eventLog(runId: string): Promise<string[]> {
  return (await env.api.events(runId, { limit: 500 })).items.map((e) => `${e.type}${e.nodeId ? `:${e.nodeId}` : ''}`);
}

function readStat(pid: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return ''; // gone meanwhile
  }
}

test.describe('flowdeck runner: crash, cancel, pause', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  useRunnerEnv(env);

  test('kill -9 mid-step: the lease expires, another runner finishes the run, no step result twice', async () => {
    const marker = path.join(env.dir, 'slow-step.log');
    const manifest = {
      workflows: {
        crash: {
          input: { type: 'object' },
          steps: [
            { id: 'prep', run: 'echo ready > ready.txt', outputs: ['ready.txt'] },
            {
              id: 'slow',
              needs: [{ step: 'prep' }],
              run: `echo "start $FLOWDECK_ATTEMPT" >> ${marker}; sleep 5; echo done > out.txt; echo "end $FLOWDECK_ATTEMPT" >> ${marker}`,
              outputs: ['out.txt'],
            },
            { id: 'after', needs: [{ step: 'slow' }, { step: 'prep' }], run: 'grep -q done out.txt && grep -q ready ready.txt' },
          ],
        },
      },
    };
    const version = await env.api.createVersion({ manifest, label: 'crash', address: 'file:///dev/null' });
    const { id } = await env.api.createRun({ workflow: 'crash', versionId: version.id, groupPath: 'e2e/runner-crash', input: {} });

    const first = await env.runner('doomed', ['--capacity', '1', '--lease-seconds', '3']);
    await expect.poll(() => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''), { timeout: 60_000 }).toBe('start 1\n');
    await first.kill9();
    const killedAt = Date.now();

    const second = await env.runner('rescuer', ['--capacity', '1', '--lease-seconds', '3']);
    await expect.poll(async () => (await env.api.run(id)).phase, { timeout: 60_000 }).toBe('finished');
    const done = await env.api.run(id);
    expect(done.result).toBe('success');
    // Attempt 1 never finished (killed with its runner); attempt 2 ran to completion, once.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(fs.readFileSync(marker, 'utf8')).toBe('start 1\nstart 2\nend 2\n');
    expect(Date.now() - killedAt).toBeLessThan(45_000);

    const log = await eventLog(id);
    expect(log.filter((e) => e.startsWith('node_succeeded'))).toEqual(['node_succeeded:prep', 'node_succeeded:slow', 'node_succeeded:after']);
    expect(log.filter((e) => e.endsWith(':slow'))).toEqual(['node_started:slow', 'node_requeued:slow', 'node_started:slow', 'node_succeeded:slow']);
    expect(log.filter((e) => e === 'run_finished')).toHaveLength(1);
    expect(done.nodes.find((n) => n.nodeId === 'slow')).toMatchObject({ status: 'success', attempt: 2 });
    expect(second.log).toContain(`${id} slow: started (attempt 2)`);
    expect(first.log).not.toContain(`${id} slow: succeeded`);
    await second.stop(); // the next test's runs are for its own runner
  });

  test('cancel and pause stop the step within 2 s; a resumed run executes it again', async () => {
    const pids = path.join(env.dir, 'pids');
    fs.mkdirSync(pids);
    const manifest = {
      workflows: {
        wait: {
          input: { type: 'object' },
          steps: [
            { id: 'long', run: `echo $$ > ${pids}/$FLOWDECK_RUN_ID.$FLOWDECK_ATTEMPT; if [ "$FLOWDECK_ATTEMPT" = 1 ]; then sleep 60 & wait; fi; echo ok` },
          ],
        },
      },
    };
    const version = await env.api.createVersion({ manifest, label: 'wait', address: 'file:///dev/null' });
    const start = async () => (await env.api.createRun({ workflow: 'wait', versionId: version.id, groupPath: 'e2e/runner-stop', input: {} })).id;
    const [cancelled, paused] = [await start(), await start()];
    await env.runner('steady', ['--capacity', '2', '--lease-seconds', '3']);
    const pidOf = async (runId: string, attempt: number) => {
      const file = path.join(pids, `${runId}.${attempt}`);
      await expect.poll(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : ''), { timeout: 60_000 }).not.toBe('');
      return Number(fs.readFileSync(file, 'utf8'));
    };
    const [a, b] = [await pidOf(cancelled, 1), await pidOf(paused, 1)];
    expect(groupAlive(a) && groupAlive(b)).toBe(true);

    const act = async (runId: string, action: 'cancel' | 'pause' | 'resume') => {
      const api = env.api;
      const send = { cancel: api.cancelRun, pause: api.pauseRun, resume: api.resumeRun }[action];
      await send(runId, { expectedVersion: (await api.run(runId)).rowVersion });
      return Date.now();
    };
    for (const [runId, pgid, action] of [
      [cancelled, a, 'cancel'],
      [paused, b, 'pause'],
    ] as const) {
      const at = await act(runId, action);
      await expect.poll(() => groupAlive(pgid), { timeout: 5_000, intervals: [50] }).toBe(false);
      const took = Date.now() - at;
      console.log(`${action}: the step's process group was gone ${took} ms after the change`);
      expect(took, `${action}: the step's processes stopped`).toBeLessThan(2_000);
    }

    await act(paused, 'resume');
    await expect.poll(async () => (await env.api.run(paused)).phase, { timeout: 30_000 }).toBe('finished');
    const log = await eventLog(paused);
    expect(log).toEqual([
      'run_created',
      'run_started',
      'node_started:long',
      'run_paused',
      'run_resumed',
      'node_requeued:long',
      'node_started:long',
      'node_succeeded:long',
      'run_finished',
    ]);
    const c = await env.api.run(cancelled);
    expect(c).toMatchObject({ phase: 'cancelled', result: 'stopped' });
    expect(c.nodes[0]?.status).toBe('cancelled');
  });
});
