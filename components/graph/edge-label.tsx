'use client';

import { Package, TriangleAlert } from 'lucide-react';
import { AppLink } from '@/components/ui/app-link';
import { artifactLabel } from '@/lib/domain/graph-format';
import type { GraphArtifact } from '@/lib/domain/graph-model';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';

/**
 * The label of an artifact edge, a link to the artifact's page: the short digest over "N files · size";
 * a stale one in the warning colour, "stale" first, the reason in its tooltip. `compact` (zoomed out)
 * keeps the icon only. `fan` > 1: the label speaks for that many edges carrying the same digest.
 */
export function ArtifactEdgeLabel({ artifact, condition, compact, fan }: { artifact: GraphArtifact; condition: string | null; compact: boolean; fan: number }) {
  const label = artifactLabel(artifact);
  const Icon = artifact.stale ? TriangleAlert : Package;
  const details = [label.summary, condition, fan > 1 ? `→ ${fan} steps` : null].filter(Boolean).join(' · ');
  const title = [label.staleReason ?? `Artifact manifest ${artifact.digest}`, label.summary, condition, fan > 1 ? `staged by ${fan} steps` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <AppLink
      href={routes.artifact(artifact.digest)}
      data-testid="artifact-edge-label"
      data-stale={artifact.stale || undefined}
      data-digest={artifact.digest}
      title={title}
      className={cn(
        'block rounded-md border leading-none whitespace-nowrap shadow-xs transition-colors',
        artifact.stale
          ? 'border-warning/60 bg-[color-mix(in_oklch,var(--color-warning)_14%,var(--color-card))] text-warning'
          : 'border-primary/30 bg-card text-primary hover:bg-primary/10',
        compact ? 'p-1' : 'px-1.5 py-1 text-[10px]',
      )}
    >
      {compact ? (
        <Icon aria-label={artifact.stale ? 'Stale artifact' : 'Artifact'} className="size-3" />
      ) : (
        <>
          <span className="flex items-center gap-1">
            <Icon aria-hidden className="size-3" />
            <span className="font-mono">{label.digest}</span>
          </span>
          {(artifact.stale || details) && (
            <span className="mt-0.5 block">
              {artifact.stale && <span className="font-semibold">stale</span>}
              {artifact.stale && details && ' · '}
              {details && <span className={artifact.stale ? 'opacity-80' : 'text-muted-foreground'}>{details}</span>}
            </span>
          )}
        </>
      )}
    </AppLink>
  );
}
