import { ChevronRight, Fingerprint, GitBranch, GitCommitHorizontal, Globe, Package } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Callout } from '@/components/ui/callout';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/relative-time';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import { shortDigest } from '@/lib/domain/digest-format';
import { ENGINE_LIMITS, isEngineSource, RUN_SOURCE_LABELS } from '@/lib/domain/run-source';
import { routes } from '@/lib/routes';
import { VersionStateBadge } from './version-state-badge';

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5" title={label}>
      <span aria-hidden className="text-muted-foreground [&_svg]:size-3.5">
        {icon}
      </span>
      <span className="sr-only">{label}: </span>
      {children}
    </div>
  );
}

/** Who the version is: label, id, state, where it is served, where its code came from, its content digest. */
export function VersionHeader({ version, actions }: { version: VersionDetail; actions?: ReactNode }) {
  const { source } = version;
  return (
    <header className="mb-6 space-y-4">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-sm text-muted-foreground">
        <Link href={routes.versions()} className="hover:text-foreground">
          Versions
        </Link>
        <ChevronRight aria-hidden className="size-3.5" />
        <span className="truncate">{version.label ?? version.id}</span>
      </nav>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2.5">
            <h1 className="text-2xl font-semibold tracking-tight">{version.label ?? 'Unlabelled version'}</h1>
            <VersionStateBadge status={version.status} isCurrent={version.isCurrent} />
            {isEngineSource(version.runSource) && (
              <Badge tone="outline" data-testid="version-source" title={version.externalKey ? `Deployment ${version.externalKey}` : undefined}>
                {RUN_SOURCE_LABELS[version.runSource]}
              </Badge>
            )}
          </div>
          <div className="mt-1 flex items-center gap-1 font-mono text-sm text-muted-foreground">
            <span data-testid="version-id">{version.id}</span>
            <CopyButton value={version.id} label="Copy version id" />
          </div>
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2 lg:justify-end">{actions}</div>}
      </div>
      <div className="grid gap-x-6 gap-y-2 rounded-xl border bg-card px-4 py-3 text-sm shadow-xs sm:grid-cols-2 lg:grid-cols-3">
        <Fact icon={<Globe />} label="Address">
          {version.address ? (
            <a
              href={version.address}
              target="_blank"
              rel="noreferrer"
              className="truncate font-mono text-[13px] text-primary hover:underline"
              data-testid="version-address"
            >
              {version.address}
            </a>
          ) : (
            <span className="text-muted-foreground italic">no address (pending)</span>
          )}
        </Fact>
        <Fact icon={<Fingerprint />} label="Manifest digest">
          <span className="truncate font-mono text-[13px]" title={version.manifestDigest}>
            sha256:{shortDigest(version.manifestDigest, 16)}…
          </span>
          <CopyButton value={version.manifestDigest} label="Copy manifest digest" />
        </Fact>
        <Fact icon={<Package />} label="Runs">
          <span>
            <span className="font-medium tabular-nums">{version.activeRuns.toLocaleString('en-US')}</span> active ·{' '}
            <span className="tabular-nums">{version.totalRuns.toLocaleString('en-US')}</span> total
          </span>
        </Fact>
        <Fact icon={<GitBranch />} label="Source repository and branch">
          {source?.repo ? (
            <span className="truncate font-mono text-[13px]">
              {source.repo}
              {source.branch && <span className="text-muted-foreground"> @ {source.branch}</span>}
            </span>
          ) : (
            <span className="text-muted-foreground italic">no source recorded</span>
          )}
        </Fact>
        <Fact icon={<GitCommitHorizontal />} label="Source commit">
          {source?.commit ? (
            <span className="flex min-w-0 items-center gap-1">
              <span className="truncate font-mono text-[13px]" title={source.commit}>
                {source.commit.slice(0, 12)}
              </span>
              <CopyButton value={source.commit} label="Copy source commit" />
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          )}
        </Fact>
        <div className="flex items-center gap-1.5 text-muted-foreground">
          Created <RelativeTime iso={version.createdAt} className="text-foreground/85" /> · updated{' '}
          <RelativeTime iso={version.updatedAt} className="text-foreground/85" />
        </div>
      </div>
      {isEngineSource(version.runSource) && (version.status === 'draining' || version.isCurrent === false) && (
        <Callout tone="info" data-testid="version-engine-limits">
          This is a deployment of a {RUN_SOURCE_LABELS[version.runSource]} app, imported by its connector. {ENGINE_LIMITS.drain} Cancels, hook deliveries and
          restarts are carried out by the connector through the SDK.
        </Callout>
      )}
    </header>
  );
}
