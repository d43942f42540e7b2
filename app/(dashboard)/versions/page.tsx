import { Layers } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Versions' };

export default function VersionsPage() {
  return (
    <>
      <PageHeader
        title="Versions"
        description="The registry of deployed workflow code, and the safe way to retire or upgrade from it."
      />
      <ComingSoon
        icon={<Layers />}
        title="The version registry is on its way"
        description="See every deployed version and which runs still depend on it before you drain, sunset or upgrade."
        features={[
          'Pending, live, draining and sunset versions',
          'The current version, where new runs start',
          'Active runs per version: running, queued, sleeping, on a hook',
          'Upgrade with a compatibility check before any change',
        ]}
      />
    </>
  );
}
