import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { VersionDetail } from '@/lib/contract/versions';
import { isActive } from '@/lib/domain/run-phase';
import { type CreateRunRequest, FlowdeckApi } from './fixtures/api';

/**
 * The `flowdeck` CLI run as a child process against the suite's server. Destructive checks (drain,
 * sunset, force, delete, upgrades) use versions and runs this spec creates, never the demo's; the current
 * version is set back and the spec's versions are retired and deleted at the end.
 */

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const ID = (prefix: string) => new RegExp(`\\b(${prefix}_[0-9A-HJKMNP-TV-Z]{26})\\b`);
const VERS = ID('vers');
const NO_SUCH_VERSION = `vers_${'0'.repeat(26)}`;
/** Every run this spec creates (and the runs its upgrades start) lives under this group. */
const GROUP = 'cli-e2e';

function cli(baseURL: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/flowdeck.mjs', ...args],
      { env: { ...process.env, FLOWDECK_URL: baseURL, ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs the CLI and expects exit code 0 (stderr is shown when it is not). */
async function ok(baseURL: string, args: string[]): Promise<CliResult> {
  const r = await cli(baseURL, args);
  expect(r.code, `flowdeck ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

const json = <T>(r: CliResult): T => JSON.parse(r.stdout) as T;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-cli-'));
function manifestFile(name: string, manifest: unknown): string {
  const file = path.join(tmp, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(manifest));
  return file;
}

const HELLO = { workflows: { hello: { input: { type: 'object' }, steps: [{ id: 'a', run: 'echo hi' }] } } };
/** `a` changed, `b` added, and the input now needs `who`. */
const HELLO_NEXT = {
  workflows: {
    hello: {
      input: { type: 'object', properties: { who: { type: 'string' } }, required: ['who'] },
      steps: [
        { id: 'a', run: 'echo hello' },
        { id: 'b', run: 'echo bye', needs: [{ step: 'a' }] },
      ],
    },
  },
};
const WAITING = {
  workflows: {
    hello: {
      input: { type: 'object' },
      steps: [
        { id: 'a', run: 'echo hi' },
        { id: 'nap', sleep: '1h', needs: [{ step: 'a' }] },
        { id: 'gate', hook: {}, needs: [{ step: 'nap' }] },
      ],
    },
  },
};

/** A run of `hello` on a version, under the spec's group. */
async function createRun(api: FlowdeckApi, versionId: string, input: CreateRunRequest['input']): Promise<string> {
  return (await api.createRun({ workflow: 'hello', versionId, groupPath: `${GROUP}/runs`, input })).id;
}

const state = { original: '', v1: '', v2: '', v3: '', runs: [] as string[] };

test.describe('flowdeck CLI', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  // Leave the store as other specs expect it: the original current version, none of this spec's runs
  // active, its versions deleted.
  test.afterAll(async ({ playwright }, testInfo) => {
    const base = testInfo.project.use.baseURL as string;
    if (state.original) await cli(base, ['version', 'current', state.original]);
    const request = await playwright.request.newContext({ baseURL: base });
    const api = FlowdeckApi.of(request);
    for (const run of (await api.runs({ group: GROUP, limit: 200 })).items.filter((r) => isActive(r.phase))) {
      await api.cancelRun(run.id, { expectedVersion: (await api.run(run.id)).rowVersion, reason: 'cli e2e cleanup' });
    }
    await request.dispose();
    for (const id of [state.v1, state.v2].filter(Boolean)) {
      await cli(base, ['version', 'sunset', id, '--force', '--reason', 'cli e2e cleanup']);
      await cli(base, ['version', 'delete', id]);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('help lists the commands and explains the environment', async ({ baseURL }) => {
    const [root, version, upgrade] = await Promise.all([ok(baseURL!, ['--help']), ok(baseURL!, ['version', '--help']), ok(baseURL!, ['upgrade', '--help'])]);
    for (const word of ['version', 'upgrade ', 'upgrade-all', 'commits', 'FLOWDECK_URL', 'FLOWDECK_TOKEN', '--json', 'Exit codes'])
      expect(root.stdout).toContain(word);
    for (const sub of ['list', 'get', 'create', 'update', 'delete', 'current', 'drain', 'sunset', 'diff'])
      expect(version.stdout).toMatch(new RegExp(`^  ${sub}\\b`, 'm'));
    expect(upgrade.stdout).toContain('partial-resume');
  });

  test('creates, lists, gets and updates versions', async ({ baseURL }) => {
    const created = await ok(baseURL!, [
      'version',
      'create',
      '--manifest',
      manifestFile('hello', HELLO),
      '--address',
      'http://cli-e2e.test/v1',
      '--label',
      'cli-e2e-1',
    ]);
    expect(created.stdout).toMatch(/^Created version vers_\w{26} \(live\)\./);
    state.v1 = VERS.exec(created.stdout)![1]!;

    const second = json<VersionDetail>(await ok(baseURL!, ['version', 'create', '--manifest', manifestFile('next', HELLO_NEXT), '--json']));
    expect(second).toMatchObject({ status: 'pending', isCurrent: false, rowVersion: 1 });
    state.v2 = second.id;

    const table = await ok(baseURL!, ['version', 'list']);
    expect(table.stdout).toMatch(/^ID\s+LABEL\s+STATUS\s+WORKFLOWS\s+ACTIVE\s+RUNS\s+CREATED$/m);
    expect(table.stdout).toMatch(new RegExp(`^${state.v1}\\s+cli-e2e-1\\s+live\\s+hello\\s+0\\s+0\\s`, 'm'));
    expect(table.stdout).toMatch(/live, current/);
    const listed = json<{ items: VersionDetail[] }>(await ok(baseURL!, ['version', 'list', '--json']));
    expect(listed.items.map((v) => v.id)).toEqual(expect.arrayContaining([state.v1, state.v2]));

    const detail = await ok(baseURL!, ['version', 'get', state.v1]);
    expect(detail.stdout).toMatch(/^address:\s+http:\/\/cli-e2e\.test\/v1$/m);
    expect(detail.stdout).toMatch(/^digest:\s+sha256:[0-9a-f]{64}$/m);
    expect(detail.stdout).toMatch(/^\s+hello\s+a\s+object$/m);
    expect(json<VersionDetail>(await ok(baseURL!, ['version', 'get', state.v1, '--json'])).manifestDigest).toMatch(/^sha256:/);

    const updated = await ok(baseURL!, ['version', 'update', state.v2, '--address', 'http://cli-e2e.test/v2', '--label', 'cli-e2e-2']);
    expect(updated.stdout).toContain(`Updated version ${state.v2} (row version 1 → 2).`);
    expect(json<VersionDetail>(await ok(baseURL!, ['version', 'get', state.v2, '--json']))).toMatchObject({
      status: 'live',
      label: 'cli-e2e-2',
      rowVersion: 2,
    });
    const cleared = json<VersionDetail>(await ok(baseURL!, ['version', 'update', state.v2, '--no-label', '--json']));
    expect(cleared).toMatchObject({ label: null, rowVersion: 3 });

    const nothing = await cli(baseURL!, ['version', 'update', state.v2]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to update');
  });

  test('shows the current version, sets another current and sets the original back', async ({ baseURL }) => {
    const current = json<VersionDetail>(await ok(baseURL!, ['version', 'current', '--json']));
    expect(current.isCurrent).toBe(true);
    state.original = current.id;
    expect((await ok(baseURL!, ['version', 'current'])).stdout).toMatch(new RegExp(`^version:\\s+${current.id}.*\\nstatus:\\s+live, current$`, 'm'));

    const set = await ok(baseURL!, ['version', 'current', state.v1]);
    expect(set.stdout).toContain(`${state.v1} is now the current version (was ${current.id})`);
    expect(json<VersionDetail>(await ok(baseURL!, ['version', 'current', '--json'])).id).toBe(state.v1);

    const back = await ok(baseURL!, ['version', 'current', current.id]);
    expect(back.stdout).toContain(`${current.id} is now the current version (was ${state.v1})`);
    expect(json<VersionDetail>(await ok(baseURL!, ['version', 'current', '--json'])).id).toBe(current.id);
    expect((await ok(baseURL!, ['version', 'current', current.id])).stdout).toContain('was already the current version');
  });

  test('diffs two demo versions and two of its own', async ({ baseURL }) => {
    const { items } = json<{ items: VersionDetail[] }>(await ok(baseURL!, ['version', 'list', '--json']));
    const current = items.find((v) => v.isCurrent)!;
    const draining = items.find((v) => v.status === 'draining')!;
    const diff = await ok(baseURL!, ['version', 'diff', draining.id, current.id]);
    expect(diff.stdout).toContain(`${draining.id} → ${current.id} (older → newer)`);
    expect(diff.stdout).toMatch(/^Blast radius: upgrading the \d+ active runs? of vers_/m);
    expect(diff.stdout).toMatch(/^\s+STRATEGY\s+COMPATIBLE\s+INCOMPATIBLE/m);
    for (const s of ['restart', 'resume', 'partial-resume']) expect(diff.stdout).toMatch(new RegExp(`^\\s+${s}\\s+\\d+\\s+\\d+`, 'm'));
    const raw = json<{ from: string; to: string; workflows: unknown[]; blastRadius: unknown[] }>(
      await ok(baseURL!, ['version', 'diff', current.id, draining.id, '--json']),
    );
    expect(raw).toMatchObject({ from: draining.id, to: current.id });
    expect(raw.blastRadius).toHaveLength(3);

    const own = (await ok(baseURL!, ['version', 'diff', state.v1, state.v2])).stdout;
    expect(own).toMatch(/^hello: changed$/m);
    expect(own).toMatch(/^\s+steps added:\s+b$/m);
    expect(own).toMatch(/^\s+steps changed:\s+a$/m);
    expect(own).toMatch(/^\s+input:\s+added who; newly required who$/m);
  });

  test('upgrades one run: dry run, incompatible, and for real', async ({ baseURL, request }) => {
    const api = FlowdeckApi.of(request);
    for (const input of [{ who: 'a' }, { who: 'b' }, { who: 'c' }, {}] as Record<string, string>[]) state.runs.push(await createRun(api, state.v1, input));
    const [run, , , bad] = state.runs as [string, string, string, string];

    const dry = await ok(baseURL!, ['upgrade', run, '--to', state.v2, '--strategy', 'partial-resume', '--dry-run']);
    expect(dry.stdout).toMatch(/^Dry run: .*: compatible\. Nothing was changed\.$/m);
    expect(dry.stdout).toMatch(/^\s+steps changed:\s+a$/m);
    expect(dry.stdout).toMatch(/^\s+re-run:\s+a, b$/m);
    const dryJson = json<{ dryRun: boolean; report: { compatible: boolean }; newRun: null }>(
      await ok(baseURL!, ['upgrade', run, '--to', state.v2, '--strategy', 'restart', '--dry-run', '--json']),
    );
    expect(dryJson).toMatchObject({ dryRun: true, report: { compatible: true }, newRun: null });

    const incompatible = await cli(baseURL!, ['upgrade', bad, '--to', state.v2, '--strategy', 'restart', '--dry-run']);
    expect(incompatible.code).toBe(1);
    expect(incompatible.stdout).toContain('INCOMPATIBLE');
    expect(incompatible.stdout).toContain("input /who: must have required property 'who'");
    const refused = await cli(baseURL!, ['upgrade', bad, '--to', state.v2, '--strategy', 'restart']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot be upgraded.*\(incompatible, HTTP 409\)/);
    expect(refused.stderr).toContain('Compatibility report:');

    const real = await ok(baseURL!, ['upgrade', run, '--to', state.v2, '--strategy', 'restart']);
    expect(real.stdout).toContain(`Upgraded ${run}`);
    const newRun = /^New run: (run_\w{26})/m.exec(real.stdout)?.[1];
    expect(newRun).toBeTruthy();
    const fetched = await api.run(newRun!);
    expect(fetched).toMatchObject({ upgradedFrom: run, versionId: state.v2 });

    const again = await cli(baseURL!, ['upgrade', run, '--to', state.v2, '--strategy', 'restart']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`was already upgraded to ${newRun} (conflict, HTTP 409)`);
  });

  test('upgrades every run of a version: dry run, then a job with progress', async ({ baseURL }) => {
    const dry = await ok(baseURL!, ['upgrade-all', state.v1, '--to', state.v2, '--strategy', 'restart', '--dry-run']);
    expect(dry.stdout).toContain('strategy restart: 3 active runs; 2 compatible, 1 incompatible');
    expect(dry.stdout).toMatch(/^\s+1\s+hello: input \/who: must have required property 'who'$/m);
    expect(dry.stdout).toMatch(/^\s+2\s+a, b$/m);
    expect(
      json<{ total: number; compatible: number }>(
        await ok(baseURL!, ['upgrade-all', state.v1, '--to', state.v2, '--strategy', 'restart', '--dry-run', '--json']),
      ),
    ).toMatchObject({
      total: 3,
      compatible: 2,
    });
    const none = json<{ total: number }>(
      await ok(baseURL!, ['upgrade-all', state.v1, '--to', state.v2, '--strategy', 'resume', '--dry-run', '--workflow', 'other', '--json']),
    );
    expect(none.total).toBe(0);

    const job = await ok(baseURL!, ['upgrade-all', state.v1, '--to', state.v2, '--strategy', 'restart']);
    expect(job.stderr).toMatch(/^Job job_\w{26}: upgrading 3 runs of vers_/m);
    expect(job.stderr).toMatch(/^\[##########\] 3\/3 done 2 failed 1 skipped 0$/m);
    expect(job.stdout).toMatch(/^Job job_\w{26} done: 3 runs of .*; 2 upgraded, 1 failed, 0 skipped$/m);
    expect(job.stdout).toMatch(new RegExp(`^\\s+${state.runs[3]}\\s+failed\\s+.*cannot be upgraded`, 'm'));

    // The incompatible run is still on the version; --no-wait only starts the job.
    const started = await ok(baseURL!, ['upgrade-all', state.v1, '--to', state.v2, '--strategy', 'restart', '--no-wait']);
    expect(started.stdout).toMatch(/^Started job job_\w{26} \(1 run\)\. Follow it with GET \/api\/v1\/jobs\/job_\w{26}\.$/m);
  });

  test('refuses a safe sunset with the breakdown, then drains, forces and deletes', async ({ baseURL, request }) => {
    const v3 = VERS.exec(
      (await ok(baseURL!, ['version', 'create', '--manifest', manifestFile('waiting', WAITING), '--address', 'http://cli-e2e.test/v3'])).stdout,
    )![1]!;
    state.v3 = v3;
    const api = FlowdeckApi.of(request);
    const [sleeping, hooked] = [await createRun(api, v3, {}), await createRun(api, v3, {})];
    await createRun(api, v3, {});
    const now = new Date();
    const at = now.toISOString();
    const until = new Date(now.getTime() + 3_600_000).toISOString();
    await api.appendEvents(sleeping, [
      { type: 'run_started', at },
      { type: 'node_started', at, nodeId: 'nap' },
      { type: 'sleep_started', at, nodeId: 'nap', until },
    ]);
    await api.appendEvents(hooked, [
      { type: 'run_started', at },
      { type: 'node_started', at, nodeId: 'gate' },
      { type: 'hook_created', at, nodeId: 'gate', token: 'cli-e2e-hook-token' },
    ]);

    const refused = await cli(baseURL!, ['version', 'sunset', v3]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`version ${v3} still has 3 active runs`);
    expect(refused.stderr).toContain('(version_has_active_runs, HTTP 409)');
    expect(refused.stderr).toMatch(/^\s+running\s+0$/m);
    expect(refused.stderr).toMatch(/^\s+queued\s+1$/m);
    expect(refused.stderr).toMatch(/^\s+paused\s+0$/m);
    expect(refused.stderr).toMatch(new RegExp(`^\\s+sleeping\\s+1\\s+latest wake ${until.slice(0, 19).replace('T', ' ')}Z \\(in \\d+[mh]\\)$`, 'm'));
    expect(refused.stderr).toMatch(new RegExp(`^\\s+waiting on a hook\\s+1\\s+oldest waiting since ${at.slice(0, 19).replace('T', ' ')}Z`, 'm'));
    expect(refused.stderr).toContain(`flowdeck version drain ${v3}`);
    const refusedJson = await cli(baseURL!, ['version', 'sunset', v3, '--json']);
    expect(refusedJson.code).toBe(1);
    expect(json<{ error: { code: string; counts: Record<string, number> } }>(refusedJson).error).toMatchObject({
      code: 'version_has_active_runs',
      counts: { running: 0, queued: 1, paused: 0, sleeping: 1, hook: 1 },
    });

    const drained = await ok(baseURL!, ['version', 'drain', v3]);
    expect(drained.stdout).toContain(`${v3} is draining: no new runs start on it; it sunsets by itself when its 3 active runs end.`);
    expect(json<VersionDetail>(await ok(baseURL!, ['version', 'get', v3, '--json'])).status).toBe('draining');

    const noReason = await cli(baseURL!, ['version', 'sunset', v3, '--force']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--force needs a written --reason');
    expect((await ok(baseURL!, ['version', 'sunset', v3, '--force', '--reason', 'cli e2e'])).stdout).toContain(
      `${v3} is sunset; 3 active runs flagged stranded.`,
    );
    expect((await ok(baseURL!, ['version', 'delete', v3])).stdout).toContain(`Deleted version ${v3}.`);
    const listed = json<{ items: VersionDetail[] }>(await ok(baseURL!, ['version', 'list', '--json']));
    expect(listed.items.map((v) => v.id)).not.toContain(v3);
  });

  test('drains a fresh version straight to sunset, and deletes it for good', async ({ baseURL }) => {
    const fresh = json<VersionDetail>(await ok(baseURL!, ['version', 'create', '--manifest', manifestFile('hello', HELLO), '--json']));
    expect((await ok(baseURL!, ['version', 'drain', fresh.id])).stdout).toContain(`${fresh.id} is sunset: it had no active runs.`);
    expect(json<{ id: string; deleted: boolean }>(await ok(baseURL!, ['version', 'delete', fresh.id, '--json']))).toMatchObject({
      id: fresh.id,
      deleted: true,
    });
    const gone = await cli(baseURL!, ['version', 'get', fresh.id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`version ${fresh.id} not found (not_found, HTTP 404)`);
  });

  test('lists commits and shows one with its before and after', async ({ baseURL }) => {
    const list = await ok(baseURL!, ['commits', 'list', '--entity', 'version', '--id', state.v2]);
    expect(list.stdout).toMatch(/^SEQ\s+COMMIT\s+WHEN\s+ACTOR\s+ACTION\s+CHANGED$/m);
    expect(list.stdout).toMatch(new RegExp(`^\\s*\\d+\\s+cmt_\\w{26}\\s+\\S+ ago\\s+local\\s+version\\.create\\s+version ${state.v2}$`, 'm'));
    expect(list.stdout).toMatch(/version\.update/);
    const page = json<{ items: { id: string; action: string }[]; nextCursor: number | null }>(
      await ok(baseURL!, ['commits', 'list', '--action', 'version.update', '--id', state.v2, '--limit', '1', '--json']),
    );
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    expect((await ok(baseURL!, ['commits', 'list', '--action', 'version.update', '--id', state.v2, '--limit', '1'])).stdout).toMatch(
      /^More: flowdeck commits list --id vers_\w{26} --action version\.update --limit 1 --cursor \d+$/m,
    );

    const upgrades = json<{ items: { id: string }[] }>(await ok(baseURL!, ['commits', 'list', '--action', 'version.upgrade-runs', '--limit', '1', '--json']));
    expect(upgrades.items).toHaveLength(1);
    const labelled = page.items[0]!.id;
    const shown = await ok(baseURL!, ['commits', 'show', labelled]);
    expect(shown.stdout).toMatch(new RegExp(`^commit:\\s+${labelled}$`, 'm'));
    expect(shown.stdout).toMatch(/^action:\s+version\.update$/m);
    expect(shown.stdout).toContain(`version ${state.v2} changed`);
    expect(shown.stdout).toMatch(/^\s+label\s+"cli-e2e-2" → null$/m);
    expect(shown.stdout).toMatch(/^\s+rowVersion\s+2 → 3$/m);
    const raw = json<{ id: string; changes: { entity: string; before: unknown; after: unknown }[] }>(
      await ok(baseURL!, ['commits', 'show', labelled, '--json']),
    );
    expect(raw.changes[0]).toMatchObject({ entity: 'version', before: { label: 'cli-e2e-2' }, after: { label: null } });

    const created = json<{ items: { id: string }[] }>(await ok(baseURL!, ['commits', 'list', '--action', 'version.create', '--id', state.v1, '--json']));
    const creation = await ok(baseURL!, ['commits', 'show', created.items[0]!.id]);
    expect(creation.stdout).toContain(`version ${state.v1} created`);
    expect(creation.stdout).toMatch(/^\s+\+ label: "cli-e2e-1"$/m);
  });

  test('fails with the server message and a non-zero code, or a clear message when unreachable', async ({ baseURL }) => {
    const [missing, missingJson, badId, badStrategy, unknown, badFile, down] = await Promise.all([
      cli(baseURL!, ['version', 'get', NO_SUCH_VERSION]),
      cli(baseURL!, ['commits', 'show', `cmt_${'0'.repeat(26)}`, '--json']),
      cli(baseURL!, ['upgrade', 'not-a-run', '--to', state.v2, '--strategy', 'restart', '--dry-run']),
      cli(baseURL!, ['upgrade', state.runs[1]!, '--to', state.v2, '--strategy', 'sideways']),
      cli(baseURL!, ['versions']),
      cli(baseURL!, ['version', 'create', '--manifest', path.join(tmp, 'missing.json')]),
      cli(baseURL!, ['version', 'list'], { FLOWDECK_URL: 'http://127.0.0.1:9' }),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe(`flowdeck: version ${NO_SUCH_VERSION} not found (not_found, HTTP 404)`);

    expect(missingJson.code).toBe(1);
    expect(json<{ error: { code: string } }>(missingJson).error.code).toBe('not_found');

    expect(badId.code).toBe(1);
    expect(badId.stderr).toMatch(/invalid input: runId: must be a run id \(run_…\) \(invalid_input, HTTP 400\)/);

    expect(badStrategy.code).toBe(2);
    expect(badStrategy.stderr).toContain("argument 'sideways' is invalid");

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'versions'");

    expect(badFile.code).toBe(2);
    expect(badFile.stderr).toContain('cannot read');

    expect(down.code).toBe(3);
    expect(down.stderr.trim()).toBe('flowdeck: cannot reach the Flowdeck server at http://127.0.0.1:9: is it running? (set FLOWDECK_URL to point elsewhere)');
  });
});
