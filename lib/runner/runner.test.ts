import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Digest } from '@/lib/domain/digest';
import type { WorkflowDefinition } from '@/lib/domain/manifest';
import type { RunnerApi } from './api';
import { FakeServer } from './fake-server';
import { Runner, type RunnerOptions, RunnerUnreachable } from './runner';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-loop-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let counter = 0;
function setup(capacity = 2, leaseSeconds = 5) {
  const server = new FakeServer();
  const workDir = path.join(root, `w${++counter}`);
  const lines: string[] = [];
  const runner = (id = 'r1', extra: Partial<RunnerOptions> = { once: true }) =>
    new Runner({
      id,
      capacity,
      workDir,
      leaseSeconds,
      api: server.api(id, leaseSeconds),
      log: (runId, stepId, message) => lines.push(`${runId ?? '-'} ${stepId ?? '-'} ${message}`),
      pollMs: 50,
      heartbeatMs: 100,
      graceMs: 300,
      baseEnv: { PATH: process.env.PATH },
      ...extra,
    });
  if (process.env.RUNNER_TEST_LOG)
    lines.push = (...l: string[]) => {
      console.log(...l);
      return 0;
    };
  void lines;
  return { server, workDir, lines, runner };
}

const wf = (steps: WorkflowDefinition['steps']): WorkflowDefinition => ({ input: { type: 'object' }, steps });
const types = (events: { type: string; nodeId?: string }[]) => events.map((e) => (e.nodeId ? `${e.type}:${e.nodeId}` : e.type));

