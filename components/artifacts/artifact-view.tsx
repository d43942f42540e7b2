'use client';

import { Download, FileBox, Package } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { RefetchError } from '@/components/run-detail/refetch-error';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { useArtifactUsage } from '@/lib/api/hooks/use-artifact-usage';
import { shortDigest } from '@/lib/domain/digest-format';
import { formatBytes } from '@/lib/domain/graph-format';
import { routes } from '@/lib/routes';
import { DigestForm } from './digest-form';
import { ManifestFiles } from './manifest-files';
import { UsageTable } from './usage-table';

/** The server caps each usage list at this many rows. */
const USAGE_LIMIT = 100;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/** A blob or manifest: what it is, its files or the manifests listing it, who produced and who consumed it. */
export function ArtifactView({ digest }: { digest: string }) {
  const { data, error } = useArtifactUsage(digest);
  if (!data) return error ? <RefetchError error={error} what="this artifact" /> : null;
  const manifest = data.kind === 'manifest';
  return (
    <>
      <PageHeader
        title={
          <>
            <span data-testid="artifact-kind">{manifest ? 'Manifest' : 'Blob'}</span>{' '}
            <span className="font-mono text-xl font-medium text-muted-foreground">{shortDigest(data.digest)}</span>
          </>
        }
        badge={
          manifest && data.fileCount !== null ? (
            <Badge tone="primary">
              {data.fileCount} {data.fileCount === 1 ? 'file' : 'files'}
            </Badge>
          ) : undefined
        }
        description={
          <span className="flex items-center gap-1 font-mono text-xs break-all" data-testid="artifact-digest">
            {data.digest}
            <CopyButton value={data.digest} label="Copy digest" className="size-5" />
          </span>
        }
        actions={<DigestForm className="sm:w-96" />}
        className="mb-6"
      />
      <div className="space-y-6">
        <dl className="flex flex-wrap gap-x-10 gap-y-3 rounded-xl border bg-card px-5 py-4 shadow-xs">
          <Fact label="Kind">{manifest ? 'Manifest (a list of files)' : 'Blob (file contents)'}</Fact>
          <Fact label={manifest ? 'Total size' : 'Size'}>
            <span className="tabular-nums">{formatBytes(data.size)}</span>
          </Fact>
          {data.fileCount !== null && (
            <Fact label="Files">
              <span className="tabular-nums">{data.fileCount}</span>
            </Fact>
          )}
          {!manifest && (
            <Fact label="Contents">
              <a
                href={routes.api.blob(data.digest)}
                download={shortDigest(data.digest)}
                className="inline-flex items-center gap-1 text-primary hover:underline"
              >
                <Download aria-hidden className="size-3.5" />
                Download
              </a>
            </Fact>
          )}
        </dl>
        {manifest ? (
          <section aria-label="Files">
            <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold">
              <FileBox aria-hidden className="size-4 text-muted-foreground" /> Files
            </h2>
            <ManifestFiles digest={data.digest} />
          </section>
        ) : (
          <section aria-label="Listed in" data-testid="artifact-manifests">
            <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold">
              <Package aria-hidden className="size-4 text-muted-foreground" /> Listed in {data.manifests.length}{' '}
              {data.manifests.length === 1 ? 'manifest' : 'manifests'}
            </h2>
            <ul className="flex flex-wrap gap-2">
              {data.manifests.map((m) => (
                <li key={m}>
                  <Link href={routes.artifact(m)} title={m} className="rounded-md border bg-card px-2 py-1 font-mono text-xs text-primary hover:bg-accent">
                    {shortDigest(m)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <UsageTable title="Produced by" uses={data.producedBy} limit={USAGE_LIMIT} empty="No step of any run published this artifact." testId="produced-by" />
        <UsageTable
          title="Consumed by"
          uses={data.consumedBy}
          consumers
          limit={USAGE_LIMIT}
          empty="No step of any run staged this artifact."
          testId="consumed-by"
        />
      </div>
    </>
  );
}
