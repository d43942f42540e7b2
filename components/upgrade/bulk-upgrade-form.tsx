import { Field, Input, Select } from '@/components/ui/field';
import { VersionSelect } from '@/components/versions/version-select';
import type { VersionListItem } from '@/lib/api/hooks/use-versions';
import type { UpgradeStrategy } from '@/lib/domain/job-status';
import { StrategyPicker } from './strategy-picker';

export interface BulkUpgradeChoice {
  target: string | null;
  strategy: UpgradeStrategy;
  workflow: string;
  group: string;
}

export interface BulkUpgradeFormProps {
  value: BulkUpgradeChoice;
  onChange: (next: BulkUpgradeChoice) => void;
  targets: readonly VersionListItem[];
  workflows: readonly string[];
  disabled?: boolean;
}

/** Target version, strategy, and which of the active runs (workflow, group prefix). */
export function BulkUpgradeForm({ value, onChange, targets, workflows, disabled }: BulkUpgradeFormProps) {
  const set = (patch: Partial<BulkUpgradeChoice>) => onChange({ ...value, ...patch });
  return (
    <fieldset disabled={disabled} className="space-y-4">
      <Field
        label="Target version"
        htmlFor="bulk-target"
        hint={targets.length === 0 ? 'No other live version: register or serve one first.' : 'Live versions only; the current one first.'}
      >
        <VersionSelect id="bulk-target" versions={targets} value={value.target} onChange={(target) => set({ target })} placeholder="Choose the target…" />
      </Field>
      <StrategyPicker name="bulk-strategy" value={value.strategy} onChange={(strategy) => set({ strategy })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Workflow (optional)" htmlFor="bulk-workflow">
          <Select id="bulk-workflow" value={value.workflow} onChange={(e) => set({ workflow: e.target.value })}>
            <option value="">All workflows</option>
            {workflows.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Group path prefix (optional)" htmlFor="bulk-group">
          <Input id="bulk-group" value={value.group} maxLength={500} placeholder="acme/billing" onChange={(e) => set({ group: e.target.value.trim() })} />
        </Field>
      </div>
    </fieldset>
  );
}
