'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { RunListItem } from '@/lib/contract/runs';
import { CreatedCell, DurationCell, GroupCell, RunIdCell, RunStatusCell, VersionCell, WorkflowCell } from './run-cells';

const col = createColumnHelper<RunListItem>();

/** The run list's columns, in order. Widths and alignment live in RUN_COLUMN_LAYOUT (by column id). */
export const RUN_COLUMNS = [
  col.display({ id: 'status', header: 'Status', cell: ({ row }) => <RunStatusCell run={row.original} /> }),
  col.accessor('id', { header: 'Run', cell: ({ getValue }) => <RunIdCell id={getValue()} /> }),
  col.accessor('workflow', { header: 'Workflow', cell: ({ row }) => <WorkflowCell run={row.original} /> }),
  col.accessor('groupPath', { header: 'Group', cell: ({ getValue }) => <GroupCell path={getValue()} /> }),
  col.accessor('versionId', { header: 'Version', cell: ({ getValue }) => <VersionCell id={getValue()} /> }),
  col.accessor('createdAt', { header: 'Created', cell: ({ getValue }) => <CreatedCell at={getValue()} /> }),
  col.display({ id: 'duration', header: 'Duration', cell: ({ row }) => <DurationCell run={row.original} /> }),
];

export interface ColumnLayout {
  /** A fixed width; the column without one takes the rest. */
  width?: number;
  align?: 'right';
}

export const RUN_COLUMN_LAYOUT: Record<string, ColumnLayout> = {
  status: { width: 214 },
  id: { width: 124 },
  workflow: { width: 166 },
  groupPath: {},
  versionId: { width: 92 },
  createdAt: { width: 88 },
  duration: { width: 80, align: 'right' },
};

/** The narrowest the table gets before it scrolls sideways. */
export const RUN_TABLE_MIN_WIDTH = Object.values(RUN_COLUMN_LAYOUT).reduce((sum, c) => sum + (c.width ?? 140), 0);
