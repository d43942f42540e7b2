import fs from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import type { RunDetail, RunDto } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';
import { ago, clip, kv, print, printJson, table, when, withJson } from './format';
import { api, CliError } from './http-client';
import { registerRunLogs } from './run-logs';

interface JsonOpt {
  json?: boolean;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

function inputOf(o: { input?: string; inputFile?: string }): unknown {
  if (o.input !== undefined && o.inputFile !== undefined) throw new CliError('give --input or --input-file, not both');
  if (o.inputFile !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(o.inputFile, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${o.inputFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    return parseJson(text, o.inputFile);
  }
  return o.input === undefined ? {} : parseJson(o.input, '--input');
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
}

function waitingText(run: RunDto): string | null {
  const w = run.waiting;
  if (!w) return null;
  return w.kind === 'sleep' ? `sleep on ${w.nodeId} until ${when(w.until)}` : `hook on ${w.nodeId} since ${when(w.since)}`;
}

export function runDetail(run: RunDetail): string {
  const lines = [
    kv([
      ['run', run.id],
      ['workflow', run.workflow],
      ['version', run.versionId],
      ['phase', run.result === 'unknown' ? run.phase : `${run.phase} (${run.result})`],
      ['waiting', waitingText(run) ?? undefined],
      ['created', when(run.createdAt)],
      ['upgraded from', run.upgradedFrom ?? undefined],
      ['upgraded to', run.upgradedTo ?? undefined],
      ['setup errors', run.setupErrors.length ? run.setupErrors.join('; ') : undefined],
    ]),
    '',
    table(
      ['STEP', 'STATUS', 'ATTEMPT', 'FINISHED', 'ARTIFACTS', 'REUSED FROM'],
      run.nodes.map((n) => [
        n.nodeId,
        n.status,
        String(n.attempt),
        n.finishedAt ? ago(n.finishedAt) : '-',
        n.artifactManifest ? clip(n.artifactManifest, 19) : '-',
        n.reusedFrom ?? '-',
      ]),
    ),
  ];
  if (run.waiting?.kind === 'hook') lines.push('', `Deliver the hook: flowdeck run hook ${run.id} --payload '{"approvedBy": "you"}'`);
  return lines.join('\n');
}

/** `run start|get|logs|hook`: start runs, look at one, deliver the hook it waits on. */
export function registerRuns(program: Command): void {
  const run = program.command('run').description('start runs, inspect one, print a step log, deliver the hook a run waits on');

  withJson(
    run
      .command('start')
      .description('start a run of a workflow (on the current version unless --version names one)')
      .argument('<workflow>', 'workflow name in the version manifest')
      .option('--input <json>', 'the run input, as JSON (default {})')
      .option('--input-file <file>', 'the run input, from a JSON file')
      .option('--version <id>', 'version id (vers_…); default: the current version')
      .option('--group <path>', 'group path, e.g. acme/billing/deploy', 'cli')
      .option('--count <n>', 'start this many runs with the same input', count, 1),
  ).action(async (workflow: string, o: JsonOpt & { input?: string; inputFile?: string; version?: string; group: string; count: number }) => {
    const body = { workflow, versionId: o.version, groupPath: o.group, input: inputOf(o) };
    const client = api();
    const created: RunDto[] = [];
    for (let i = 0; i < o.count; i++) created.push(await client.send<RunDto>('POST', routes.api.runs(), body));
    if (o.json) return printJson(o.count === 1 ? created[0] : { items: created });
    for (const r of created) {
      const problems = r.setupErrors.length ? `: ${r.setupErrors.join('; ')}` : '';
      print(`Started run ${r.id} (${r.phase}) of ${r.workflow} on ${r.versionId}${problems}`);
    }
  });

  withJson(run.command('get').description('one run: phase, waiting state, steps').argument('<id>', 'run id (run_…)')).action(async (id: string, o: JsonOpt) => {
    const detail = await api().get<RunDetail>(routes.api.run(id));
    if (o.json) return printJson(detail);
    print(runDetail(detail));
  });

  withJson(
    run
      .command('hook')
      .description('deliver the hook a run waits on (the same as POST /api/v1/hooks/TOKEN)')
      .argument('<id>', 'run id (run_…)')
      .option('--payload <json>', 'JSON payload: the hook step output, seen by later steps'),
  ).action(async (id: string, o: JsonOpt & { payload?: string }) => {
    const client = api();
    const detail = await client.get<RunDetail>(routes.api.run(id));
    if (detail.waiting?.kind !== 'hook')
      throw new CliError(`run ${id} is not waiting on a hook${detail.waiting ? ` (it waits on a ${detail.waiting.kind})` : ''}`, 1);
    const payload = o.payload === undefined ? undefined : parseJson(o.payload, '--payload');
    const res = await client.send<{ runId: string; nodeId: string }>('POST', routes.api.hook(detail.waiting.token), payload === undefined ? {} : { payload });
    if (o.json) return printJson(res);
    print(`Delivered the hook of ${res.runId} (step ${res.nodeId}): a runner picks the run up again.`);
  });

  registerRunLogs(run);
}
