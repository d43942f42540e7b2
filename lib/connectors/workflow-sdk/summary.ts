import type { ImportResult } from '@/lib/contract/engine-import';

type Tally = { imported: number; updated: number; unchanged: number; skipped: number };
const tally = (): Tally => ({ imported: 0, updated: 0, unchanged: 0, skipped: 0 });

/** What a sync did, by kind: runs, steps, events, hooks and waits imported, unchanged or skipped with the reason. */
export class SyncSummary {
  readonly runs = tally();
  readonly steps = tally();
  readonly events = tally();
  readonly hooks = tally();
  readonly waits = tally();
  readonly versions = { imported: 0, unchanged: 0 };
  readonly actions = { done: 0, failed: 0 };
  /** Lines of the runs' streams appended to their steps' logs. */
  streamLines = 0;
  readonly skipped: { runId: string; reason: string }[] = [];

  /** One run's outcome, with the counts of its parts (its nodes by kind and its events). */
  addRun(outcome: ImportResult['runs'][number]['outcome'], parts: { steps: number; hooks: number; waits: number; events: number }, newEvents: number): void {
    this.runs[outcome] += 1;
    const as = outcome === 'updated' ? 'updated' : outcome;
    this.steps[as] += parts.steps;
    this.hooks[as] += parts.hooks;
    this.waits[as] += parts.waits;
    if (outcome === 'imported' || outcome === 'updated') {
      this.events.imported += newEvents;
      this.events.unchanged += parts.events - newEvents;
    } else {
      this.events[outcome] += parts.events;
    }
  }

  skip(runId: string, reason: string, parts?: { steps: number; hooks: number; waits: number; events: number }): void {
    this.runs.skipped += 1;
    if (parts) {
      this.steps.skipped += parts.steps;
      this.hooks.skipped += parts.hooks;
      this.waits.skipped += parts.waits;
      this.events.skipped += parts.events;
    }
    this.skipped.push({ runId, reason });
  }

  lines(title: string): string[] {
    const row = (name: string, t: Tally) =>
      `  ${name.padEnd(8)} ${String(t.imported).padStart(6)} imported · ${t.updated} updated · ${t.unchanged} unchanged · ${t.skipped} skipped`;
    const out = [
      title,
      `  versions ${String(this.versions.imported).padStart(6)} imported · ${this.versions.unchanged} unchanged`,
      row('runs', this.runs),
      row('steps', this.steps),
      row('events', this.events),
      row('hooks', this.hooks),
      row('waits', this.waits),
    ];
    if (this.streamLines > 0) out.push(`  streams  ${String(this.streamLines).padStart(6)} line(s) into step logs`);
    if (this.actions.done || this.actions.failed) out.push(`  actions  ${String(this.actions.done).padStart(6)} carried out · ${this.actions.failed} failed`);
    for (const s of this.skipped.slice(0, 50)) out.push(`  skipped ${s.runId}: ${s.reason}`);
    if (this.skipped.length > 50) out.push(`  … and ${this.skipped.length - 50} more skipped`);
    return out;
  }

  toJSON() {
    const { runs, steps, events, hooks, waits, versions, actions, skipped, streamLines } = this;
    return { runs, steps, events, hooks, waits, versions, actions, skipped, streamLines };
  }
}
