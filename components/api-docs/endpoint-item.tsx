import { ChevronRight } from 'lucide-react';
import { JsonViewer } from '@/components/ui/json-viewer';
import { formatBytes, type ReferenceEndpoint } from '@/lib/api/api-reference';
import { ApiPath } from './api-path';
import { FieldTable } from './field-table';
import { MethodBadge } from './method-badge';
import { RoleBadge } from './role-badge';

/** One endpoint: a row that opens (native <details>) onto its fields, body and responses. */
export function EndpointItem({ endpoint: e }: { endpoint: ReferenceEndpoint }) {
  return (
    <details id={e.id} data-testid="endpoint" data-method={e.method} data-path={e.path} className="group scroll-mt-6 border-b last:border-b-0">
      <summary className="flex cursor-pointer list-none items-center gap-3 px-4 py-2.5 hover:bg-accent/50 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-3.5 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
        <MethodBadge method={e.method} />
        <span className="min-w-0 flex-1 sm:flex sm:items-baseline sm:gap-3">
          <ApiPath path={e.path} />
          <span className="block truncate text-sm text-muted-foreground sm:inline">{e.summary}</span>
        </span>
        <RoleBadge role={e.role} />
      </summary>
      <div className="flex flex-col gap-4 bg-muted/20 px-4 pt-2 pb-5 sm:pl-11">
        {e.fields.length > 0 ? <FieldTable fields={e.fields} /> : <p className="text-xs text-muted-foreground">No parameters.</p>}
        {e.body && (
          <div className="flex flex-col gap-2 text-xs">
            <p>
              <span className="font-medium">Body</span> <code className="rounded bg-muted px-1 py-0.5 font-mono">{e.body.contentType}</code>
              {e.body.required ? '' : ' (optional)'}
              {e.body.limitBytes ? <span className="text-muted-foreground"> · up to {formatBytes(e.body.limitBytes)}</span> : null}
              {e.body.note ? <span className="text-muted-foreground"> · {e.body.note}</span> : null}
            </p>
            {e.body.schema && <JsonViewer value={e.body.schema} label="JSON Schema of the body" defaultExpandDepth={1} />}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
          <span>
            <span className="font-medium text-success">{e.success.status}</span> <span className="text-muted-foreground">{e.success.description}</span>
          </span>
          <span className="text-muted-foreground">
            errors:{' '}
            {e.errors.map((err) => (
              <span key={err.status} title={err.name} className="mr-1.5 font-mono">
                {err.status}
              </span>
            ))}
          </span>
        </div>
      </div>
    </details>
  );
}
