import { FileJson } from 'lucide-react';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ReferenceGroup } from '@/lib/api/api-reference';
import { API_TAG_INFO } from '@/lib/contract/endpoint-spec';
import { routes } from '@/lib/routes';
import { AuthGuide } from './auth-guide';
import { EndpointItem } from './endpoint-item';

/** The link to the machine-readable document. */
export function OpenApiLink() {
  return (
    <a href={routes.api.openapi()} className={buttonVariants({ variant: 'outline', size: 'md' })} data-testid="openapi-link">
      <FileJson aria-hidden className="size-4" />
      OpenAPI 3.1 JSON
    </a>
  );
}

/** Every endpoint of the HTTP API by tag, after how to authenticate. */
export function ApiReferenceView({ groups }: { groups: ReferenceGroup[] }) {
  const count = groups.reduce((n, g) => n + g.endpoints.length, 0);
  return (
    <div className="flex flex-col gap-8">
      <AuthGuide />
      <nav aria-label="Endpoint groups" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted-foreground">{count} endpoints:</span>
        {groups.map((g) => (
          <a key={g.tag} href={`#tag-${g.tag}`} className="rounded-full border px-2.5 py-0.5 text-xs font-medium hover:bg-accent">
            {API_TAG_INFO[g.tag].title} <span className="text-muted-foreground">{g.endpoints.length}</span>
          </a>
        ))}
      </nav>
      {groups.map((g) => (
        <section key={g.tag} id={`tag-${g.tag}`} aria-labelledby={`tag-${g.tag}-title`} className="scroll-mt-6" data-testid="endpoint-group">
          <div className="mb-3">
            <h2 id={`tag-${g.tag}-title`} className="text-lg font-semibold tracking-tight">
              {API_TAG_INFO[g.tag].title}
            </h2>
            <p className="text-sm text-muted-foreground">{g.description}</p>
          </div>
          <Card className="overflow-hidden">
            {g.endpoints.map((e) => (
              <EndpointItem key={e.id} endpoint={e} />
            ))}
          </Card>
        </section>
      ))}
    </div>
  );
}
