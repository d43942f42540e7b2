import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Access } from '@/lib/contract/endpoint-spec';

const TONE: Record<Access, BadgeTone> = { public: 'neutral', viewer: 'info', operator: 'warning', admin: 'danger' };
const LABEL: Record<Access, string> = { public: 'public', viewer: 'viewer', operator: 'operator', admin: 'admin' };

/** The weakest role an endpoint needs (`public`: no token). */
export function RoleBadge({ role }: { role: Access }) {
  return (
    <Badge tone={TONE[role]} title={role === 'public' ? 'No token needed' : `Needs the ${role} role or stronger`} data-testid="role-badge">
      {LABEL[role]}
    </Badge>
  );
}
