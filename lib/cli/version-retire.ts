import type { Command } from 'commander';
import type { VersionDetail, VersionDiff } from '@/lib/contract/versions';
import type { DrainReport } from '@/lib/domain/drain';
import { routes } from '@/lib/routes';
import { plural, print, printJson, withJson } from './format';
import { api, CliError } from './http-client';
import { drainBreakdown, versionDiff } from './render-version';
import { fetchVersion } from './version';

interface JsonOpt {
  json?: boolean;
}

type SunsetMode = 'safe' | 'drain' | 'force';

async function sunset(id: string, mode: SunsetMode, reason?: string): Promise<{ before: VersionDetail; after: VersionDetail }> {
  const before = await fetchVersion(id);
  const after = await api().send<VersionDetail>('POST', routes.api.versionSunset(id), { mode, reason, expectedVersion: before.rowVersion });
  return { before, after };
}

/** `version drain`, `version sunset` and `version diff`: retiring a version without stranding its runs. */
export function registerVersionRetire(version: Command): void {
  withJson(
    version.command('drain').description('stop new runs; sunset by itself when the last active run ends').argument('<id>', 'version id (vers_…)'),
  ).action(async (id: string, o: JsonOpt) => {
    const { before, after } = await sunset(id, 'drain');
    if (o.json) return printJson(after);
    if (before.status === 'sunset') return print(`${id} was already sunset.`);
    if (after.status === 'sunset') return print(`${id} is sunset: it had no active runs.`);
    const report = await api().get<DrainReport>(routes.api.versionDrain(id));
    print(`${id} is ${after.status}: no new runs start on it; it sunsets by itself when its ${plural(report.total, 'active run')} end.`);
    print(drainBreakdown(report));
  });

  withJson(
    version
      .command('sunset')
      .description('retire a version; refused while runs are active, unless --force')
      .argument('<id>', 'version id (vers_…)')
      .option('--force', 'sunset even with active runs; they are flagged stranded (needs --reason)')
      .option('--reason <text>', 'why, recorded in the commit'),
  ).action(async (id: string, o: JsonOpt & { force?: boolean; reason?: string }) => {
    if (o.force && !o.reason?.trim()) throw new CliError('--force needs a written --reason "…" (it is recorded in the commit)');
    const { before, after } = await sunset(id, o.force ? 'force' : 'safe', o.reason);
    if (o.json) return printJson(after);
    if (before.status === 'sunset') return print(`${id} was already sunset.`);
    const stranded = o.force && before.activeRuns > 0 ? `; ${plural(before.activeRuns, 'active run')} flagged stranded` : '';
    print(`${id} is ${after.status}${stranded}.`);
  });

  withJson(
    version
      .command('diff')
      .description('steps and inputs changed per workflow, and the blast radius of an upgrade')
      .argument('<a>', 'version id (vers_…)')
      .argument('<b>', 'version id (vers_…) to compare against'),
  ).action(async (a: string, b: string, o: JsonOpt) => {
    const diff = await api().get<VersionDiff>(routes.api.versionDiff(a, b));
    if (o.json) printJson(diff);
    else print(versionDiff(diff));
  });
}
