'use client';

import { ArrowRight, LoaderCircle } from 'lucide-react';
import Link from 'next/link';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { QueryError } from '@/components/ui/query-error';
import { isApiError } from '@/lib/api/fetch-json';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import { useVersionDiff } from '@/lib/api/hooks/use-version-diff';
import { useVersions } from '@/lib/api/hooks/use-versions';
import { routes } from '@/lib/routes';
import { BlastRadius } from './blast-radius';
import { VersionSelect } from './version-select';
import { WorkflowDiffCard } from './workflow-diff-card';

/** Compare this version with another: per workflow what changed, and what upgrading the older one's active runs would do. */
export function DiffTab({ version, against, onPick }: { version: VersionDetail; against: string | null; onPick: (id: string | undefined) => void }) {
  const versions = useVersions().data?.items ?? [];
  const others = versions.filter((v) => v.id !== version.id);
  const diff = useVersionDiff(version.id, against);
  const label = (id: string) => versions.find((v) => v.id === id)?.label ?? id;
  const data = diff.data;
  const changed = data?.workflows.filter((w) => w.change !== 'unchanged') ?? [];
  const unchanged = data?.workflows.filter((w) => w.change === 'unchanged') ?? [];

  return (
    <div className="space-y-5" data-testid="diff-tab">
      <Field label="Compare with" htmlFor="diff-against" className="max-w-xl">
        <VersionSelect id="diff-against" versions={others} value={against} onChange={(id) => onPick(id ?? undefined)} placeholder="Choose a version…" />
      </Field>
      {!against && (
        <p className="text-sm text-muted-foreground">Pick a version to see which steps and input fields differ, and how many active runs could move.</p>
      )}
      {diff.isFetching && !data && (
        <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
          <LoaderCircle aria-hidden className="size-4 animate-spin" /> Comparing…
        </p>
      )}
      {diff.error && <QueryError what="the diff" message={isApiError(diff.error) ? diff.error.message : 'The server could not be reached.'} stale={!!data} />}
      {data && (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            From the older
            <Link href={routes.version(data.from)} className="font-medium text-primary hover:underline">
              {label(data.from)}
            </Link>
            <ArrowRight aria-hidden className="size-4 text-muted-foreground" />
            to the newer
            <Link href={routes.version(data.to)} className="font-medium text-primary hover:underline">
              {label(data.to)}
            </Link>
          </p>
          {changed.length === 0 ? (
            <Callout tone="success" title="Same workflows">
              Every workflow has the same steps and input schema.
            </Callout>
          ) : (
            <div className={changed.length > 1 ? 'grid gap-3 lg:grid-cols-2' : 'grid gap-3'}>
              {changed.map((w) => (
                <WorkflowDiffCard key={w.workflow} diff={w} />
              ))}
            </div>
          )}
          {unchanged.length > 0 && (
            <p className="text-sm text-muted-foreground">
              Unchanged: <span className="font-mono text-[13px]">{unchanged.map((w) => w.workflow).join(', ')}</span>
            </p>
          )}
          <section className="space-y-2">
            <h3 className="text-sm font-semibold">Blast radius</h3>
            <p className="text-sm text-muted-foreground">
              Upgrading the {data.activeRuns.toLocaleString('en-US')} active {data.activeRuns === 1 ? 'run' : 'runs'} of {label(data.from)} to {label(data.to)}
              {data.sampled && ' (computed on the newest runs only)'}:
            </p>
            {data.activeRuns === 0 ? (
              <p className="text-sm text-muted-foreground italic">No active runs: nothing to move.</p>
            ) : (
              <BlastRadius radius={data.blastRadius} total={data.activeRuns} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
