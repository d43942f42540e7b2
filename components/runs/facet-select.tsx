'use client';

import { ChevronDown } from 'lucide-react';
import { filterControlClass } from './filter-styles';

export interface FacetOption {
  value: string;
  label: string;
}

export interface FacetSelectProps {
  label: string;
  /** The option meaning "no filter". */
  allLabel: string;
  value: string | undefined;
  options: readonly FacetOption[];
  onChange(value: string | undefined): void;
  className?: string;
}

/** A single-choice filter as a native select (keyboard and screen readers for free). */
export function FacetSelect({ label, allLabel, value, options, onChange, className }: FacetSelectProps) {
  // A value from a link that is not among the choices (a deleted version) still shows.
  const known = value === undefined || options.some((o) => o.value === value);
  return (
    <div className="relative">
      <select
        aria-label={label}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={filterControlClass(value !== undefined, `cursor-pointer appearance-none pr-7 ${className ?? ''}`)}
      >
        <option value="">{allLabel}</option>
        {!known && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
