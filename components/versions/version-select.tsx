'use client';

import { Select } from '@/components/ui/field';
import type { VersionListItem } from '@/lib/api/hooks/use-versions';
import { VERSION_STATE_LABELS, versionState } from '@/lib/domain/version-state';

/** `v7 — Current · vers_01J…` */
export function versionOptionLabel(v: Pick<VersionListItem, 'id' | 'label' | 'status' | 'isCurrent'>): string {
  return `${v.label ?? 'unlabelled'} — ${VERSION_STATE_LABELS[versionState(v.status, v.isCurrent)]} · ${v.id}`;
}

export interface VersionSelectProps {
  id: string;
  versions: readonly VersionListItem[];
  value: string | null;
  onChange: (id: string | null) => void;
  placeholder: string;
  disabled?: boolean;
}

/** A native select of versions (label, state, id). */
export function VersionSelect({ id, versions, value, onChange, placeholder, disabled }: VersionSelectProps) {
  return (
    <Select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} disabled={disabled}>
      <option value="">{placeholder}</option>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {versionOptionLabel(v)}
        </option>
      ))}
    </Select>
  );
}
