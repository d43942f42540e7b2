import type { ReferenceField } from '@/lib/api/api-reference';

/** Path, query and body fields of one endpoint. */
export function FieldTable({ fields }: { fields: ReferenceField[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-left text-xs">
        <thead className="bg-muted/40 text-muted-foreground">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">In</th>
            <th className="px-3 py-2 font-medium">Type</th>
            <th className="px-3 py-2 font-medium">Constraints</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {fields.map((f) => (
            <tr key={`${f.in}:${f.name}`} className="align-top">
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                {f.name}
                {f.required && (
                  <span className="ml-1 text-danger" title="required">
                    *
                  </span>
                )}
              </td>
              <td className="px-3 py-2 text-muted-foreground">{f.in}</td>
              <td className="max-w-56 px-3 py-2 font-mono break-words">{f.type}</td>
              <td className="px-3 py-2 break-all text-muted-foreground">{[f.description, f.constraints].filter(Boolean).join(' · ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
