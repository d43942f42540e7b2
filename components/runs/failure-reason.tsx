/** A failed run's one-line reason under its status; the whole text on hover. */
export function FailureReason({ reason }: { reason: string }) {
  return (
    <span data-testid="run-failure-reason" title={reason} className="block max-w-full truncate text-xs leading-4 text-danger">
      {reason}
    </span>
  );
}
