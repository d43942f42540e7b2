import { Activity } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Runs' };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Every workflow run: what is running, what is waiting, and what happened." />
      <ComingSoon
        icon={<Activity />}
        title="The run index is on its way"
        description="Browse and filter every run, then open one to follow its steps and the artifacts that flow between them."
        features={[
          'Phase and result of every run, newest first',
          'Filters by workflow, version, group path and phase',
          'Runs waiting on a sleep or a hook, with wake time and age',
          'Node graph with artifact edges labelled by digest',
        ]}
      />
    </>
  );
}
