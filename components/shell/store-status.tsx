import { Database } from 'lucide-react';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils/cn';

/** The storage engines Flowdeck runs on (mirrors the store's `engine`). */
export type StoreEngine = 'pglite' | 'postgres';

const ENGINE_LABELS: Record<StoreEngine, string> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL',
};

const ENGINE_HINTS: Record<StoreEngine, string> = {
  pglite: 'Embedded PostgreSQL (PGlite) in this server process',
  postgres: 'PostgreSQL server (DATABASE_URL)',
};

const frame = 'flex h-6 items-center gap-1.5 text-xs text-muted-foreground';

/** The database engine and schema version of this server, e.g. "PGlite · schema 1". */
export function StoreStatus({ engine, schemaVersion }: { engine: StoreEngine; schemaVersion: number }) {
  return (
    <div data-testid="store-status" data-engine={engine} title={`${ENGINE_HINTS[engine]}, database schema version ${schemaVersion}`} className={frame}>
      <Database aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">
        <span className="font-medium text-foreground/80">{ENGINE_LABELS[engine]}</span>
        {' · '}
        <span className="tabular-nums">schema {schemaVersion}</span>
      </span>
    </div>
  );
}

/** While the store opens (the first start of PGlite runs initdb, a few seconds). */
export function StoreStatusPending({ className }: { className?: string }) {
  return (
    <div className={cn(frame, className)} role="status" aria-label="Connecting to the database">
      <Database aria-hidden className="size-3.5 shrink-0" />
      <Skeleton className="h-3 w-24" />
    </div>
  );
}

/** The store could not be opened; the cause is in the server log. */
export function StoreStatusUnavailable() {
  return (
    <div data-testid="store-status" data-engine="unavailable" className={cn(frame, 'text-danger')}>
      <Database aria-hidden className="size-3.5 shrink-0" />
      <span>Database unavailable</span>
    </div>
  );
}
