import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArtifactView } from '@/components/artifacts/artifact-view';
import { InvalidDigest } from '@/components/artifacts/invalid-digest';
import { artifactKeys } from '@/lib/api/query-keys';
import { Digest } from '@/lib/contract/schemas';
import { getArtifactUsage } from '@/lib/db/queries/artifacts';
import { shortDigest } from '@/lib/domain/digest-format';
import { AppError } from '@/lib/errors';
import { requirePageCaller } from '@/lib/server/page-guard';
import { routes } from '@/lib/routes';
import { getStore } from '@/lib/server/store';

interface ArtifactPageProps {
  params: Promise<{ digest: string }>;
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: ArtifactPageProps): Promise<Metadata> {
  const digest = decoded((await params).digest);
  return { title: Digest.safeParse(digest).success ? `Artifact ${shortDigest(digest)}` : 'Not a digest' };
}

export default async function ArtifactPage({ params }: ArtifactPageProps) {
  await requirePageCaller(routes.artifact(decoded((await params).digest)));
  const parsed = Digest.safeParse(decoded((await params).digest));
  if (!parsed.success) return <InvalidDigest value={decoded((await params).digest)} />;
  const digest = parsed.data;
  const { db } = await getStore();
  const usage = await getArtifactUsage(db, digest).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const queryClient = new QueryClient();
  queryClient.setQueryData(artifactKeys.usage(digest), usage);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ArtifactView digest={digest} />
    </HydrationBoundary>
  );
}
