'use client';

import { KeyRound, LogOut, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { fetchJson } from '@/lib/api/fetch-json';
import { ROLE_SUMMARIES } from '@/lib/domain/roles';
import { formatTimestamp } from '@/lib/domain/time-format';
import { routes } from '@/lib/routes';
import { useSession } from './caller-context';

const OFF_HINT =
  'Authentication is off: this server listens on a loopback address, so only this machine can reach it. ' +
  'Every action is allowed and recorded as "local". Set FLOWDECK_AUTH=required (or listen on another address) to require tokens.';

/** In the shell: "Auth off · loopback" on a loopback install; else the signed-in token, its role and Sign out. */
export function AuthStatus() {
  const { authRequired, caller } = useSession();
  const [leaving, setLeaving] = useState(false);

  if (!authRequired) {
    return (
      <div data-testid="auth-status" data-mode="off" className="flex h-6 items-center">
        <Badge tone="neutral" title={OFF_HINT} className="cursor-help gap-1">
          <ShieldOff aria-hidden className="size-3" />
          Auth off<span className="hidden sm:inline"> · loopback</span>
        </Badge>
      </div>
    );
  }
  if (!caller) return null;

  const signOut = async () => {
    setLeaving(true);
    try {
      await fetchJson(routes.api.session(), { method: 'DELETE' });
    } finally {
      window.location.assign(routes.signIn());
    }
  };

  const expires = caller.expiresAt ? ` Session ends ${formatTimestamp(caller.expiresAt)}.` : '';
  return (
    <div data-testid="auth-status" data-mode="on" data-role={caller.role} className="flex min-w-0 items-center gap-2">
      <div
        className="flex min-w-0 flex-1 items-center gap-1.5 text-xs"
        title={`Signed in with the token "${caller.actor}" (${caller.role}: ${ROLE_SUMMARIES[caller.role]}).${expires}`}
      >
        <KeyRound aria-hidden className="hidden size-3.5 shrink-0 text-muted-foreground sm:block" />
        <span className="hidden truncate font-medium sm:inline" data-testid="auth-actor">
          {caller.actor}
        </span>
        <Badge tone={caller.role === 'admin' ? 'primary' : caller.role === 'operator' ? 'info' : 'neutral'} data-testid="auth-role">
          {caller.role}
        </Badge>
      </div>
      <Button size="icon-sm" variant="ghost" onClick={() => void signOut()} disabled={leaving} aria-label="Sign out" title="Sign out">
        <LogOut aria-hidden className="size-3.5" />
      </Button>
    </div>
  );
}
