import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const LOCAL_REF = '#/$defs/';
const COMPONENT_REF = '#/components/schemas/';

/** The shape zod gives z.json(): any JSON value. */
function isJsonValue(def: JsonSchema): boolean {
  const anyOf = def.anyOf as { type?: string }[] | undefined;
  const types = new Set((anyOf ?? []).map((branch) => branch.type));
  return anyOf?.length === 6 && ['string', 'number', 'boolean', 'null', 'array', 'object'].every((t) => types.has(t));
}

function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith(LOCAL_REF)) {
      out[key] = `${COMPONENT_REF}${names.get(child.slice(LOCAL_REF.length)) ?? child.slice(LOCAL_REF.length)}`;
    } else {
      out[key] = rewriteRefs(child, names);
    }
  }
  return out;
}

/**
 * Converts zod schemas to JSON Schema (2020-12, the request side: what a client sends) for an OpenAPI
 * document. zod puts shared and recursive parts under a local `$defs`; in OpenAPI a `#/…` reference
 * points into the whole document, so they move to components.schemas (deduplicated by content).
 */
export function schemaCollector(): { convert: (schema: z.ZodType) => JsonSchema; defs: Record<string, JsonSchema> } {
  const defs: Record<string, JsonSchema> = {};
  const byContent = new Map<string, string>();
  let counter = 0;

  const convert = (schema: z.ZodType): JsonSchema => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const { $schema: _dialect, $defs: local = {}, ...rest } = json as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map<string, string>();
    for (const [localName, def] of Object.entries(local)) {
      const content = JSON.stringify(def);
      let name = byContent.get(content);
      if (!name) {
        name = isJsonValue(def) && !defs.JsonValue ? 'JsonValue' : `Schema${++counter}`;
        byContent.set(content, name);
      }
      names.set(localName, name);
    }
    for (const [localName, def] of Object.entries(local)) {
      const name = names.get(localName)!;
      defs[name] ??= rewriteRefs(def, names) as JsonSchema;
    }
    return rewriteRefs(rest, names) as JsonSchema;
  };

  return { convert, defs };
}
