'use client';

import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { ManifestFiles } from '@/components/artifacts/manifest-files';
import { AppLink } from '@/components/ui/app-link';
import { CopyButton } from '@/components/ui/copy-button';
import type { ArtifactEdge, NodeSummary, RunDetail } from '@/lib/contract/runs';
import { shortDigest } from '@/lib/domain/digest-format';
import { artifactLabel } from '@/lib/domain/graph-format';
import { routes } from '@/lib/routes';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId}>
      <h3 className="mb-1.5 text-xs font-medium text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}

function DigestLink({ digest }: { digest: string }) {
  return (
    <AppLink href={routes.artifact(digest)} title={digest} className="font-mono text-xs text-primary hover:underline">
      {shortDigest(digest)}
    </AppLink>
  );
}

/** A staging between two nodes: the other node, the digest, and the stale flag with why. */
function Staging({ edge, other, onSelect }: { edge: ArtifactEdge; other: string; onSelect: (id: string) => void }) {
  const label = artifactLabel(edge);
  return (
    <li data-testid="staging" data-stale={edge.stale || undefined} className="rounded-md border px-2.5 py-1.5 text-xs">
      <div className="flex items-center gap-2">
        <button type="button" onClick={() => onSelect(other)} className="min-w-0 cursor-pointer truncate font-mono font-medium hover:text-primary">
          {other}
        </button>
        <span className="flex-1" />
        {edge.stale && (
          <span className="inline-flex items-center gap-1 rounded bg-warning-soft px-1 py-0.5 font-medium text-warning">
            <TriangleAlert aria-hidden className="size-3" />
            stale
          </span>
        )}
        <DigestLink digest={edge.digest} />
      </div>
      {label.summary && <p className="mt-0.5 text-muted-foreground">{label.summary}</p>}
      {label.staleReason && <p className="mt-1 text-warning">{label.staleReason}</p>}
    </li>
  );
}

/** What the node published (manifest and files), what it staged from whom, and who staged from it. */
export function NodeArtifacts({ run, node, onSelect }: { run: RunDetail; node: NodeSummary; onSelect: (id: string) => void }) {
  const staged = run.edges.filter((e) => e.to === node.nodeId);
  const consumers = run.edges.filter((e) => e.from === node.nodeId);
  return (
    <>
      <Section title="Published artifacts" testId="node-published">
        {node.artifactManifest ? (
          <>
            <div className="mb-2 flex items-center gap-1">
              <span className="text-xs text-muted-foreground">Manifest</span>
              <DigestLink digest={node.artifactManifest} />
              <CopyButton value={node.artifactManifest} label="Copy manifest digest" className="size-5" />
            </div>
            <ManifestFiles digest={node.artifactManifest} />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">This step published no artifacts.</p>
        )}
      </Section>
      {staged.length > 0 && (
        <Section title="Staged from" testId="node-staged">
          <ul className="space-y-1.5">
            {staged.map((e) => (
              <Staging key={e.from} edge={e} other={e.from} onSelect={onSelect} />
            ))}
          </ul>
        </Section>
      )}
      {consumers.length > 0 && (
        <Section title="Staged by" testId="node-consumers">
          <ul className="space-y-1.5">
            {consumers.map((e) => (
              <Staging key={e.to} edge={e} other={e.to} onSelect={onSelect} />
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
