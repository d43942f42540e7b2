import { type ClaimedAction, type ImportResult, ImportRun, type ImportVersion, type SourceRunsPage } from '@/lib/contract/engine-import';
import type { LogAppendBody } from '@/lib/contract/logs';
import { jsonDigest } from '@/lib/domain/digest';
import type { VersionManifest } from '@/lib/domain/manifest';
import type { EngineSource } from '@/lib/domain/run-source';
import type { ActionOutcome } from './act';
import { type SdkStreamChunk, streamLogBatches } from './stream-logs';
import { SyncSummary } from './summary';
import { toImportRun } from './to-import';
import type { SdkRunSnapshot } from './types';

/** What the sync reads from a world: the runs that may have changed, then those runs whole. */
export interface WorldReader {
  /** Engine run ids that may have changed since the previous call (all of them on the first call). */
  changed(): Promise<string[]>;
  /** Whole runs; a run that cannot be read is a problem, never a half-read snapshot. */
  read(runIds: string[]): Promise<{ snapshots: SdkRunSnapshot[]; problems: { runId: string; problem: string }[] }>;
  /** The runs' stream chunks (lib/connectors/workflow-sdk/stream-logs.ts), when the world has any. */
  streams?(runIds: readonly string[]): Promise<Map<string, SdkStreamChunk[]>>;
  close(): Promise<void>;
}

/** The connector's side of the API (lib/contract/engine-import.ts). */
export interface ConnectorApi {
  sourceRuns(source: EngineSource, cursor?: string): Promise<SourceRunsPage>;
  importBatch(source: EngineSource, body: { versions: ImportVersion[]; runs: ImportRun[] }): Promise<ImportResult>;
  claim(source: EngineSource, connectorId: string): Promise<ClaimedAction[]>;
  complete(source: EngineSource, actionId: string, body: { connectorId: string } & ActionOutcome): Promise<void>;
  /** POST /api/v1/runs/{runId}/nodes/{nodeId}/logs: a stream chunk's lines (the same seq again stores nothing). */
  appendLog?(runId: string, nodeId: string, body: LogAppendBody): Promise<unknown>;
}

export interface SyncConfig {
  source: EngineSource;
  connectorId: string;
  /** `--version LABEL`: the version this world's runs belong to. */
  versionLabel?: string;
  /** `--manifest FILE`: the app's build, as a Flowdeck manifest and its digest. */
  manifest?: { flowdeck: VersionManifest; digest: string };
  /** Where the version is served (the app, or its data dir or database). */
  address?: string;
  batchSize: number;
}

/** `dpl_local@4.4.1`, `dpl_local@4.4.1#v2` (--version) or `dpl_local@4.4.1#3f2a9c1d0b7e` (--manifest digest). */
export function versionKeyOf(deploymentId: string, config: Pick<SyncConfig, 'versionLabel' | 'manifest'>): string {
  if (config.versionLabel) return `${deploymentId}#${config.versionLabel}`;
  if (config.manifest) return `${deploymentId}#${config.manifest.digest.replace(/^sha256:/, '').slice(0, 12)}`;
  return deploymentId;
}

function versionLabelOf(deploymentId: string, config: Pick<SyncConfig, 'versionLabel' | 'manifest'>): string {
  if (config.versionLabel) return config.versionLabel;
  if (config.manifest) return `${deploymentId} · ${config.manifest.digest.replace(/^sha256:/, '').slice(0, 8)}`;
  return deploymentId;
}

const parts = (r: ImportRun) => ({
  steps: r.nodes.filter((n) => n.kind === 'step').length,
  hooks: r.nodes.filter((n) => n.kind === 'hook').length,
  waits: r.nodes.filter((n) => n.kind === 'sleep').length,
  events: r.events.length,
});

/**
 * Imports a Workflow SDK world into Flowdeck and keeps following it. Stateless between starts: what the
 * store already holds comes from the API (engine id → import digest), so a restart — even after kill -9 —
 * sends only what changed, and every batch lands whole on the server, so nothing is duplicated or missed.
 */
export class WorkflowSync {
  readonly summary = new SyncSummary();
  private readonly known = new Map<string, string>();
  private readonly sentVersions = new Set<string>();
  private readonly due = new Set<string>();
  private current: { key: string; createdAt: string } | null = null;
  /** Stream batches already stored, per Flowdeck run (`node#attempt#seq`): sent again only after a restart. */
  private readonly streamed = new Map<string, Set<string>>();

