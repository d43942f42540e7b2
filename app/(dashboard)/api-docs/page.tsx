import type { Metadata } from 'next';
import { ApiReferenceView, OpenApiLink } from '@/components/api-docs/api-reference-view';
import { PageHeader } from '@/components/shell/page-header';
import { apiReference } from '@/lib/api/api-reference';
import { buildOpenApiDocument } from '@/lib/api/openapi';

export const metadata: Metadata = { title: 'API' };

/** The HTTP API for people: the same document as /api/v1/openapi.json, by tag. */
export default function ApiDocsPage() {
  const groups = apiReference(buildOpenApiDocument());
  return (
    <>
      <PageHeader
        title="API"
        description="Every endpoint of the HTTP API, generated from the table the server routes by: who may call it, what it takes and what it answers."
        actions={<OpenApiLink />}
      />
      <ApiReferenceView groups={groups} />
    </>
  );
}
