'use client';

import { createContext, type ReactNode, useContext } from 'react';
import { type Permission, permission } from '@/lib/api/action-access';
import type { Access } from '@/lib/contract/endpoint-spec';
import type { SessionInfo } from '@/lib/contract/session';

const SessionContext = createContext<SessionInfo>({ authRequired: false, caller: null });

/** Who is signed in (from the root layout, per request); client components gate their actions on it. */
export function SessionProvider({ value, children }: { value: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionInfo {
  return useContext(SessionContext);
}

/** `can(access)`: whether the caller may use an action of that access, and why not. */
export function usePermission(): (need: Access) => Permission {
  const { caller } = useSession();
  return (need) => permission(caller, need);
}
