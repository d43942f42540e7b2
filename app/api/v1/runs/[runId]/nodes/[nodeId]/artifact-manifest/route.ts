import { setArtifactManifest } from '@/lib/ingest/artifacts';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Records (or, with an empty digest, clears) the manifest a node published. */
export const PUT = endpoint('PUT /api/v1/runs/{runId}/nodes/{nodeId}/artifact-manifest', async ({ params: { runId, nodeId }, body }) => {
  const { db } = await getStore();
  return Response.json(await setArtifactManifest(db, runId, nodeId, body.digest, body.lease));
});
