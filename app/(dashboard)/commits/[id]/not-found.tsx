import { EntityNotFound } from '@/components/shell/entity-not-found';
import { routes } from '@/lib/routes';

/** An unknown or malformed commit id. */
export default function CommitNotFound() {
  return (
    <EntityNotFound
      title="Commit not found"
      description="There is no commit with this id in this store's history."
      back={{ href: routes.commits(), label: 'Back to commits' }}
    />
  );
}
