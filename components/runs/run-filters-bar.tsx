'use client';

import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { RunFacets } from '@/lib/contract/runs';
import type { RunFilters } from '@/lib/contract/schemas';
import { shortId } from '@/lib/domain/id-format';
import { hasActiveFilters, toggleResult, withFilters } from '@/lib/domain/run-list-filters';
import { RUN_RESULT_LABELS, RUN_RESULTS } from '@/lib/domain/run-phase';
import { RUN_SOURCE_LABELS, type RunSource } from '@/lib/domain/run-source';
import { VERSION_STATUS_LABELS } from '@/lib/domain/version-status';
import { CheckFilterMenu } from './check-filter-menu';
import { FacetSelect } from './facet-select';
import { GroupPrefixInput } from './group-prefix-input';
import { TimeRangeFilter } from './time-range-filter';
import type { FilterNavigation } from './use-run-list-filters';

export interface RunFiltersBarProps {
  filters: RunFilters;
  onChange(next: RunFilters, how?: FilterNavigation): void;
  facets: RunFacets | undefined;
}

/** The run list's filters besides the id search and the phase chips; each change becomes the URL. */
export function RunFiltersBar({ filters, onChange, facets }: RunFiltersBarProps) {
  const set = (patch: Partial<RunFilters>, how?: FilterNavigation) => onChange(withFilters(filters, patch), how);
  const versionOptions = (facets?.versions ?? []).map((v) => ({
    value: v.id,
    label: `${v.label ?? shortId(v.id, 4, 4).replace(/^vers_/, '')} · ${v.isCurrent ? 'current' : VERSION_STATUS_LABELS[v.status].toLowerCase()}`,
  }));

  return (
    <div role="group" aria-label="Filter runs" className="flex flex-wrap items-center gap-2">
      <CheckFilterMenu
        label="Result"
        options={RUN_RESULTS.map((r) => ({ value: r, label: RUN_RESULT_LABELS[r] }))}
        selected={filters.result ?? []}
        onToggle={(r) => onChange(toggleResult(filters, r))}
        onClear={() => set({ result: undefined })}
      />
      <FacetSelect
        label="Workflow"
        allLabel="Any workflow"
        value={filters.workflow}
        options={(facets?.workflows ?? []).map((w) => ({ value: w, label: w }))}
        onChange={(workflow) => set({ workflow })}
        className="w-44"
      />
      <FacetSelect
        label="Version"
        allLabel="Any version"
        value={filters.version}
        options={versionOptions}
        onChange={(version) => set({ version })}
        className="w-44"
      />
      {((facets?.sources.length ?? 0) > 1 || filters.source) && (
        <FacetSelect
          label="Source"
          allLabel="Any source"
          value={filters.source}
          options={(facets?.sources ?? []).map((s) => ({ value: s, label: RUN_SOURCE_LABELS[s] }))}
          onChange={(source) => set({ source: source as RunSource | undefined })}
          className="w-48"
        />
      )}
      <GroupPrefixInput value={filters.group ?? ''} onChange={(group) => set({ group }, 'replace')} />
      <TimeRangeFilter from={filters.from} to={filters.to} onChange={(range) => set({ from: range.from, to: range.to })} />
      {hasActiveFilters(filters) && (
        <Button variant="ghost" size="sm" onClick={() => onChange({})} className="h-8">
          <X aria-hidden className="size-3.5" />
          Clear filters
        </Button>
      )}
    </div>
  );
}
