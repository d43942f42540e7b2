import Link from 'next/link';
import { Timestamp } from '@/components/ui/timestamp';
import type { ArtifactUse } from '@/lib/api/hooks/use-artifact-usage';
import { shortDigest } from '@/lib/domain/digest-format';
import { routes } from '@/lib/routes';

export interface UsageTableProps {
  title: string;
  uses: ArtifactUse[];
  /** Consumers show the producer they staged from. */
  consumers?: boolean;
  /** The server returns at most this many rows. */
  limit: number;
  empty: string;
  testId: string;
}

const th = 'px-3 py-2 text-left text-[11px] font-medium text-muted-foreground';
const td = 'px-3 py-2 align-middle';

/** Runs and steps that produced or consumed an artifact, newest first, each linking to the run's graph. */
export function UsageTable({ title, uses, consumers, limit, empty, testId }: UsageTableProps) {
  return (
    <section data-testid={testId} aria-label={title} className="overflow-hidden rounded-xl border bg-card shadow-xs">
      <header className="flex items-baseline gap-2 border-b px-4 py-3">
        <h2 className="text-sm font-semibold">{title}</h2>
        <span className="text-xs text-muted-foreground tabular-nums">{uses.length >= limit ? `newest ${limit}` : uses.length}</span>
      </header>
      {uses.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted-foreground">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b bg-muted/40">
              <tr>
                <th className={th}>Run</th>
                <th className={th}>Step</th>
                <th className={th}>Workflow</th>
                <th className={th}>Run created</th>
                <th className={th}>Manifest</th>
                {consumers && <th className={th}>Staged from</th>}
              </tr>
            </thead>
            <tbody className="divide-y">
              {uses.map((u) => (
                <tr key={`${u.runId}/${u.nodeId}/${u.producerId ?? ''}`} data-testid="usage-row" className="hover:bg-accent/40">
                  <td className={td}>
                    <Link href={routes.run(u.runId)} className="font-mono text-xs text-primary hover:underline">
                      {u.runId}
                    </Link>
                  </td>
                  <td className={td}>
                    <Link href={routes.run(u.runId, { node: u.nodeId })} className="font-mono text-xs hover:text-primary hover:underline">
                      {u.nodeId}
                    </Link>
                  </td>
                  <td className={`${td} text-xs`}>{u.workflow}</td>
                  <td className={`${td} text-xs whitespace-nowrap text-muted-foreground`}>
                    <Timestamp iso={u.runCreatedAt} />
                  </td>
                  <td className={td}>
                    <Link href={routes.artifact(u.manifest)} title={u.manifest} className="font-mono text-xs text-primary hover:underline">
                      {shortDigest(u.manifest)}
                    </Link>
                  </td>
                  {consumers && (
                    <td className={td}>
                      {u.producerId && (
                        <Link href={routes.run(u.runId, { node: u.producerId })} className="font-mono text-xs hover:text-primary hover:underline">
                          {u.producerId}
                        </Link>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
