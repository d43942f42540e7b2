'use client';

import { Download } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { useManifest } from '@/lib/api/hooks/use-manifest';
import { shortDigest } from '@/lib/domain/digest-format';
import { formatBytes } from '@/lib/domain/graph-format';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';

const PAGE = 50;

const basename = (path: string) => path.split('/').at(-1) ?? path;

/** The files a manifest lists: path (a download of the blob), size, and the blob's digest page. */
export function ManifestFiles({ digest, className }: { digest: string; className?: string }) {
  const { data, error, isPending } = useManifest(digest);
  const [shown, setShown] = useState(PAGE);
  if (isPending) {
    return (
      <div className={cn('space-y-1.5', className)} role="status" aria-label="Loading files">
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-2/3" />
      </div>
    );
  }
  if (error) {
    return <p className={cn('text-sm text-danger', className)}>The manifest could not be loaded: {error.message}</p>;
  }
  return (
    <div className={cn('overflow-hidden rounded-lg border', className)}>
      <table className="w-full table-fixed text-xs" data-testid="manifest-files">
        <thead className="bg-muted/40 text-left text-muted-foreground">
          <tr>
            <th className="px-2.5 py-1.5 font-medium">File</th>
            <th className="w-16 px-2.5 py-1.5 text-right font-medium">Size</th>
            <th className="w-28 px-2.5 py-1.5 font-medium">Blob</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {data.entries.slice(0, shown).map((entry) => (
            <tr key={entry.path} data-testid="manifest-file">
              <td className="truncate px-2.5 py-1.5">
                <a
                  href={routes.api.blob(entry.digest)}
                  download={basename(entry.path)}
                  title={`Download ${entry.path}`}
                  className="inline-flex max-w-full items-center gap-1.5 font-mono text-foreground hover:text-primary"
                >
                  <Download aria-hidden className="size-3 shrink-0 text-muted-foreground" />
                  <span className="truncate">{entry.path}</span>
                </a>
              </td>
              <td className="px-2.5 py-1.5 text-right tabular-nums text-muted-foreground">{formatBytes(entry.size)}</td>
              <td className="px-2.5 py-1.5">
                <Link href={routes.artifact(entry.digest)} title={entry.digest} className="font-mono text-primary hover:underline">
                  {shortDigest(entry.digest, 10)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.entries.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)} className="w-full cursor-pointer border-t py-1.5 text-xs text-primary hover:bg-accent/50">
          Show {Math.min(PAGE, data.entries.length - shown)} more of {data.entries.length - shown}
        </button>
      )}
      <p className="border-t bg-muted/30 px-2.5 py-1.5 text-[11px] text-muted-foreground">
        {data.fileCount} {data.fileCount === 1 ? 'file' : 'files'} · {formatBytes(data.totalSize)}
      </p>
    </div>
  );
}
