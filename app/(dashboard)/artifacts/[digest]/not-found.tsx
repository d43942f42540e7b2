import { FileQuestion } from 'lucide-react';
import { DigestForm } from '@/components/artifacts/digest-form';
import { EmptyState } from '@/components/ui/empty-state';

/** A well-formed digest that this store has neither as a blob nor as a manifest. */
export default function ArtifactNotFound() {
  return (
    <EmptyState
      icon={<FileQuestion />}
      title="Artifact not found"
      description="No blob or manifest with this digest is stored here. It may never have been uploaded, or it belongs to another store."
      className="mt-6"
    >
      <DigestForm className="mx-auto max-w-lg" />
    </EmptyState>
  );
}
