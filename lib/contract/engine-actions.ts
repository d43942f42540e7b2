import type { EngineActionKind, EngineActionStatus } from '@/lib/domain/run-source';

/** An operator action handed to an engine's connector, as the API shows it. */
export interface EngineActionDto {
  id: string;
  kind: EngineActionKind;
  status: EngineActionStatus;
  actor: string;
  payload: Record<string, unknown>;
  attempts: number;
  claimedBy: string | null;
  error: string | null;
  resultRunId: string | null;
  createdAt: string;
  updatedAt: string;
}
