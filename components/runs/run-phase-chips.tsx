'use client';

import type { RunCounts } from '@/lib/contract/runs';
import type { RunFilters } from '@/lib/contract/schemas';
import { PHASE_CHIP_ORDER, phaseTone } from '@/lib/domain/run-list-status';
import { RUN_PHASE_LABELS, type RunPhase } from '@/lib/domain/run-phase';
import { cn } from '@/lib/utils/cn';
import { TONE_DOTS } from './run-status-badge';

const numberFormat = new Intl.NumberFormat('en-US');

export interface RunPhaseChipsProps {
  selected: RunFilters['phase'];
  counts: RunCounts | undefined;
  onToggle(phase: RunPhase): void;
  onAll(): void;
}

/** Counts by phase under the other filters; each chip toggles its phase in the filter. */
export function RunPhaseChips({ selected = [], counts, onToggle, onAll }: RunPhaseChipsProps) {
  return (
    <div role="group" aria-label="Runs by phase" className="flex flex-wrap items-center gap-1.5">
      <Chip label="All" count={counts?.total} pressed={selected.length === 0} onClick={onAll} />
      {PHASE_CHIP_ORDER.map((p) => (
        <Chip
          key={p}
          label={RUN_PHASE_LABELS[p]}
          count={counts?.byPhase[p]}
          dot={TONE_DOTS[phaseTone(p)]}
          pulse={p === 'running' && (counts?.byPhase.running ?? 0) > 0}
          pressed={selected.includes(p)}
          onClick={() => onToggle(p)}
        />
      ))}
    </div>
  );
}

interface ChipProps {
  label: string;
  count: number | undefined;
  dot?: string;
  pulse?: boolean;
  pressed: boolean;
  onClick(): void;
}

function Chip({ label, count, dot, pulse, pressed, onClick }: ChipProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        'inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium transition-colors',
        pressed
          ? 'border-primary/50 bg-primary/10 text-foreground dark:bg-primary/15'
          : 'border-border bg-background text-muted-foreground hover:bg-accent hover:text-foreground',
        count === 0 && !pressed && 'opacity-60',
      )}
    >
      {dot && (
        <span aria-hidden className="relative flex size-1.5">
          {pulse && <span className={cn('absolute inset-0 animate-ping rounded-full opacity-60', dot)} />}
          <span className={cn('relative size-1.5 rounded-full', dot)} />
        </span>
      )}
      {label}
      <span className={cn('tabular-nums', pressed ? 'text-foreground/70' : 'text-muted-foreground/80')} data-testid="chip-count">
        {count === undefined ? '–' : numberFormat.format(count)}
      </span>
    </button>
  );
}
