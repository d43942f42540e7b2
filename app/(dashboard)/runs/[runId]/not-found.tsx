import { EntityNotFound } from '@/components/shell/entity-not-found';
import { routes } from '@/lib/routes';

/** An unknown or malformed run id. */
export default function RunNotFound() {
  return (
    <EntityNotFound
      title="Run not found"
      description="There is no run with this id. It may be mistyped, or the run may belong to another Flowdeck store."
      back={{ href: routes.runs(), label: 'Back to runs' }}
    />
  );
}
