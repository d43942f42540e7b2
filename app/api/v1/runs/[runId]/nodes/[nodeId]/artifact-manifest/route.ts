import { endpoint } from '@/lib/server/endpoint';
import { ArtifactManifestBody, NodeParams } from '@/lib/contract/schemas';
import { setArtifactManifest } from '@/lib/ingest/artifacts';
import { readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string; nodeId: string }> };

/** Records (or, with an empty digest, clears) the manifest a node published. */
export const PUT = endpoint('PUT /api/v1/runs/{runId}/nodes/{nodeId}/artifact-manifest', async (req, ctx: Ctx) => {
  const { runId, nodeId } = NodeParams.parse(await ctx.params);
  const { digest, lease } = await readJson(req, ArtifactManifestBody);
  const { db } = await getStore();
  return Response.json(await setArtifactManifest(db, runId, nodeId, digest, lease));
});
