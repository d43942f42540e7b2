import { JsonViewer } from '@/components/ui/json-viewer';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { isActive } from '@/lib/domain/run-phase';

/** The run's input, and its output and error once it has them. */
export function IoTab({ run }: { run: RunDetail }) {
  const pending = isActive(run.phase) ? 'Not yet: the run is still active.' : 'None.';
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="io-tab">
      <JsonViewer label="Input" value={run.input} emptyText="The run was started without input." defaultExpandDepth={3} className="lg:col-span-2" />
      <JsonViewer label="Output" value={run.output} emptyText={pending} defaultExpandDepth={3} />
      <JsonViewer
        label="Error"
        value={run.error}
        emptyText={run.result === 'failed' ? 'The engine reported no error details.' : pending}
        defaultExpandDepth={3}
      />
    </div>
  );
}
