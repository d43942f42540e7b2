import { CircleAlert } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { DigestForm } from './digest-form';

/** The address holds something that is not a digest: say what a digest looks like and offer the form. */
export function InvalidDigest({ value }: { value: string }) {
  const shown = value.length > 90 ? `${value.slice(0, 90)}…` : value;
  return (
    <EmptyState
      icon={<CircleAlert />}
      title="That is not a digest"
      description={
        <>
          <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs break-all text-foreground">{shown}</code> is not a content digest. A digest is{' '}
          <code className="font-mono text-xs">sha256:</code> followed by 64 lowercase hexadecimal digits.
        </>
      }
      className="mt-6"
    >
      <div data-testid="invalid-digest" className="mx-auto max-w-lg">
        <DigestForm initial={value} />
      </div>
    </EmptyState>
  );
}