describe('Runner', () => {
  it('runs a pipeline: staging, artifacts, conditions, skips and the result', async () => {
    const { server, workDir, runner } = setup();
    const marker = path.join(root, `built-${counter}`);
    const runId = server.createRun(
      wf([
        {
          id: 'build',
          run: `mkdir -p dist && echo "app for $(node -e 'console.log(JSON.parse(process.env.FLOWDECK_INPUT).name)')" > dist/app.txt && echo x >> ${marker}`,
          outputs: ['dist/'],
        },
        { id: 'test', run: 'grep -q "app for demo" dist/app.txt && echo \'{"passed": 3}\' > "$FLOWDECK_OUTPUT_FILE"', needs: [{ step: 'build' }] },
        { id: 'report', run: 'echo tests failed', needs: [{ step: 'test', when: 'on_failure' }] },
        {
          id: 'package',
          run: 'tar -cf pkg.tar dist && cat "$FLOWDECK_STEPS_FILE" > steps-seen.json',
          needs: [{ step: 'test' }],
          outputs: ['pkg.tar', 'steps-seen.json'],
        },
      ]),
      { name: 'demo' },
    );
    await runner().run();
    const run = server.runs.get(runId)!;
    expect(server.refused).toEqual([]);
    expect(run.state.run).toMatchObject({ phase: 'finished', result: 'success' });
    expect(run.state.nodes.report?.status).toBe('skipped');
    expect(types(run.events)).toEqual([
      'run_started',
      'node_started:build',
      'node_succeeded:build',
      'node_started:test',
      'node_succeeded:test',
      'node_skipped:report',
      'node_started:package',
      'node_succeeded:package',
      'run_finished',
    ]);
    // build's manifest: the file on disk, by digest; test and package staged exactly that manifest.
    const buildManifest = run.artifactManifests.build!;
    const onDisk = fs.readFileSync(path.join(workDir, runId, 'steps/build/dist/app.txt'));
    expect(server.manifests.get(buildManifest)).toEqual([{ path: 'dist/app.txt', digest: sha256Digest(onDisk), size: onDisk.byteLength }]);
    expect(run.state.nodes.test?.stagedManifests).toEqual({ build: buildManifest });
    expect(run.state.nodes.package?.stagedManifests).toEqual({ build: buildManifest });
    expect((run.state.nodes.test!.output as { result: unknown }).result).toEqual({ passed: 3 });
    const seen = JSON.parse(fs.readFileSync(path.join(workDir, runId, 'steps/package/steps-seen.json'), 'utf8')) as Record<string, { status: string }>;
    expect(Object.keys(seen).sort()).toEqual(['build', 'test']); // the steps it depends on, not report
    const out = run.state.nodes.build?.output as { exitCode: number; log: unknown };
    expect(out.exitCode).toBe(0);
    expect(out.log).toEqual({ lines: 0, bytes: 0, complete: true }); // build prints nothing
  });

  it('fails a step whose declared output is missing, runs its on_failure handler, and fails the run when unhandled', async () => {
    const { server, runner } = setup();
    const handled = server.createRun(
      wf([
        { id: 'make', run: 'echo no file here', outputs: ['out.bin'] },
        { id: 'cleanup', run: 'echo cleaning', needs: [{ step: 'make', when: 'on_failure' }] },
      ]),
      {},
    );
    const unhandled = server.createRun(wf([{ id: 'boom', run: 'echo bad >&2; exit 7' }]), {});
    await runner().run();
    const h = server.runs.get(handled)!;
    expect(h.state.nodes.make?.status).toBe('failed');
    expect((h.state.nodes.make!.error as { message: string }).message).toBe('declared output "out.bin" was not produced');
    expect(h.state.run).toMatchObject({ phase: 'finished', result: 'success' });
    const u = server.runs.get(unhandled)!;
    expect(u.state.run).toMatchObject({ phase: 'finished', result: 'failed' });
    expect(u.state.nodes.boom?.error).toMatchObject({ message: 'exited with code 7', exitCode: 7, stderr: 'bad\n' });
  });

  it('records a sleep and a hook, releases the lease, and continues once woken or delivered', async () => {
    const { server, runner, workDir } = setup();
    const runId = server.createRun(
      wf([
        { id: 'nap', sleep: '1h' },
        { id: 'approve', hook: {}, needs: [{ step: 'nap' }] },
        { id: 'ship', run: 'cat "$FLOWDECK_STEPS_FILE" > steps.json', needs: [{ step: 'approve' }], outputs: ['steps.json'] },
      ]),
      {},
    );
    await runner().run();
    const run = server.runs.get(runId)!;
    expect(run.state.run.waiting).toMatchObject({ kind: 'sleep', nodeId: 'nap' });
    expect(Date.parse((run.state.run.waiting as { until: string }).until)).toBeGreaterThan(Date.now() + 3_500_000);
    expect(run.lease).toBeNull();
    server.wakeEarly(runId);
    await runner('r2').run();
    const waiting = run.state.run.waiting;
    expect(waiting).toMatchObject({ kind: 'hook', nodeId: 'approve' });
    const token = (waiting as { token: string }).token;
    expect(token).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
    await runner('r3').run(); // nothing claimable: exits at once
    expect(run.state.run.phase).toBe('running');
    server.deliverHook(token, { approvedBy: 'ada' });
    await runner('r4').run();
    expect(run.state.run).toMatchObject({ phase: 'finished', result: 'success' });
    const seen = JSON.parse(fs.readFileSync(path.join(workDir, runId, 'steps/ship/steps.json'), 'utf8'));
    expect(seen.approve).toEqual({ status: 'success', output: { approvedBy: 'ada' }, error: null });
  });

  it('stops a cancelled run within 2 s and records nothing more', async () => {
    const { server, runner } = setup();
    const pidFile = path.join(root, `cancel-${counter}.pid`);
    const runId = server.createRun(wf([{ id: 'long', run: `echo $$ > ${pidFile}; sleep 30` }]), {});
    const r = runner('r1', { once: false });
    const running = r.run();
    while (!fs.existsSync(pidFile) || fs.readFileSync(pidFile, 'utf8') === '') await new Promise((res) => setTimeout(res, 20));
    const shell = Number(fs.readFileSync(pidFile, 'utf8'));
    const cancelledAt = Date.now();
    server.cancel(runId);
    while (alive(shell)) await new Promise((res) => setTimeout(res, 20));
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    r.shutdown('test over');
    await running;
    const run = server.runs.get(runId)!;
    expect(types(run.events)).toEqual(['run_started', 'node_started:long', 'run_cancelled']);
  });

  it('carries a cached manifest forward for the same signature, staged inputs and run input', async () => {
    const { server, runner } = setup(1);
    const marker = path.join(root, `cache-${counter}`);
    const flow = wf([
      { id: 'build', run: `echo built > out.txt; echo x >> ${marker}`, outputs: ['out.txt'] },
      { id: 'use', run: 'cat out.txt', needs: [{ step: 'build' }] },
    ]);
    const first = server.createRun(flow, { v: 1 });
    const same = server.createRun(flow, { v: 1 });
    const other = server.createRun(flow, { v: 2 });
    await runner().run();
    expect(fs.readFileSync(marker, 'utf8')).toBe('x\nx\n'); // first and other executed; same was a hit
    const [a, b, c] = [first, same, other].map((id) => server.runs.get(id)!);
    expect(b!.artifactManifests.build).toBe(a!.artifactManifests.build);
    expect(b!.state.nodes.build?.output).toMatchObject({ cachedFrom: { runId: first, nodeId: 'build' } });
    expect(c!.state.nodes.build?.output).not.toHaveProperty('cachedFrom');
    expect(b!.state.nodes.use?.stagedManifests).toEqual({ build: a!.artifactManifests.build });
    for (const r of [a, b, c]) expect(r!.state.run.result).toBe('success');
  });

  it('is no cache hit when an upstream result differs (a hook payload)', async () => {
    const { server, runner } = setup(1);
    const marker = path.join(root, `payload-${counter}`);
    const flow = wf([
      { id: 'approve', hook: {} },
      { id: 'publish', run: `cat "$FLOWDECK_STEPS_FILE" > seen.json; echo x >> ${marker}`, needs: [{ step: 'approve' }], outputs: ['seen.json'] },
    ]);
    const runs = [server.createRun(flow, {}), server.createRun(flow, {}), server.createRun(flow, {})];
    await runner().run();
    runs.forEach((id, i) => {
      const w = server.runs.get(id)!.state.run.waiting as { token: string };
      server.deliverHook(w.token, { approvedBy: i === 0 ? 'ada' : 'bob' });
    });
    await runner().run();
    expect(fs.readFileSync(marker, 'utf8')).toBe('x\nx\n'); // ada, bob; the second bob is a hit
    expect(server.runs.get(runs[2]!)!.state.nodes.publish?.output).toMatchObject({ cachedFrom: { runId: runs[1] } });
    for (const id of runs) expect(server.runs.get(id)!.state.run.result).toBe('success');
  });

  it('runs independent steps in parallel up to the capacity', async () => {
    const { server, runner } = setup(2);
    const stamp = (name: string) => `date +%s%N > ${path.join(root, `${name}-${counter}`)}.start; sleep 0.6`;
    server.createRun(
      wf([
        { id: 'a', run: stamp('a') },
        { id: 'b', run: stamp('b') },
        { id: 'c', run: stamp('c') },
      ]),
      {},
    );
    await runner().run();
    const start = (n: string) => Number(BigInt(fs.readFileSync(path.join(root, `${n}-${counter}.start`), 'utf8').trim()) / 1_000_000n);
    expect(Math.abs(start('a') - start('b'))).toBeLessThan(400);
    expect(start('c') - start('a')).toBeGreaterThanOrEqual(500);
  });
});

