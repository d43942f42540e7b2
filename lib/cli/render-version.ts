import type { VersionDetail, VersionDiff, VersionListItem } from '@/lib/contract/versions';
import { DRAIN_STATE_LABELS, DRAIN_STATES, type DrainReport } from '@/lib/domain/drain';
import type { InputSchemaDiff, StrategyRadius } from '@/lib/domain/version-diff';
import { ago, clip, kv, list, plural, table, when } from './format';

/** `live, current` / `draining`. */
export const statusOf = (v: Pick<VersionListItem, 'status' | 'isCurrent'>): string => (v.isCurrent ? `${v.status}, current` : v.status);

export function versionTable(items: readonly VersionListItem[]): string {
  if (items.length === 0) return 'No versions yet: register one with `flowdeck version create --manifest FILE`.';
  return table(
    ['ID', 'LABEL', 'STATUS', 'WORKFLOWS', 'ACTIVE', 'RUNS', 'CREATED'],
    items.map((v) => [v.id, v.label ?? '-', statusOf(v), list(v.workflows, 3), String(v.activeRuns), String(v.totalRuns), ago(v.createdAt)]),
  );
}

function sourceOf(s: VersionDetail['source']): string | null {
  if (!s) return null;
  const at = [s.repo, s.commit && `@${s.commit}`].filter(Boolean).join('');
  return s.branch ? `${at} (${s.branch})` : at;
}

function inputSummary(schema: Record<string, unknown>): string {
  const props = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  const required = (schema.required as string[] | undefined) ?? [];
  const type = typeof schema.type === 'string' ? schema.type : 'any';
  return clip([type, props.length ? plural(props.length, 'field') : '', required.length ? `required ${list(required, 4)}` : ''].filter(Boolean).join('; '), 70);
}

export function versionDetail(v: VersionDetail): string {
  const head = kv([
    ['version', v.label ? `${v.id} (${v.label})` : v.id],
    ['status', statusOf(v)],
    ['address', v.address],
    ['digest', v.manifestDigest],
    ['runs', `${v.activeRuns} active, ${v.totalRuns} total`],
    ['source', sourceOf(v.source) ?? undefined],
    ['created', when(v.createdAt)],
    ['updated', when(v.updatedAt)],
    ['row version', v.rowVersion],
  ]);
  const workflows = table(
    ['WORKFLOW', 'STEPS', 'INPUT'],
    Object.entries(v.manifest.workflows).map(([name, wf]) => [
      name,
      clip(
        list(
          wf.steps.map((s) => s.id),
          8,
        ),
        60,
      ),
      inputSummary(wf.input),
    ]),
    '  ',
  );
  return `${head}\nworkflows:\n${workflows}`;
}

/** Active runs by state (running, queued, paused, sleeping, waiting on a hook) with wake and hook times. */
export function drainBreakdown(r: Pick<DrainReport, 'total' | 'counts' | 'earliestWake' | 'latestWake' | 'oldestHookSince'>): string {
  const detail: Partial<Record<(typeof DRAIN_STATES)[number], string>> = {
    sleeping: r.latestWake
      ? `${r.earliestWake && r.earliestWake !== r.latestWake ? `earliest wake ${when(r.earliestWake)}, ` : ''}latest wake ${when(r.latestWake)}`
      : undefined,
    hook: r.oldestHookSince ? `oldest waiting since ${when(r.oldestHookSince)}` : undefined,
  };
  const rows = DRAIN_STATES.map((s) => [DRAIN_STATE_LABELS[s].toLowerCase(), String(r.counts[s] ?? 0), detail[s] ?? '']);
  return table(['STATE', 'RUNS', ''], [...rows, ['total', String(r.total), '']], '  ');
}

function inputChange(d: InputSchemaDiff): string {
  if (!d.changed) return 'unchanged';
  const parts = [
    d.addedFields.length && `added ${list(d.addedFields)}`,
    d.removedFields.length && `removed ${list(d.removedFields)}`,
    d.changedFields.length && `changed ${list(d.changedFields)}`,
    d.newlyRequired.length && `newly required ${list(d.newlyRequired)}`,
    d.noLongerRequired.length && `no longer required ${list(d.noLongerRequired)}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'changed (outside the top-level fields)';
}

function radiusTable(radius: readonly StrategyRadius[]): string {
  const top = (r: StrategyRadius) => (r.reruns[0] ? `${list(r.reruns[0].steps, 4)} (${plural(r.reruns[0].runs, 'run')})` : '-');
  return table(
    ['STRATEGY', 'COMPATIBLE', 'INCOMPATIBLE', 'MOST COMMON RE-RUN'],
    radius.map((r) => [r.strategy, String(r.compatible), String(r.incompatible), top(r)]),
    '  ',
  );
}

export function versionDiff(d: VersionDiff): string {
  const out = [`${d.from} → ${d.to} (older → newer)`];
  const by = (change: string) => d.workflows.filter((w) => w.change === change).map((w) => w.workflow);
  for (const w of d.workflows.filter((x) => x.change === 'changed')) {
    out.push(`\n${w.workflow}: changed`);
    out.push(
      kv(
        [
          ['steps added', list(w.steps.added)],
          ['steps removed', list(w.steps.removed)],
          ['steps changed', list(w.steps.changed)],
          ['steps unchanged', String(w.steps.unchanged.length)],
          ['input', inputChange(w.input)],
        ],
        '  ',
      ),
    );
  }
  out.push(
    '',
    kv([
      ['workflows added', list(by('added'))],
      ['workflows removed', list(by('removed'))],
      ['unchanged', list(by('unchanged'))],
    ]),
  );
  out.push(`\nBlast radius: upgrading the ${plural(d.activeRuns, 'active run')} of ${d.from}${d.sampled ? ' (newest sample)' : ''}`);
  if (d.activeRuns > 0) {
    out.push(radiusTable(d.blastRadius));
    for (const r of d.blastRadius.filter((x) => x.reasons.length > 0)) {
      out.push(`  ${r.strategy} is refused for:`);
      out.push(
        r.reasons
          .slice(0, 5)
          .map((x) => `    ${plural(x.runs, 'run')}: ${x.reason}`)
          .join('\n'),
      );
    }
  }
  return out.join('\n');
}
