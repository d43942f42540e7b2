import 'server-only';
import type { QueryClient } from '@tanstack/react-query';
import { LOG_HEAD_LINES } from '@/lib/api/hooks/use-log-head';
import { nodeRevision } from '@/lib/api/hooks/use-run-node';
import { runKeys } from '@/lib/api/query-keys';
import type { RunDetail } from '@/lib/contract/runs';
import type { RunViewSearch } from '@/lib/contract/schemas';
import type { Db } from '@/lib/db/client';
import { getLogPage } from '@/lib/db/queries/logs';
import { logFocusNode } from '@/lib/domain/log-focus';

/**
 * For a run page opened on its Logs tab: the first page of the log the tab opens on, seeded under the key
 * the viewer reads (the same step and attempt LogsTab picks), so the first lines come with the HTML.
 * A log that cannot be read is left to the browser, which shows why.
 */
export async function seedRunLogHead(queryClient: QueryClient, db: Db, run: RunDetail, search: RunViewSearch): Promise<void> {
  if (search.tab !== 'logs') return;
  const asked = search.node && run.nodes.some((n) => n.nodeId === search.node) ? search.node : null;
  const node = run.nodes.find((n) => n.nodeId === (asked ?? logFocusNode(run.nodes, run.failure?.nodeId ?? null)));
  if (!node) return;
  const attempt = asked ? (search.attempt ?? null) : null;
  const page = await getLogPage(db, run.id, node.nodeId, { attempt: attempt ?? undefined, limit: LOG_HEAD_LINES }).catch(() => null);
  if (page) queryClient.setQueryData(runKeys.logHead(run.id, node.nodeId, attempt, nodeRevision(node)), page);
}
