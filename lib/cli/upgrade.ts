import { setTimeout as sleep } from 'node:timers/promises';
import { type Command, Option } from 'commander';
import type { JobDetail } from '@/lib/contract/jobs';
import type { RunDto } from '@/lib/contract/runs';
import { UPGRADE_STRATEGIES, type UpgradeStrategy } from '@/lib/domain/job-status';
import type { UpgradeReport } from '@/lib/domain/upgrade';
import { routes } from '@/lib/routes';
import { plural, print, printErr, printJson, withJson } from './format';
import { api, EXIT } from './http-client';
import { type BulkDryRun, bulkDryRun, jobSummary, progressLine, upgradeReport } from './render-upgrade';

const POLL_MS = 500;

interface UpgradeOpts {
  to: string;
  strategy: UpgradeStrategy;
  dryRun?: boolean;
  json?: boolean;
}

interface UpgradeAnswer {
  dryRun: boolean;
  report: UpgradeReport;
  run: RunDto;
  newRun: RunDto | null;
}

const strategyOption = () =>
  new Option('--strategy <strategy>', 'how the new run starts (see Strategies below)').choices(UPGRADE_STRATEGIES).makeOptionMandatory();

const STRATEGY_HELP = `
Strategies:
  restart         pause the run and start a new one on the target with the same input (checked against its schema)
  resume          the new run reuses every completed step; refused if any changed or disappeared in the target
  partial-resume  reuse the completed steps whose definition and upstream are unchanged; re-run the rest`;

/** Polls a bulk job, drawing its progress on stderr, until it is no longer running. */
async function follow(jobId: string): Promise<JobDetail> {
  const client = api();
  const tty = process.stderr.isTTY === true;
  let last = '';
  process.once('SIGINT', () => {
    process.stderr.write(`\nStopped following. Job ${jobId} keeps running on the server: GET ${routes.api.job(jobId)}\n`);
    process.exit(130);
  });
  for (;;) {
    const job = await client.get<JobDetail>(routes.api.job(jobId));
    const line = progressLine(job);
    if (line !== last) {
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
      last = line;
    }
    if (job.status !== 'running') {
      if (tty) process.stderr.write('\n');
      return job;
    }
    await sleep(POLL_MS);
  }
}

export function registerUpgrade(program: Command): void {
  withJson(
    program
      .command('upgrade')
      .description('move an active run to another version (--dry-run: report only)')
      .argument('<run>', 'run id (run_…)')
      .requiredOption('--to <version>', 'target version id (vers_…)')
      .addOption(strategyOption())
      .option('--dry-run', 'only report: input problems, steps changed, what is reused and re-run')
      .addHelpText('after', `${STRATEGY_HELP}\n\nA dry run of an incompatible upgrade exits with 1, so \`upgrade --dry-run && upgrade\` is safe.`),
  ).action(async (runId: string, o: UpgradeOpts) => {
    const client = api();
    const body = { targetVersionId: o.to, strategy: o.strategy, dryRun: Boolean(o.dryRun) };
    // A real upgrade names the run's row version, so a run changed meanwhile is a conflict, not a surprise.
    const expectedVersion = o.dryRun ? undefined : (await client.get<RunDto>(routes.api.run(runId))).rowVersion;
    const out = await client.send<UpgradeAnswer>('POST', routes.api.runUpgrade(runId), { ...body, expectedVersion });
    if (o.json) return printJson(out);
    const head = `${runId} (${out.run.workflow} on ${out.run.versionId}) → ${o.to}, strategy ${o.strategy}`;
    if (out.dryRun) {
      print(`Dry run: ${head}: ${out.report.compatible ? 'compatible' : 'INCOMPATIBLE'}. Nothing was changed.`);
      print(upgradeReport(out.report));
      if (!out.report.compatible) process.exitCode = EXIT.refused;
      return;
    }
    print(`Upgraded ${head}.`);
    print(`New run: ${out.newRun?.id ?? '-'} (the old run stays paused until the new one starts, then it is cancelled).`);
    print(upgradeReport(out.report));
  });

  withJson(
    program
      .command('upgrade-all')
      .description('upgrade every active run of a version, with progress')
      .argument('<version>', 'source version id (vers_…)')
      .requiredOption('--to <version>', 'target version id (vers_…)')
      .addOption(strategyOption())
      .option('--dry-run', 'only report: compatible/incompatible runs with reasons, and what would re-run')
      .option('--workflow <name>', 'only runs of this workflow')
      .option('--group <path>', 'only runs under this group path')
      .option('--no-wait', 'start the job and return its id without following its progress')
      .addHelpText(
        'after',
        `${STRATEGY_HELP}\n\nWithout --dry-run the job runs on the server; progress is drawn on stderr and the exit code is non-zero if the job failed.`,
      ),
  ).action(async (from: string, o: UpgradeOpts & { workflow?: string; group?: string; wait: boolean }) => {
    const filter = o.workflow || o.group ? { workflow: o.workflow, group: o.group } : undefined;
    const body = { targetVersionId: o.to, strategy: o.strategy, dryRun: Boolean(o.dryRun), filter };
    const started = await api().send<BulkDryRun | JobDetail>('POST', routes.api.versionUpgradeRuns(from), body);
    if ('dryRun' in started) {
      if (o.json) return printJson(started);
      return print(`Dry run: ${bulkDryRun(from, o.to, started)}\nNothing was changed.`);
    }
    if (!o.wait) {
      if (o.json) return printJson(started);
      return print(`Started job ${started.id} (${plural(started.total, 'run')}). Follow it with GET ${routes.api.job(started.id)}.`);
    }
    printErr(`Job ${started.id}: upgrading ${plural(started.total, 'run')} of ${from} → ${o.to} (${o.strategy})`);
    const job = await follow(started.id);
    if (o.json) printJson(job);
    else print(jobSummary(job));
    if (job.status === 'failed') process.exitCode = EXIT.refused;
  });
}
