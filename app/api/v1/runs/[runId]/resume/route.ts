import { resumeRun } from '@/lib/control/runs';
import { runActionHandler } from '@/lib/server/run-action';

export const dynamic = 'force-dynamic';

export const POST = runActionHandler('POST /api/v1/runs/{runId}/resume', resumeRun);
