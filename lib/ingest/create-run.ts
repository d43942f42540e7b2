import { and, eq, isNull } from 'drizzle-orm';
import type { RunDto } from '@/lib/contract/runs';
import type { Db } from '@/lib/db/client';
import { toRunDto } from '@/lib/db/queries/dto';
import { versions } from '@/lib/db/schema';
import { inputProblems } from '@/lib/domain/input-schema';
import { ownValue } from '@/lib/domain/own';
import { acceptsRuns } from '@/lib/domain/version-status';
import { AppError, notFound } from '@/lib/errors';
import { insertRun, workflowNodes } from './insert-run';

export interface CreateRunInput {
  workflow: string;
  versionId?: string;
  groupPath: string;
  input: unknown;
  setupErrors?: string[];
}

/**
 * Creates a run on the named version (or the current one) with a node per step, in one transaction.
 * Setup errors, given or found by checking the input against the workflow's schema, put it in `setuperror`.
 */
export async function createRun(db: Db, body: CreateRunInput, now = new Date()): Promise<RunDto> {
  return db.transaction(async (tx) => {
    const [version] = await tx
      .select()
      .from(versions)
      .where(body.versionId ? eq(versions.id, body.versionId) : and(eq(versions.isCurrent, true), isNull(versions.deletedAt)))
      .for('share');
    if (!version || version.deletedAt) {
      if (body.versionId) throw notFound('version', body.versionId);
      throw new AppError('version_not_accepting_runs', 'no version is current: set one current or name versionId');
    }
    if (!acceptsRuns(version.status)) {
      throw new AppError('version_not_accepting_runs', `version ${version.id} is ${version.status} and accepts no new runs`, {
        versionId: version.id,
        status: version.status,
      });
    }
    const workflow = ownValue(version.manifest.workflows, body.workflow);
    const setupErrors = [...(body.setupErrors ?? [])];
    if (!workflow && setupErrors.length === 0) {
      throw new AppError('invalid_input', `version ${version.id} has no workflow "${body.workflow}"`, {
        fields: { workflow: [`unknown workflow "${body.workflow}"`] },
      });
    }
    if (workflow) {
      for (const p of inputProblems(workflow.input, body.input)) setupErrors.push(`input ${p.path}: ${p.message}`);
    }
    const phase = setupErrors.length > 0 ? 'setuperror' : 'queued';
    const row = await insertRun(
      tx,
      {
        workflow: body.workflow,
        versionId: version.id,
        groupPath: body.groupPath,
        input: body.input ?? null,
        setupErrors: setupErrors.length > 0 ? setupErrors : null,
        phase,
      },
      { nodes: (id) => (workflow && phase === 'queued' ? workflowNodes(id, version, body.workflow) : []) },
      now,
    );
    return toRunDto(row);
  });
}
