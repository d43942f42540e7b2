import { pgEnum } from 'drizzle-orm/pg-core';
import { EVENT_TYPES } from '@/lib/domain/event-types';
import { JOB_ITEM_STATUSES, JOB_STATUSES, UPGRADE_STRATEGIES } from '@/lib/domain/job-status';
import { NODE_STATUSES } from '@/lib/domain/node-status';
import { ROLES } from '@/lib/domain/roles';
import { RUN_PHASES, RUN_RESULTS } from '@/lib/domain/run-phase';
import { VERSION_STATUSES } from '@/lib/domain/version-status';

export const runPhase = pgEnum('run_phase', RUN_PHASES);
export const runResult = pgEnum('run_result', RUN_RESULTS);
export const nodeStatus = pgEnum('node_status', NODE_STATUSES);
export const versionStatus = pgEnum('version_status', VERSION_STATUSES);
export const eventType = pgEnum('event_type', EVENT_TYPES);
export const tokenRole = pgEnum('token_role', ROLES);
export const jobStatus = pgEnum('job_status', JOB_STATUSES);
export const jobItemStatus = pgEnum('job_item_status', JOB_ITEM_STATUSES);
export const upgradeStrategy = pgEnum('upgrade_strategy', UPGRADE_STRATEGIES);
