import { GitCommitHorizontal } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Commits' };

export default function CommitsPage() {
  return (
    <>
      <PageHeader title="Commits" description="The audit log: every change made through Flowdeck, in order." />
      <ComingSoon
        icon={<GitCommitHorizontal />}
        title="The commit history is on its way"
        description="One linear, append-only chain of changes, so two operators acting at once never overwrite each other."
        features={[
          'Who changed what, and when',
          'Before and after of every changed entity',
          'Version, run and bulk-upgrade actions',
          'Forced sunsets with their written reason',
        ]}
      />
    </>
  );
}
