'use client';

import { type ReactNode, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { WorkflowDiff } from '@/lib/api/hooks/use-version-diff';
import { cn } from '@/lib/utils/cn';

const CHANGE_TONES: Record<WorkflowDiff['change'], BadgeTone> = { added: 'success', removed: 'danger', changed: 'warning', unchanged: 'neutral' };
const CHANGE_LABELS: Record<WorkflowDiff['change'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' };

const CHIPS_SHOWN = 16;

function Chips({ items, tone, prefix }: { items: string[]; tone: 'add' | 'remove' | 'change'; prefix: string }) {
  const [all, setAll] = useState(false);
  const look = { add: 'bg-success-soft text-success', remove: 'bg-danger-soft text-danger line-through', change: 'bg-warning-soft text-warning' }[tone];
  const shown = all ? items : items.slice(0, CHIPS_SHOWN);
  return (
    <span className="flex flex-wrap gap-1">
      {items.length > shown.length && (
        <button type="button" onClick={() => setAll(true)} className="order-last cursor-pointer rounded px-1.5 py-0.5 text-[11px] text-primary hover:underline">
          +{items.length - shown.length} more
        </button>
      )}
      {shown.map((s) => (
        <span key={s} className={cn('rounded px-1.5 py-0.5 font-mono text-[11px]', look)}>
          {prefix}
          {s}
        </span>
      ))}
    </span>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8.5rem_1fr] items-start gap-2 py-1.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One workflow's steps added/removed/changed and input schema changes between two versions. */
export function WorkflowDiffCard({ diff }: { diff: WorkflowDiff }) {
  const { steps, input } = diff;
  return (
    <div className="rounded-lg border bg-card p-3.5" data-testid="workflow-diff" data-workflow={diff.workflow}>
      <div className="mb-1.5 flex items-center gap-2">
        <h4 className="font-mono text-sm font-semibold">{diff.workflow}</h4>
        <Badge tone={CHANGE_TONES[diff.change]}>{CHANGE_LABELS[diff.change]}</Badge>
      </div>
      <dl className="divide-y text-sm">
        {steps.added.length > 0 && (
          <Row label="Steps added">
            <Chips items={steps.added} tone="add" prefix="+ " />
          </Row>
        )}
        {steps.removed.length > 0 && (
          <Row label="Steps removed">
            <Chips items={steps.removed} tone="remove" prefix="" />
          </Row>
        )}
        {steps.changed.length > 0 && (
          <Row label="Steps changed">
            <Chips items={steps.changed} tone="change" prefix="~ " />
          </Row>
        )}
        {input.addedFields.length > 0 && (
          <Row label="Input fields added">
            <Chips items={input.addedFields} tone="add" prefix="+ " />
          </Row>
        )}
        {input.removedFields.length > 0 && (
          <Row label="Input fields removed">
            <Chips items={input.removedFields} tone="remove" prefix="" />
          </Row>
        )}
        {input.changedFields.length > 0 && (
          <Row label="Input fields changed">
            <Chips items={input.changedFields} tone="change" prefix="~ " />
          </Row>
        )}
        {input.newlyRequired.length > 0 && (
          <Row label="Newly required">
            <Chips items={input.newlyRequired} tone="change" prefix="! " />
          </Row>
        )}
        {input.noLongerRequired.length > 0 && (
          <Row label="No longer required">
            <Chips items={input.noLongerRequired} tone="add" prefix="" />
          </Row>
        )}
        {input.changed &&
          !input.addedFields.length &&
          !input.removedFields.length &&
          !input.changedFields.length &&
          !input.newlyRequired.length &&
          !input.noLongerRequired.length && (
            <Row label="Input schema">
              <span className="text-xs text-muted-foreground">changed outside its top-level fields</span>
            </Row>
          )}
        {diff.change === 'changed' && steps.unchanged.length > 0 && (
          <Row label="Unchanged steps">
            <span className="text-xs text-muted-foreground">{steps.unchanged.length}</span>
          </Row>
        )}
      </dl>
    </div>
  );
}
