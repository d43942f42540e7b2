import { ChevronRight, FolderTree, Layers } from 'lucide-react';
import { AppLink } from '@/components/ui/app-link';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { RunActions } from '@/components/upgrade/run-actions';
import { RunRoleNote } from '@/components/upgrade/run-role-note';
import { RunUpgradeDialog } from '@/components/upgrade/run-upgrade-dialog';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { isEngineSource, RUN_SOURCE_LABELS } from '@/lib/domain/run-source';
import { routes } from '@/lib/routes';
import { RunAlerts } from './run-alerts';
import { RunFacts } from './run-facts';
import { RunFailureAlert } from './run-failure';
import { PhaseBadge, ResultBadge } from './status-badges';

/** Who the run is (workflow, id, phase and result), its facts, and anything an operator must notice. */
export function RunHeader({ run }: { run: RunDetail }) {
  return (
    <header className="mb-6 space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 flex items-center gap-1 text-sm text-muted-foreground">
          <AppLink href={routes.runs()} className="hover:text-foreground">
            Runs
          </AppLink>
          <ChevronRight aria-hidden className="size-3.5" />
          <AppLink href={routes.runs({ workflow: run.workflow })} className="hover:text-foreground">
            {run.workflow}
          </AppLink>
        </nav>
        <div className="flex flex-wrap items-center gap-2.5">
          <h1 className="text-2xl font-semibold tracking-tight">{run.workflow}</h1>
          <PhaseBadge phase={run.phase} />
          <ResultBadge result={run.result} />
          {isEngineSource(run.source) && (
            <Badge tone="outline" data-testid="run-source" title={run.engineStatus ? `The app says: ${run.engineStatus}` : undefined}>
              {RUN_SOURCE_LABELS[run.source]}
            </Badge>
          )}
          {run.stranded && (
            <Badge tone="warning" data-testid="run-stranded">
              Stranded
            </Badge>
          )}
          <div className="ml-auto flex gap-2">
            <RunActions runId={run.id} phase={run.phase} rowVersion={run.rowVersion} upgradedTo={run.upgradedTo} source={run.source} />
            <RunUpgradeDialog
              runId={run.id}
              versionId={run.versionId}
              workflow={run.workflow}
              rowVersion={run.rowVersion}
              phase={run.phase}
              upgradedTo={run.upgradedTo}
              source={run.source}
            />
            <RunRoleNote phase={run.phase} upgradedTo={run.upgradedTo} />
          </div>
        </div>
        <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted-foreground">
          <span className="flex items-center gap-1 font-mono">
            <span data-testid="run-id">{run.id}</span>
            <CopyButton value={run.id} label="Copy run id" />
          </span>
          <span className="flex items-center gap-1.5">
            <Layers aria-hidden className="size-3.5" />
            <AppLink
              href={routes.version(run.versionId)}
              data-testid="run-version"
              title={`Version ${run.versionId}`}
              className="font-mono text-[13px] text-primary hover:underline"
            >
              {run.versionLabel ?? run.versionId}
            </AppLink>
          </span>
          <span className="flex items-center gap-1.5">
            <FolderTree aria-hidden className="size-3.5" />
            <AppLink
              href={routes.runs({ group: run.groupPath })}
              data-testid="run-group"
              title={`Runs in ${run.groupPath}`}
              className="font-mono text-[13px] text-primary hover:underline"
            >
              {run.groupPath}
            </AppLink>
          </span>
          {run.externalId && (
            <span className="flex items-center gap-1 font-mono text-[13px]" title={run.workflowRef ?? undefined}>
              <span className="font-sans text-muted-foreground">in the app</span>
              <span data-testid="run-external-id">{run.externalId}</span>
              <CopyButton value={run.externalId} label="Copy the app's run id" />
            </span>
          )}
          {run.workflowRef && (
            <span className="flex items-center gap-1 font-mono text-[13px]" data-testid="run-workflow-ref">
              <span className="max-w-[28ch] truncate text-muted-foreground">{run.workflowRef}</span>
              <CopyButton value={run.workflowRef} label="Copy the full workflow id" />
            </span>
          )}
        </div>
      </div>
      <RunFacts run={run} />
      {/* A setup failure's errors are listed by RunAlerts. */}
      {run.failure && (run.failure.nodeId !== null || run.setupErrors.length === 0) && <RunFailureAlert runId={run.id} failure={run.failure} />}
      <RunAlerts run={run} />
    </header>
  );
}
