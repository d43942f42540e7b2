import { ApiError } from '@/lib/api/fetch-json';
import type { StepDefinition } from '@/lib/domain/manifest';
import { artifactProducers, seenSteps, stepContextDigest } from '@/lib/domain/step-inputs';
import { type CacheHit, isLeaseLost, type NewEvent, type RunnerApi, withRetry } from './api';
import { collectOutputs, publishOutputs, StepError, stageManifests } from './artifacts';
import { LogUpload } from './log-upload';
import { type ProcessResult, type Reaper, type StepProcess, spawnStep } from './process';
import { prepareStepDir, type RunLayout, readStepResult, type StepsSummary, stepEnv, stepLayout, writeRunFiles } from './workdir';

export interface NodeView {
  status: string;
  attempt: number;
  signature: string;
  output: unknown;
  error: unknown;
  artifactManifest: string | null;
}

/** What executing one step needs from the run it belongs to (RunExecution). */
export interface StepHost {
  readonly runId: string;
  readonly workflowName: string;
  readonly input: unknown;
  readonly steps: readonly StepDefinition[];
  readonly layout: RunLayout;
  readonly api: RunnerApi;
  readonly runnerId: string;
  readonly reaper?: Reaper;
  readonly tailBytes: number;
  readonly graceMs: number;
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  /** Bytes of log kept per step attempt (lib/runner/log-upload). */
  readonly logLimitBytes: number;
  /** Replaces the values of secrets (lib/domain/log-mask secretValues) by `***`: for logs and tails. */
  mask(text: string): string;
  node(stepId: string): NodeView;
  /** What the step sees of the steps it depends on (FLOWDECK_STEPS_FILE). */
  summary(stepId: string): StepsSummary;
  /** Records events in order under the lease; false when the run was halted instead. */
  post(events: NewEvent[]): Promise<boolean>;
  /** Stops the run: lease lost, refused, cancelled… */
  halt(outcome: 'lost' | 'stopped', reason: string): void;
  halted(): boolean;
  leaseOk(): boolean;
  track(stepId: string, proc: StepProcess | null): void;
  /** Notes the artifact manifest recorded for a node (what its consumers stage). */
  published(stepId: string, digest: string): void;
  log(stepId: string, message: string): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Runs an API call again on transient trouble while the run goes on. */
function retry<T>(host: StepHost, fn: () => Promise<T>): Promise<T> {
  return withRetry(fn, () => !host.halted() && host.leaseOk());
}

/** The staged map of a step: each producer (lib/domain/step-inputs) that published a manifest. */
export function stagedFor(host: Pick<StepHost, 'steps' | 'node'>, stepId: string): Record<string, string> {
  const staged: Record<string, string> = {};
  for (const producer of artifactProducers(host.steps, stepId)) {
    const digest = host.node(producer).artifactManifest;
    if (digest) staged[producer] = digest;
  }
  return staged;
}

/**
 * A cache hit for a step: the server's (same signature, same staged manifests), taken only when the step
 * would also see the same world there — the same run input and the same results of the steps it depends
 * on (a hook's payload included; lib/domain/step-inputs stepContextDigest).
 */
async function cacheHit(host: StepHost, stepId: string, staged: Record<string, string>): Promise<CacheHit | null> {
  try {
    const hit = await host.api.cache(host.node(stepId).signature, staged);
    if (!hit || hit.runId === host.runId) return null;
    const theirs = await host.api.runView(hit.runId);
    const same = stepContextDigest(theirs.input, seenSteps(host.steps, stepId, theirs.nodes)) === stepContextDigest(host.input, host.summary(stepId));
    return same ? hit : null;
  } catch (err) {
    host.log(stepId, `cache lookup failed, executing: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

async function recordCacheHit(host: StepHost, stepId: string, staged: Record<string, string>, hit: CacheHit): Promise<void> {
  if (!(await host.post([{ type: 'node_started', nodeId: stepId, ...(Object.keys(staged).length ? { staged } : {}) }]))) return;
  await retry(host, () => host.api.setArtifactManifest(host.runId, stepId, hit.manifest));
  host.published(stepId, hit.manifest);
  const output = hit.output && typeof hit.output === 'object' && !Array.isArray(hit.output) ? hit.output : { value: hit.output ?? null };
  if (await host.post([{ type: 'node_succeeded', nodeId: stepId, output: { ...output, cachedFrom: { runId: hit.runId, nodeId: hit.nodeId } } }])) {
    host.log(stepId, `cache hit: carried ${hit.manifest.slice(0, 19)}… forward from ${hit.runId}/${hit.nodeId}, not executed`);
  }
}

function describeExit(r: ProcessResult): string {
  if (r.exitCode === null && r.signal === null) return 'the shell did not start';
  return r.signal ? `killed by ${r.signal}` : `exited with code ${r.exitCode}`;
}

/**
 * Executes a `run` step: a cache hit is recorded without executing; otherwise node_started (with what it
 * stages), staging with digest checks, the command, then node_succeeded (its declared outputs published
 * and recorded as the node's artifact manifest first) or node_failed. Nothing more is recorded once the
 * run was halted (lease lost, cancelled, paused, shutdown).
 */
export async function executeRunStep(host: StepHost, step: StepDefinition): Promise<void> {
  const stepId = step.id;
  const staged = stagedFor(host, stepId);
  const outputs = step.outputs ?? [];
  try {
    if (outputs.length > 0) {
      const hit = await cacheHit(host, stepId, staged);
      if (hit) return await recordCacheHit(host, stepId, staged, hit);
    }
    const attempt = host.node(stepId).attempt + 1;
    // What the step sees besides its definition and files; recorded so a cache lookup can match it.
    const context = stepContextDigest(host.input, host.summary(stepId));
    if (!(await host.post([{ type: 'node_started', nodeId: stepId, ...(Object.keys(staged).length ? { staged } : {}) }]))) return;
    const layout = stepLayout(host.layout, stepId);
    await prepareStepDir(layout);
    await writeRunFiles(host.layout, host.input, host.summary(stepId));
    try {
      const files = await retry(host, () => stageManifests(host.api, layout.cwd, staged));
      if (files.length > 0) host.log(stepId, `staged ${files.length} file(s) from ${Object.keys(staged).join(', ')}`);
    } catch (err) {
      if (!(err instanceof StepError)) throw err;
      host.log(stepId, `failed while staging: ${err.message}`);
      await host.post([{ type: 'node_failed', nodeId: stepId, error: { message: err.message, phase: 'staging' } }]);
      return;
    }
    host.log(stepId, `started (attempt ${attempt}): ${oneLine(step.run ?? '')}`);
    const logs = new LogUpload({
      send: (body) => host.api.appendLogs(host.runId, stepId, body),
      attempt,
      lease: { runnerId: host.runnerId },
      limitBytes: host.logLimitBytes,
      mask: (text) => host.mask(text),
      keepTrying: () => !host.halted() && host.leaseOk(),
      onProblem: (message) => host.log(stepId, message),
    });
    const proc = spawnStep({
      command: step.run ?? '',
      cwd: layout.cwd,
      env: stepEnv(host.baseEnv, { runId: host.runId, workflow: host.workflowName, stepId, attempt, input: host.input, run: host.layout, step: layout }),
      logFile: layout.logFile,
      tailBytes: host.tailBytes,
      graceMs: host.graceMs,
      reaper: host.reaper,
      onOutput: (stream, chunk) => logs.write(stream, chunk),
    });
    host.track(stepId, proc);
    const result = await proc.done;
    host.track(stepId, null);
    // The log ends even when the run was halted (a cancelled step's output is still its log).
    const logged = await logs.finish();
    if (logged.dropped.lines > 0)
      host.log(stepId, `log cut at ${host.logLimitBytes} bytes: ${logged.dropped.lines} line(s), ${logged.dropped.bytes} byte(s) not kept`);
    if (host.halted()) return;
    // The step's log is in the log store; the node output says how much of it there is.
    const log = { lines: logged.lines, bytes: logged.bytes, ...(logged.dropped.lines > 0 ? { dropped: logged.dropped } : {}), complete: logged.complete };
    const { result: stepResult, problem } = await readStepResult(layout);
    const base = {
      exitCode: result.exitCode,
      ...(result.signal ? { signal: result.signal } : {}),
      durationMs: result.durationMs,
      stdout: host.mask(result.stdout),
      stderr: host.mask(result.stderr),
      log,
      context,
      ...(stepResult !== undefined ? { result: stepResult } : {}),
      ...(problem ? { note: problem } : {}),
    };
    if (result.exitCode !== 0) {
      host.log(stepId, `failed: ${describeExit(result)} after ${seconds(result.durationMs)}`);
      await host.post([{ type: 'node_failed', nodeId: stepId, error: { message: describeExit(result), ...base } }]);
      return;
    }
    let published: { digest: string; files: number } | null = null;
    if (outputs.length > 0) {
      try {
        const files = await collectOutputs(layout.cwd, outputs);
        const manifest = await retry(host, () => publishOutputs(host.api, files));
        await retry(host, () => host.api.setArtifactManifest(host.runId, stepId, manifest.digest));
        host.published(stepId, manifest.digest);
        published = { digest: manifest.digest, files: manifest.entries.length };
      } catch (err) {
        if (!(err instanceof StepError)) throw err;
        host.log(stepId, `failed: ${err.message}`);
        await host.post([{ type: 'node_failed', nodeId: stepId, error: { message: err.message, ...base } }]);
        return;
      }
    }
    if (await host.post([{ type: 'node_succeeded', nodeId: stepId, output: { ...base, ...(published ? { files: published.files } : {}) } }])) {
      const artifacts = published ? `, published ${published.files} file(s) as ${published.digest.slice(0, 19)}…` : '';
      host.log(stepId, `succeeded in ${seconds(result.durationMs)}${artifacts}`);
    }
  } catch (err) {
    if (host.halted()) return;
    if (isLeaseLost(err)) return host.halt('lost', 'lease lost');
    const message = err instanceof ApiError ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
    host.log(stepId, `runner error: ${message}`);
    if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) return host.halt('stopped', `server trouble: ${message}`);
    await host.post([{ type: 'node_failed', nodeId: stepId, error: { message: `runner error: ${message}` } }]);
  }
}

const oneLine = (command: string) => {
  const line = command.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};
