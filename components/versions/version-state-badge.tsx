import { Badge, type BadgeTone } from '@/components/ui/badge';
import { VERSION_STATE_HINTS, VERSION_STATE_LABELS, type VersionState, versionState } from '@/lib/domain/version-state';
import type { VersionStatus } from '@/lib/domain/version-status';

const TONES: Record<VersionState, BadgeTone> = {
  pending: 'neutral',
  live: 'info',
  current: 'primary',
  draining: 'warning',
  sunset: 'outline',
};

/** pending / live / current / draining / sunset, with what it means in the tooltip. */
export function VersionStateBadge({ status, isCurrent, className }: { status: VersionStatus; isCurrent: boolean; className?: string }) {
  const state = versionState(status, isCurrent);
  return (
    <Badge
      tone={TONES[state]}
      dot={state === 'draining' ? 'pulse' : true}
      title={VERSION_STATE_HINTS[state]}
      data-testid="version-state"
      data-state={state}
      className={className}
    >
      {VERSION_STATE_LABELS[state]}
    </Badge>
  );
}
