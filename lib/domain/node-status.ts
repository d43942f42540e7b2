/** The one list of node (step) statuses and dependency conditions. */
export const NODE_STATUSES = ['pending', 'running', 'success', 'failed', 'skipped', 'cancelled'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const NEED_CONDITIONS = ['on_success', 'on_failure', 'on_skipped'] as const;
export type NeedCondition = (typeof NEED_CONDITIONS)[number];

export function isNodeTerminal(status: NodeStatus): boolean {
  return status === 'success' || status === 'failed' || status === 'skipped' || status === 'cancelled';
}

/** The node status a `needs` condition waits for. */
export function conditionStatus(when: NeedCondition): NodeStatus {
  switch (when) {
    case 'on_success':
      return 'success';
    case 'on_failure':
      return 'failed';
    case 'on_skipped':
      return 'skipped';
    default: {
      const never: never = when;
      throw new Error(`unknown condition ${String(never)}`);
    }
  }
}

export const NODE_STATUS_LABELS: Record<NodeStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  success: 'Success',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};
