import type { JobDetail } from '@/lib/contract/jobs';
import type { UpgradeReport } from '@/lib/domain/upgrade';
import type { StrategyRadius } from '@/lib/domain/version-diff';
import { bar, kv, list, plural, table } from './format';

/** The answer of a bulk dry run: how many active runs could move, why the others cannot, what re-runs. */
export type BulkDryRun = { dryRun: true; total: number } & StrategyRadius;

/** The compatibility report of one run's upgrade: input problems, step changes, reuse and re-run. */
export function upgradeReport(r: UpgradeReport): string {
  const problems = r.input.problems.map((p) => `${p.path}: ${p.message}`);
  const lines = kv(
    [
      ['compatible', r.compatible ? 'yes' : 'NO'],
      ['input', r.input.ok ? 'ok' : problems.length ? plural(problems.length, 'problem') : 'not checked'],
      ...problems.map((p) => ['  ', p] as const),
      ['steps added', list(r.steps.added)],
      ['steps removed', list(r.steps.removed)],
      ['steps changed', list(r.steps.changed)],
      ['reuse', list(r.reuse)],
      ['re-run', list(r.rerun)],
    ],
    '  ',
  );
  const reasons = r.reasons.length ? `\n  refused because:\n${r.reasons.map((x) => `    - ${x}`).join('\n')}` : '';
  return lines + reasons;
}

export function bulkDryRun(from: string, to: string, d: BulkDryRun): string {
  const out = [`${from} → ${to}, strategy ${d.strategy}: ${plural(d.total, 'active run')}; ${d.compatible} compatible, ${d.incompatible} incompatible`];
  if (d.reasons.length)
    out.push(
      '',
      table(
        ['RUNS', 'WHY INCOMPATIBLE'],
        d.reasons.map((r) => [String(r.runs), r.reason]),
        '  ',
      ),
    );
  if (d.reruns.length)
    out.push(
      '',
      table(
        ['RUNS', 'STEPS THAT RE-RUN'],
        d.reruns.map((r) => [String(r.runs), list(r.steps)]),
        '  ',
      ),
    );
  return out.join('\n');
}

/** `[#####-----] 412/1000 done 400 failed 2 skipped 10`. */
export function progressLine(job: Pick<JobDetail, 'total' | 'done' | 'failed' | 'skipped'>): string {
  const processed = job.done + job.failed + job.skipped;
  return `${bar(processed, job.total)} ${processed}/${job.total} done ${job.done} failed ${job.failed} skipped ${job.skipped}`;
}

const OUTCOME_LIMIT = 20;

export function jobSummary(job: JobDetail): string {
  const head = `Job ${job.id} ${job.status}: ${plural(job.total, 'run')} of ${job.versionId} → ${job.targetVersionId} (${job.strategy}); ${job.done} upgraded, ${job.failed} failed, ${job.skipped} skipped`;
  const notDone = job.items.filter((i) => i.status === 'failed' || i.status === 'skipped');
  const upgraded = job.items.filter((i) => i.status === 'upgraded');
  const out = [head];
  if (upgraded.length) {
    out.push(
      '',
      table(
        ['RUN', 'NEW RUN'],
        upgraded.slice(0, OUTCOME_LIMIT).map((i) => [i.runId, i.newRunId ?? '-']),
        '  ',
      ),
    );
    if (upgraded.length > OUTCOME_LIMIT) out.push(`  … and ${upgraded.length - OUTCOME_LIMIT} more (--json lists them all)`);
  }
  if (notDone.length) {
    out.push(
      '',
      table(
        ['RUN', 'OUTCOME', 'REASON'],
        notDone.slice(0, OUTCOME_LIMIT).map((i) => [i.runId, i.status, i.reason ?? '-']),
        '  ',
      ),
    );
    if (notDone.length > OUTCOME_LIMIT) out.push(`  … and ${notDone.length - OUTCOME_LIMIT} more (--json lists them all)`);
  }
  return out.join('\n');
}
