'use client';

import { usePermission } from '@/components/auth/caller-context';
import { RoleNote } from '@/components/auth/role-note';
import { RUN_ACTION_ACCESS } from '@/lib/api/action-access';
import { RUN_ACTION_LABELS, RUN_ACTIONS, runActions } from '@/lib/domain/run-actions';
import type { RunPhase } from '@/lib/domain/run-phase';

/** Next to the run's actions: which of them the signed-in role may not use (Upgrade is always offered, hence always counted). */
export function RunRoleNote({ phase, upgradedTo }: { phase: RunPhase; upgradedTo?: string | null }) {
  const can = usePermission();
  const byState = runActions({ phase, upgradedTo });
  const offered = RUN_ACTIONS.filter((a) => a === 'upgrade' || byState[a]);
  const hidden = offered.filter((a) => !can(RUN_ACTION_ACCESS[a]).allowed).map((a) => ({ label: RUN_ACTION_LABELS[a], permission: can(RUN_ACTION_ACCESS[a]) }));
  return <RoleNote hidden={hidden} anyShown={hidden.length < offered.length} />;
}
