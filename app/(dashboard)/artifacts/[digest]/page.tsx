import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ArtifactView } from '@/components/artifacts/artifact-view';
import { InvalidDigest } from '@/components/artifacts/invalid-digest';
import { artifactKeys } from '@/lib/api/query-keys';
import { DigestParams } from '@/lib/contract/schemas';
import { getArtifactUsage } from '@/lib/db/queries/artifacts';
import { shortDigest } from '@/lib/domain/digest-format';
import { routes } from '@/lib/routes';
import { pageLoader } from '@/lib/server/page-loader';

interface ArtifactPageProps {
  params: Promise<{ digest: string }>;
}

/** The usage of a blob or manifest; an address that holds no digest at all is explained, not a 404. */
const loadArtifact = pageLoader({
  params: DigestParams,
  path: ({ digest }) => routes.artifact(digest),
  load: async (db, { digest }) => ({ digest, usage: await getArtifactUsage(db, digest) }),
  malformed: ({ digest }) => ({ invalid: digest }),
});

export async function generateMetadata({ params }: ArtifactPageProps): Promise<Metadata> {
  const artifact = await loadArtifact(params);
  return { title: 'invalid' in artifact ? 'Not a digest' : `Artifact ${shortDigest(artifact.digest)}` };
}

export default async function ArtifactPage({ params }: ArtifactPageProps) {
  const artifact = await loadArtifact(params);
  if ('invalid' in artifact) return <InvalidDigest value={artifact.invalid} />;
  const queryClient = new QueryClient();
  queryClient.setQueryData(artifactKeys.usage(artifact.digest), artifact.usage);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ArtifactView digest={artifact.digest} />
    </HydrationBoundary>
  );
}