describe('Runner step logs', () => {
  it('uploads a step’s stdout and stderr lines in order, with secrets masked there and in the tails', async () => {
    const { server, runner } = setup();
    const runId = server.createRun(
      wf([
        {
          id: 'talk',
          run: 'for i in $(seq 1 300); do echo "line $i"; done; echo "deploying with $DEPLOY_TOKEN" >&2; echo "hook $HOOK_URL"; echo "id fdk_runner_secret"',
        },
      ]),
      {},
    );
    const baseEnv = { PATH: process.env.PATH, DEPLOY_TOKEN: 'tok-0123456789', HOOK_URL: 'https://hooks.example/abc', FLOWDECK_SECRET_ENV: 'HOOK_URL' };
    await runner('r1', { once: true, baseEnv, secrets: ['fdk_runner_secret'] }).run();
    const run = server.runs.get(runId)!;
    expect(run.state.run.result).toBe('success');
    const log = server.log(runId, 'talk', 1);
    const texts = log.lines.map((l) => l.text);
    const stdout = log.lines.filter((l) => l.stream === 'stdout').map((l) => l.text); // the two pipes are read apart: no order between them
    expect(stdout.slice(0, 300)).toEqual(Array.from({ length: 300 }, (_, i) => `line ${i + 1}`));
    expect(log.lines.find((l) => l.stream === 'stderr')?.text).toBe('deploying with ***');
    expect(stdout.slice(300)).toEqual(['hook ***', 'id ***']);
    expect(log.lines.map((l) => l.n)).toEqual(log.lines.map((_, i) => i + 1));
    expect(log.ended).toBe(true);
    expect(log.requests.every((r) => r.attempt === 1 && r.lease?.runnerId === 'r1')).toBe(true);
    const output = run.state.nodes.talk?.output as { stdout: string; stderr: string; log: unknown };
    expect(output.stderr).toBe('deploying with ***\n');
    expect(output.stdout).toContain('hook ***\nid ***\n');
    expect(output.log).toEqual({ lines: 303, bytes: log.lines.reduce((n, l) => n + Buffer.byteLength(l.text) + 1, 0), complete: true });
    for (const secret of ['tok-0123456789', 'hooks.example', 'fdk_runner_secret']) expect(JSON.stringify([texts, output, run.events])).not.toContain(secret);
  });

  it('keeps at most the configured bytes per attempt and records what it dropped', async () => {
    const { server, runner } = setup();
    const runId = server.createRun(wf([{ id: 'flood', run: 'seq 1 1000' }]), {});
    await runner('r1', { once: true, logLimitBytes: 1_000 }).run();
    const log = server.log(runId, 'flood', 1);
    // "1\n" … "9\n" are 2 bytes, "10\n" … "99\n" 3, "100\n" … 4: 18 + 270 = 288, then 178 lines of 4 bytes = 712 → 1,000.
    expect(log.lines).toHaveLength(9 + 90 + 178);
    expect(log.lines.at(-1)?.text).toBe('277');
    expect(log.dropped).toEqual({ lines: 1000 - 277, bytes: (1000 - 277) * 4 + 1 });
    expect(server.runs.get(runId)!.state.nodes.flood?.output).toMatchObject({ log: { lines: 277, bytes: 1000, dropped: log.dropped, complete: true } });
  });
});

