'use client';

import { X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { CommitFilters as Filters } from '@/lib/contract/schemas';
import { COMMIT_ACTIONS, commitActionLabel, COMMIT_ENTITIES as ENTITIES } from '@/lib/domain/commit-format';

const ID_PATTERN = /^[a-z]+_[0-9A-Z]{26}$/;

/** Entity, id, actor and action filters of the commit log; every change goes to the URL. */
export function CommitFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [id, setId] = useState(filters.id ?? '');
  const [actor, setActor] = useState(filters.actor ?? '');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const any = Object.values(filters).some(Boolean);
  const badId = id !== '' && !ID_PATTERN.test(id);
  return (
    <div role="group" aria-label="Filter commits" className="flex flex-wrap items-center gap-2">
      <Select
        aria-label="Entity"
        className="w-36"
        value={filters.entity ?? ''}
        onChange={(e) => set({ entity: (e.target.value || undefined) as Filters['entity'] })}
      >
        <option value="">Any entity</option>
        {ENTITIES.map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </Select>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!badId) set({ id: id || undefined, actor: actor.trim() || undefined });
        }}
        className="flex flex-wrap items-center gap-2"
      >
        <Input
          aria-label="Entity id"
          aria-invalid={badId || undefined}
          title={badId ? 'An id such as vers_… or run_…' : undefined}
          className="w-72 font-mono text-[13px]"
          placeholder="Entity id (vers_…, run_…)"
          value={id}
          onChange={(e) => setId(e.target.value.trim())}
          onBlur={() => !badId && id !== (filters.id ?? '') && set({ id: id || undefined })}
        />
        <Input
          aria-label="Actor"
          className="w-36"
          placeholder="Actor"
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          onBlur={() => actor.trim() !== (filters.actor ?? '') && set({ actor: actor.trim() || undefined })}
        />
        <button type="submit" hidden />
      </form>
      <Select aria-label="Action" className="w-48" value={filters.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
        <option value="">Any action</option>
        {COMMIT_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {commitActionLabel(a)}
          </option>
        ))}
      </Select>
      {any && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setId('');
            setActor('');
            onChange({});
          }}
        >
          <X aria-hidden className="size-3.5" /> Clear filters
        </Button>
      )}
    </div>
  );
}
