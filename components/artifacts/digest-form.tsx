'use client';

import { ArrowRight, Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Digest } from '@/lib/contract/schemas';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';

/** A pasted digest, forgivingly: trimmed, lower-cased, `sha256:` added to a bare 64-hex value. */
function normalize(text: string): string {
  const t = text.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(t) ? `sha256:${t}` : t;
}

/** Paste a blob or manifest digest and open its page. */
export function DigestForm({ initial = '', className }: { initial?: string; className?: string }) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = Digest.safeParse(normalize(value));
    if (!parsed.success) {
      setProblem('Enter a digest: sha256: followed by 64 hexadecimal digits.');
      return;
    }
    setProblem(null);
    router.push(routes.artifact(parsed.data));
  };

  return (
    <form onSubmit={submit} className={cn('w-full', className)} role="search" aria-label="Open an artifact by digest" noValidate>
      <div className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          Digest
        </label>
        <div className="relative flex-1">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" />
          <input
            id={id}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="sha256:…"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-problem` : undefined}
            className={cn(
              'h-8 w-full rounded-md border border-input bg-background pr-2.5 pl-8 font-mono text-xs shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring',
              problem && 'border-danger focus-visible:ring-danger',
            )}
          />
        </div>
        <Button type="submit" variant="outline">
          Open
          <ArrowRight aria-hidden className="size-3.5" />
        </Button>
      </div>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="mt-1.5 text-xs text-danger">
          {problem}
        </p>
      )}
    </form>
  );
}
