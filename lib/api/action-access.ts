import type { Access } from '@/lib/contract/endpoint-spec';
import { ENDPOINTS, type EndpointKey, FORCE_SUNSET_ACCESS } from '@/lib/contract/endpoints';
import type { CallerInfo } from '@/lib/contract/session';
import { type Role, roleAllows } from '@/lib/domain/roles';
import type { RunAction } from '@/lib/domain/run-actions';
import type { VersionAction } from '@/lib/domain/version-actions';

/**
 * Which role each UI action needs, read from the endpoint it calls (lib/contract/endpoints.ts is the one
 * source of truth; the server enforces the same access on every request).
 */
const access = (key: EndpointKey): Access => ENDPOINTS[key].access;

export const RUN_ACTION_ACCESS: Record<RunAction, Access> = {
  pause: access('POST /api/v1/runs/{runId}/pause'),
  resume: access('POST /api/v1/runs/{runId}/resume'),
  cancel: access('POST /api/v1/runs/{runId}/cancel'),
  upgrade: access('POST /api/v1/runs/{runId}/upgrade'),
  hook: access('POST /api/v1/hooks/{token}'),
};

export const VERSION_ACTION_ACCESS: Record<VersionAction, Access> = {
  'set-current': access('POST /api/v1/versions/{id}/set-current'),
  'upgrade-runs': access('POST /api/v1/versions/{id}/upgrade-runs'),
  drain: access('POST /api/v1/versions/{id}/sunset'),
  sunset: access('POST /api/v1/versions/{id}/sunset'),
  'force-sunset': FORCE_SUNSET_ACCESS,
  edit: access('PATCH /api/v1/versions/{id}'),
  delete: access('DELETE /api/v1/versions/{id}'),
};

export interface Permission {
  allowed: boolean;
  /** Why not (a tooltip), when it is not allowed. */
  reason: string | null;
  /** The role it needs (null for public). */
  needs: Role | null;
}

/** Whether the signed-in caller may use something of the given access. */
export function permission(caller: CallerInfo | null, need: Access): Permission {
  if (need === 'public') return { allowed: true, reason: null, needs: null };
  if (!caller) return { allowed: false, reason: `Sign in with a ${need} token to do this.`, needs: need };
  if (roleAllows(caller.role, need)) return { allowed: true, reason: null, needs: need };
  return { allowed: false, reason: `Needs the ${need} role; you are signed in as ${caller.actor} (${caller.role}).`, needs: need };
}
