'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatTimeRange, fromDateTimeLocal, toDateTimeLocal } from '@/lib/domain/time-format';
import { FilterPopover } from './filter-popover';
import { useRunClock } from './run-clock';

const HOUR = 3_600_000;
const PRESETS = [
  { label: 'Last hour', ms: HOUR },
  { label: 'Last 24 hours', ms: 24 * HOUR },
  { label: 'Last 7 days', ms: 7 * 24 * HOUR },
  { label: 'Last 30 days', ms: 30 * 24 * HOUR },
] as const;

export interface TimeRange {
  from?: string;
  to?: string;
}

/** The created-time filter: presets, or a from/to pair in local time. */
export function TimeRangeFilter({ from, to, onChange }: TimeRange & { onChange(range: TimeRange): void }) {
  const { now, timeZone } = useRunClock();
  return (
    <FilterPopover label="Created" summary={formatTimeRange(from, to, now, timeZone)} panelClassName="w-72">
      {(close) => (
        <RangeForm
          key={`${from}|${to}`}
          from={from}
          to={to}
          onApply={(range) => {
            onChange(range);
            close();
          }}
        />
      )}
    </FilterPopover>
  );
}

function RangeForm({ from, to, onApply }: TimeRange & { onApply(range: TimeRange): void }) {
  const [fromText, setFromText] = useState(from ? toDateTimeLocal(from) : '');
  const [toText, setToText] = useState(to ? toDateTimeLocal(to) : '');
  const fromIso = fromDateTimeLocal(fromText);
  const toIso = fromDateTimeLocal(toText);
  const backwards = Boolean(fromIso && toIso && fromIso > toIso);
  const input = 'h-8 w-full rounded-md border border-input bg-background px-2 text-sm shadow-xs [color-scheme:inherit]';

  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-1">
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            onClick={() => onApply({ from: new Date(Date.now() - p.ms).toISOString(), to: undefined })}
            className="cursor-pointer rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent"
          >
            {p.label}
          </button>
        ))}
      </div>
      <form
        className="space-y-2 border-t px-1 pt-2.5"
        onSubmit={(e) => {
          e.preventDefault();
          if (!backwards) onApply({ from: fromIso, to: toIso });
        }}
      >
        <label className="block text-xs font-medium text-muted-foreground">
          From
          <input type="datetime-local" value={fromText} onChange={(e) => setFromText(e.target.value)} className={`${input} mt-1`} />
        </label>
        <label className="block text-xs font-medium text-muted-foreground">
          To
          <input type="datetime-local" value={toText} onChange={(e) => setToText(e.target.value)} className={`${input} mt-1`} />
        </label>
        {backwards && <p className="text-xs text-danger">“From” is after “To”.</p>}
        <div className="flex items-center justify-between gap-2 pt-1">
          <Button type="button" variant="ghost" size="sm" onClick={() => onApply({})} disabled={!from && !to}>
            Any time
          </Button>
          <Button type="submit" size="sm" disabled={backwards}>
            Apply
          </Button>
        </div>
      </form>
    </div>
  );
}
