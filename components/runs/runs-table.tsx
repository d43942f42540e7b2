'use client';

import { flexRender, getCoreRowModel, type Row, useReactTable } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useRouter } from 'next/navigation';
import { type MouseEvent, memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RunListItem } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { RUN_COLUMN_LAYOUT, RUN_COLUMNS, RUN_TABLE_MIN_WIDTH } from './run-columns';

export const RUN_ROW_HEIGHT = 49;
/** Rows from the end at which scrolling loads the next page. */
const LOAD_AHEAD = 10;

export interface RunsTableProps {
  items: RunListItem[];
  highlightedId: string | null;
  onHighlight(id: string): void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore(): void;
}

const layout = (id: string) => RUN_COLUMN_LAYOUT[id] ?? {};

/**
 * The runs as a table, rows virtualized against the window scroll (the first rows render on the
 * server). A row opens its run on click; the highlighted row (j/k) is kept in view.
 */
export function RunsTable({ items, highlightedId, onHighlight, hasNextPage, isFetchingNextPage, onLoadMore }: RunsTableProps) {
  const router = useRouter();
  const table = useReactTable({ data: items, columns: RUN_COLUMNS, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id });
  const rows = table.getRowModel().rows;

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const top = (bodyRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => RUN_ROW_HEIGHT,
    overscan: 8,
    scrollMargin,
    // Keyboard moves keep a row of context under the highlighted one (and the sticky top bar above).
    scrollPaddingStart: 64,
    scrollPaddingEnd: 64,
    // The same first window on the server and while hydrating.
    initialRect: { width: 1280, height: 960 },
    initialOffset: 0,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const virtualRows = virtualizer.getVirtualItems();

  const highlightedIndex = highlightedId ? rows.findIndex((r) => r.id === highlightedId) : -1;
  useEffect(() => {
    if (highlightedIndex >= 0) virtualizer.scrollToIndex(highlightedIndex, { align: 'auto' });
  }, [highlightedIndex, virtualizer]);

  const lastIndex = virtualRows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - LOAD_AHEAD) onLoadMore();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, onLoadMore]);

  const open = useCallback(
    (id: string, e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('a, button')) return;
      if (window.getSelection()?.toString()) return; // selecting text, not opening
      onHighlight(id);
      if (e.metaKey || e.ctrlKey) window.open(routes.run(id), '_blank', 'noopener');
      else router.push(routes.run(id));
    },
    [router, onHighlight],
  );

  const first = virtualRows[0];
  const padTop = first ? first.start - scrollMargin : 0;
  const padBottom = virtualRows.length ? virtualizer.getTotalSize() - ((virtualRows.at(-1)?.end ?? 0) - scrollMargin) : 0;
  const columnCount = RUN_COLUMNS.length;

  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-separate border-spacing-0 text-left text-[13px]" style={{ minWidth: RUN_TABLE_MIN_WIDTH }}>
        <colgroup>
          {table.getAllLeafColumns().map((c) => (
            <col key={c.id} style={{ width: layout(c.id).width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  className={cn(
                    'border-b bg-muted/40 px-2.5 py-2 text-xs font-medium whitespace-nowrap text-muted-foreground first:pl-4 last:pr-4',
                    layout(h.column.id).align === 'right' && 'text-right',
                  )}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          )}
          {virtualRows.map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return <RunRow key={row.id} row={row} index={v.index} highlighted={row.id === highlightedId} onOpen={open} />;
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RunRowProps {
  row: Row<RunListItem>;
  index: number;
  highlighted: boolean;
  onOpen(id: string, e: MouseEvent): void;
}

const RunRow = memo(function RunRow({ row, index, highlighted, onOpen }: RunRowProps) {
  const run = row.original;
  return (
    <tr
      data-testid="run-row"
      data-run-id={run.id}
      data-phase={run.phase}
      data-index={index}
      data-highlighted={highlighted || undefined}
      aria-selected={highlighted}
      onClick={(e) => onOpen(run.id, e)}
      style={{ height: RUN_ROW_HEIGHT }}
      className={cn('group/row cursor-pointer transition-colors', highlighted ? 'bg-primary/[0.07] dark:bg-primary/10' : 'hover:bg-accent/50')}
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className={cn(
            'border-b px-2.5 py-1.5 align-middle first:pl-4 last:pr-4',
            layout(cell.column.id).align === 'right' && 'text-right',
            highlighted && 'first:shadow-[inset_2px_0_0_var(--color-primary)]',
          )}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});