describe('Runner shutdown', () => {
  it('stops the running steps, records nothing more and releases the lease', async () => {
    const { server, runner } = setup();
    const pidFile = path.join(root, `shutdown-${counter}.pid`);
    const runId = server.createRun(wf([{ id: 'long', run: `echo $$ > ${pidFile}; sleep 30` }]), {});
    const r = runner('r1', { once: false });
    const running = r.run();
    while (!fs.existsSync(pidFile) || fs.readFileSync(pidFile, 'utf8') === '') await new Promise((res) => setTimeout(res, 20));
    r.shutdown('SIGTERM');
    await running;
    expect(alive(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(false);
    const run = server.runs.get(runId)!;
    expect(run.lease).toBeNull();
    expect(types(run.events)).toEqual(['run_started', 'node_started:long']);
  });

  it('with once, gives up at once when the server cannot be reached', async () => {
    const { server, runner } = setup();
    const r = runner('r1');
    const api = (r as unknown as { options: { api: RunnerApi } }).options.api;
    api.claim = () => Promise.reject(new Error('connect ECONNREFUSED'));
    await expect(r.run()).rejects.toThrow(RunnerUnreachable);
    void server;
  });
});

describe('Runner leases', () => {
  it('stops its steps once no heartbeat got through for a lease; the next runner re-executes the step once', async () => {
    const { server, runner, lines } = setup(1, 2);
    const log = path.join(root, `lease-${counter}.log`);
    const runId = server.createRun(wf([{ id: 'slow', run: `echo start >> ${log}; sleep 3; echo done >> ${log}` }]), {});
    const first = runner('r1', { once: false });
    // The network goes down right after r1's first claim: no heartbeat (nor claim) gets through.
    const api = (first as unknown as { options: { api: RunnerApi } }).options.api;
    const claim = api.claim.bind(api);
    let claims = 0;
    api.claim = async (capacity) => (claims++ === 0 ? claim(capacity) : Promise.reject(new Error('network down')));
    api.heartbeat = async () => {
      throw new Error('network down');
    };
    const running = first.run();
    while (!fs.existsSync(log)) await new Promise((res) => setTimeout(res, 20));
    // r1's lease (2 s) runs out without a heartbeat: it stops the step by itself.
    while (first.heldRuns.length > 0) await new Promise((res) => setTimeout(res, 50));
    first.shutdown('test');
    await running;
    expect(lines.some((l) => l.includes('no heartbeat got through before the lease ran out'))).toBe(true);
    await new Promise((res) => setTimeout(res, 200));
    await runner('r2').run();
    const run = server.runs.get(runId)!;
    expect(types(run.events)).toEqual(['run_started', 'node_started:slow', 'node_requeued:slow', 'node_started:slow', 'node_succeeded:slow', 'run_finished']);
    expect(fs.readFileSync(log, 'utf8')).toBe('start\nstart\ndone\n');
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
