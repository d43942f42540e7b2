'use client';

import { Lock } from 'lucide-react';
import type { Permission } from '@/lib/api/action-access';
import { ROLES } from '@/lib/domain/roles';
import { useSession } from './caller-context';

export interface HiddenAction {
  label: string;
  permission: Permission;
}

/**
 * Stands in for the actions the signed-in role may not use (they are not offered at all): "Read-only"
 * when none is left, else which role the rest need; the tooltip names them.
 */
export function RoleNote({ hidden, anyShown }: { hidden: HiddenAction[]; anyShown: boolean }) {
  const { caller } = useSession();
  if (hidden.length === 0 || !caller) return null;
  const needs = hidden.map((h) => h.permission.needs).filter((r) => r !== null);
  const highest = ROLES.filter((r) => needs.includes(r)).at(-1) ?? 'operator';
  const title = `${hidden.map((h) => h.label).join(', ')}: ${hidden.length === 1 ? 'needs' : 'need'} the ${highest} role; you are signed in as ${caller.actor} (${caller.role}).`;
  return (
    <span data-testid="role-note" title={title} className="inline-flex h-7 cursor-help items-center gap-1 rounded-md px-1.5 text-xs text-muted-foreground">
      <Lock aria-hidden className="size-3.5" />
      {anyShown ? `More with ${highest}` : 'Read-only'}
    </span>
  );
}
