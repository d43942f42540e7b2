import type { Db } from '@/lib/db/client';
import { versions } from '@/lib/db/schema';
import { newId } from '@/lib/domain/ids';
import { prepareManifest, type VersionManifest } from '@/lib/domain/manifest';
import type { VersionStatus } from '@/lib/domain/version-status';

/** A small manifest: build → test → (package | notify on failure) → approve (hook) → cool-down (sleep). */
export const PIPELINE: VersionManifest = {
  workflows: {
    pipeline: {
      input: {
        type: 'object',
        required: ['branch'],
        properties: { branch: { type: 'string', minLength: 1 }, retries: { type: 'integer', minimum: 0 } },
        additionalProperties: false,
      },
      steps: [
        { id: 'build', run: 'make build', outputs: ['dist/app.tar'] },
        { id: 'test', run: 'make test', needs: [{ step: 'build' }] },
        { id: 'package', run: 'make package', needs: [{ step: 'test', when: 'on_success' }] },
        { id: 'notify', run: 'notify failure', needs: [{ step: 'test', when: 'on_failure' }] },
        { id: 'approve', hook: { description: 'release approval' }, needs: [{ step: 'package' }] },
        { id: 'cool-down', sleep: '2h', needs: [{ step: 'approve' }] },
      ],
    },
  },
};

/** Inserts a version row directly (the registry's control API is not needed for ingest tests). */
export async function insertVersion(db: Db, options: { manifest?: VersionManifest; status?: VersionStatus; current?: boolean } = {}): Promise<string> {
  const manifest = options.manifest ?? PIPELINE;
  const id = newId('vers');
  const now = new Date();
  await db.insert(versions).values({
    id,
    manifest,
    ...prepareManifest(manifest),
    address: 'http://127.0.0.1:9/v',
    status: options.status ?? 'live',
    isCurrent: options.current ?? false,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}
