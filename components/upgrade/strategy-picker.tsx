import { UPGRADE_STRATEGIES, type UpgradeStrategy } from '@/lib/domain/job-status';
import { UPGRADE_STRATEGY_HINTS, UPGRADE_STRATEGY_LABELS } from '@/lib/domain/upgrade-strategies';
import { cn } from '@/lib/utils/cn';

/** The three upgrade strategies as radio cards, each with what it does in one line. */
export function StrategyPicker({
  value,
  onChange,
  name,
  offered = UPGRADE_STRATEGIES,
}: {
  value: UpgradeStrategy;
  onChange: (s: UpgradeStrategy) => void;
  name: string;
  /** The strategies the run's engine can carry out (all, for runs Flowdeck moves itself). */
  offered?: readonly UpgradeStrategy[];
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1.5 text-xs font-medium text-foreground/90">Strategy</legend>
      {offered.map((s) => (
        <label
          key={s}
          className={cn(
            'flex cursor-pointer items-start gap-2.5 rounded-lg border px-3 py-2 transition-colors',
            value === s ? 'border-primary/50 bg-primary/[0.05] dark:bg-primary/10' : 'hover:bg-accent/50',
          )}
        >
          <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} className="mt-0.5 accent-[var(--color-primary)]" />
          <span>
            <span className="block text-sm font-medium">{UPGRADE_STRATEGY_LABELS[s]}</span>
            <span className="block text-xs text-muted-foreground">{UPGRADE_STRATEGY_HINTS[s]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
