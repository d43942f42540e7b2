import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { WorkflowActor } from '@/lib/connectors/workflow-sdk/act';
import { type ConnectorApi, type SyncConfig, WorkflowSync } from '@/lib/connectors/workflow-sdk/sync';
import { manifestFromBuild } from '@/lib/connectors/workflow-sdk/to-import';
import { openWorldReader } from '@/lib/connectors/workflow-sdk/world-reader';
import type { ImportResult, SourceRunsPage } from '@/lib/contract/engine-import';
import { manifestDigest } from '@/lib/domain/manifest';
import { RUN_SOURCE_LABELS } from '@/lib/domain/run-source';
import { routes } from '@/lib/routes';
import { api, CliError, EXIT } from './http-client';

interface SyncOptions {
  world: 'local' | 'postgres';
  dataDir?: string;
  databaseUrl?: string;
  manifest?: string;
  version?: string;
  appUrl?: string;
  once?: boolean;
  interval: number;
  batch: number;
  id?: string;
  json?: boolean;
}

function int(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** The app's world-local directory: the one given, else `.workflow-data` or a Next.js app's `.next/workflow-data` here. */
function localDataDir(given?: string): string {
  if (given) return path.resolve(given);
  for (const candidate of ['.workflow-data', '.next/workflow-data']) if (fs.existsSync(candidate)) return path.resolve(candidate);
  throw new CliError('no world-local directory here (.workflow-data or .next/workflow-data): pass --data-dir DIR');
}

/** `--manifest FILE`: the app's build manifest as a Flowdeck manifest, with its digest. */
function readManifest(file: string): SyncConfig['manifest'] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read the build manifest ${file}: ${(err as Error).message}`);
  }
  const flowdeck = manifestFromBuild(json);
  return { flowdeck, digest: manifestDigest(flowdeck) };
}

/** The connector API over the CLI's HTTP client (FLOWDECK_URL, FLOWDECK_TOKEN). */
function connectorApi(): ConnectorApi {
  const http = api();
  return {
    sourceRuns: (source, cursor) => http.get<SourceRunsPage>(`${routes.api.sourceRuns(source)}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    importBatch: (source, body) => http.send<ImportResult>('POST', routes.api.sourceImport(source), body),
    claim: async (source, connectorId) =>
      (await http.send<{ actions: never[] }>('POST', routes.api.sourceActionsClaim(source), { connectorId, max: 10 })).actions,
    complete: async (source, actionId, body) => {
      await http.send('POST', routes.api.sourceActionComplete(source, actionId), body);
    },
    appendLog: (runId, nodeId, body) => http.send('POST', routes.api.runNodeLogs(runId, nodeId), body),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runSync(o: SyncOptions): Promise<void> {
  if (o.world === 'postgres' && !o.databaseUrl) throw new CliError('--world postgres needs --database-url URL (the app’s world-postgres database)');
  const dataDir = o.world === 'local' ? localDataDir(o.dataDir) : undefined;
  const source = o.world === 'local' ? 'workflow-local' : 'workflow-postgres';
  const address = o.appUrl ?? (dataDir ? `file://${dataDir}` : (o.databaseUrl ?? '').replace(/\/\/[^@/]*@/, '//'));
  const config: SyncConfig = {
    source,
    connectorId: (o.id ?? `${os.hostname()}-${process.pid}`).replace(/[^A-Za-z0-9._:-]+/g, '-').slice(0, 100),
    versionLabel: o.version,
    manifest: o.manifest ? readManifest(o.manifest) : undefined,
    address,
    batchSize: o.batch,
  };
  const reader = await openWorldReader({ world: o.world, dataDir, databaseUrl: o.databaseUrl });
  const actor = new WorkflowActor({ world: o.world, dataDir, databaseUrl: o.databaseUrl, appUrl: o.appUrl });
  const log = (line: string) => {
    if (!o.once && !o.json) process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  };
  const sync = new WorkflowSync(config, reader, connectorApi(), log);
  const title = `${RUN_SOURCE_LABELS[source]} (${dataDir ?? address}) → ${api().baseUrl}`;
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await sync.init();
    await sync.tick();
    const acted = await sync.actions((a) => actor.perform(a));
    // The world's queue hands a woken or restarted run to the app in the background: give it time before exiting.
    if (o.once && acted > 0) await sleep(1_500);
    if (!o.once) {
      log(`following ${title}`);
      let backoff = o.interval;
      while (!stopping) {
        await sleep(backoff);
        try {
          await sync.tick();
          await sync.actions((a) => actor.perform(a));
          backoff = o.interval;
        } catch (err) {
          // A server or world that is briefly away is waited for; nothing is lost (the next pass re-reads).
          backoff = Math.min(backoff * 2, 10_000);
          log(`pass failed, retrying in ${backoff} ms: ${(err as Error).message}`);
        }
      }
    }
  } finally {
    await reader.close().catch(() => undefined);
    await actor.close();
  }
  if (o.json) process.stdout.write(`${JSON.stringify(sync.summary, null, 2)}\n`);
  else process.stdout.write(`${sync.summary.lines(title).join('\n')}\n`);
}

/** `flowdeck sync workflow`: the Workflow SDK connector, a client of the HTTP API like the runner. */
export function registerSync(program: Command): void {
  const sync = program.command('sync').description('import the runs of an engine Flowdeck does not run, and keep following it');
  sync
    .command('workflow')
    .description('import a Workflow SDK app (world-local directory or world-postgres database) and follow it')
    .addOption(new Option('--world <world>', 'the app’s world').choices(['local', 'postgres']).makeOptionMandatory())
    .option('--data-dir <dir>', 'world-local: the app’s data directory (default .workflow-data or .next/workflow-data)')
    .option('--database-url <url>', 'world-postgres: the app’s database')
    .option('--manifest <file>', 'the app’s build manifest (.well-known/workflow/v1/manifest.json): workflows, steps and graph of the version')
    .option('--version <label>', 'the version these runs belong to (worlds with one constant deployment id: a new build, a new label)')
    .option('--app-url <url>', 'the app’s URL: where hook deliveries and restarts are queued to (world-local needs it for those)')
    .option('--once', 'import everything there is, print a summary and exit')
    .option('--interval <ms>', 'how often to look for changes while following', int(100, 60_000), 500)
    .option('--batch <n>', 'runs per import request', int(1, 500), 200)
    .option('--id <name>', 'connector id, unique among connectors of this world (default <host>-<pid>)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Talks only to the HTTP API (FLOWDECK_URL, FLOWDECK_TOKEN with operator role when auth is on); reads the world
and acts on it only through the Workflow SDK (cancel, resume a hook, recreate a run on a deployment).

Examples:
  flowdeck sync workflow --world local --data-dir ./.workflow-data --app-url http://127.0.0.1:3100 --once
  flowdeck sync workflow --world postgres --database-url postgres://app@db/app --manifest .well-known/workflow/v1/manifest.json`,
    )
    .action(async (o: SyncOptions) => {
      await runSync(o);
      process.exitCode = EXIT.ok;
    });
}
