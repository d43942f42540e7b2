import { EntityNotFound } from '@/components/shell/entity-not-found';
import { routes } from '@/lib/routes';

/** An unknown, deleted or malformed version id. */
export default function VersionNotFound() {
  return (
    <EntityNotFound
      title="Version not found"
      description="There is no version with this id. It may be mistyped, or it was deleted."
      back={{ href: routes.versions(), label: 'Back to versions' }}
    />
  );
}