  constructor(
    private readonly config: SyncConfig,
    private readonly reader: WorldReader,
    private readonly api: ConnectorApi,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Loads what the store holds of this source. */
  async init(): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.api.sourceRuns(this.config.source, cursor);
      for (const r of page.runs) this.known.set(r.externalId, r.digest);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /**
   * One pass: every run the world says may have changed is read, mapped and sent if it differs. Change
   * detection (world-local: run file and event log; world-postgres: updated rows and new events) sees every
   * step, wait and hook of a run, so an unchanged active run costs nothing, however many are sleeping.
   */
  async tick(): Promise<number> {
    // The reader moves on once it has said what changed: until a pass is through, its runs stay due.
    for (const id of await this.reader.changed()) this.due.add(id);
    const sent = await this.importRuns([...this.due]);
    this.due.clear();
    return sent;
  }

  /** Reads, maps and imports these runs; returns how many were sent. */
  async importRuns(ids: string[]): Promise<number> {
    let sent = 0;
    for (let i = 0; i < ids.length; i += this.config.batchSize) {
      const { snapshots, problems } = await this.reader.read(ids.slice(i, i + this.config.batchSize));
      for (const p of problems) this.summary.skip(p.runId, p.problem);
      const batch: ImportRun[] = [];
      const digests = new Map<string, string>();
      const bySource = new Map(snapshots.map((snap) => [snap.run.runId, snap]));
      for (const snap of snapshots) {
        let run: ImportRun;
        try {
          // Parsed as the server will parse it: invalid runs are skipped here, and digests compare equal.
          const mapped = ImportRun.safeParse(toImportRun(snap, { versionKey: versionKeyOf(snap.run.deploymentId, this.config) }));
          if (!mapped.success) {
            const issue = mapped.error.issues[0];
            this.summary.skip(snap.run.runId, `cannot be imported: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
            continue;
          }
          run = mapped.data;
        } catch (err) {
          this.summary.skip(snap.run.runId, `cannot be mapped: ${(err as Error).message}`);
          continue;
        }
        if (!this.current || run.createdAt > this.current.createdAt) this.current = { key: run.versionKey, createdAt: run.createdAt };
        const digest = jsonDigest(run);
        if (this.known.get(run.externalId) === digest) {
          this.summary.addRun('unchanged', parts(run), 0);
          continue;
        }
        digests.set(run.externalId, digest);
        batch.push(run);
      }
      if (batch.length === 0) continue;
      sent += batch.length;
      const runIds = await this.send(batch, digests);
      await this.importStreams(batch, bySource, runIds);
    }
    return sent;
  }

  /**
   * The streams of the runs just imported or updated, as their steps' logs (stream-logs.ts). A run's stream is
   * looked at whenever the run changes (a step that writes to it changes the run when it ends).
   */
  private async importStreams(batch: ImportRun[], snapshots: Map<string, SdkRunSnapshot>, runIds: Map<string, string>): Promise<void> {
    const { reader, api } = this;
    if (!reader.streams || !api.appendLog || runIds.size === 0) return;
    const chunks = await reader.streams([...runIds.keys()]);
    for (const run of batch) {
      const runId = runIds.get(run.externalId);
      const snap = snapshots.get(run.externalId);
      const own = chunks.get(run.externalId);
      if (!runId || !snap || !own) continue;
      const done = this.streamed.get(runId) ?? new Set<string>();
      this.streamed.set(runId, done);
      for (const { nodeId, body } of streamLogBatches(snap, run, own)) {
        const key = `${nodeId}#${body.attempt}#${body.seq}`;
        if (done.has(key)) continue;
        await api.appendLog(runId, nodeId, body);
        done.add(key);
        this.summary.streamLines += body.lines.length;
      }
    }
  }

  private versionsFor(batch: ImportRun[]): ImportVersion[] {
    const out: ImportVersion[] = [];
    for (const run of batch) {
      const isCurrent = this.current?.key === run.versionKey;
      const tag = `${run.versionKey}|${isCurrent}`;
      if (this.sentVersions.has(tag)) continue;
      this.sentVersions.add(tag);
      const deploymentId = run.versionKey.split('#')[0] ?? run.versionKey;
      out.push({
        key: run.versionKey,
        label: versionLabelOf(deploymentId, this.config).slice(0, 100),
        deploymentId,
        ...(this.config.manifest ? { manifest: this.config.manifest.flowdeck as ImportVersion['manifest'] } : {}),
        ...(this.config.address ? { address: this.config.address } : {}),
        current: isCurrent,
      });
    }
    return out;
  }

  /** Imports a batch; returns the Flowdeck run id of each run imported or updated (by engine run id). */
  private async send(batch: ImportRun[], digests: Map<string, string>): Promise<Map<string, string>> {
    const result = await this.api.importBatch(this.config.source, { versions: this.versionsFor(batch), runs: batch });
    const runIds = new Map<string, string>();
    for (const v of result.versions) this.summary.versions[v.outcome === 'imported' ? 'imported' : 'unchanged'] += 1;
    const byId = new Map(batch.map((r) => [r.externalId, r]));
    for (const r of result.runs) {
      const run = byId.get(r.externalId);
      if (!run) continue;
      if (r.outcome === 'skipped') {
        this.summary.skip(r.externalId, r.reason ?? 'refused by the server', parts(run));
        continue;
      }
      this.summary.addRun(r.outcome, parts(run), r.events);
      this.known.set(r.externalId, digests.get(r.externalId) ?? jsonDigest(run));
      if (r.runId) runIds.set(r.externalId, r.runId);
      if (r.outcome !== 'unchanged') this.log(`${r.outcome} ${run.workflow} ${r.externalId} (${run.engineStatus})`);
    }
    return runIds;
  }

  /** Carries out the operator actions waiting for this source, then imports what they changed. */
  async actions(perform: (action: ClaimedAction) => Promise<ActionOutcome>): Promise<number> {
    const claimed = await this.api.claim(this.config.source, this.config.connectorId);
    for (const action of claimed) {
      const outcome = await perform(action);
      // The engine's new state goes in before the report, so a restart's new run exists to be linked.
      await this.importRuns([action.externalRunId, ...(outcome.newExternalId ? [outcome.newExternalId] : [])]);
      await this.api.complete(this.config.source, action.id, { connectorId: this.config.connectorId, ...outcome });
      this.summary.actions[outcome.ok ? 'done' : 'failed'] += 1;
      this.log(`${action.kind} ${action.externalRunId}: ${outcome.ok ? 'done' : `failed: ${outcome.error}`}`);
    }
    return claimed.length;
  }
}
