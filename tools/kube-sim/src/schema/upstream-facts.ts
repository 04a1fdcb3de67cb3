import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the upstream Kubernetes OpenAPI says about a definition beyond its shape: required
 * fields, definition-level extensions (`x-kubernetes-map-type: atomic`), and per property the
 * patch strategy, merge key, list/map type, int64/byte format and v3 default.
 */
export interface DefinitionFacts {
  required?: string[];
  extensions?: Record<string, unknown>;
  properties?: Record<string, Record<string, unknown>>;
}

export interface UpstreamFacts {
  source: string;
  definitions: Record<string, DefinitionFacts>;
}

/** The committed facts (regenerate with scripts/extract-upstream-field-facts.ts). */
export function upstreamFacts(): UpstreamFacts {
  return JSON.parse(readFileSync(join(__dirname, '../../openapi/upstream-field-facts.json'), 'utf8')) as UpstreamFacts;
}

/** Lays a property's facts over its generated schema: formats, extensions, defaults, nested items. */
export function withFacts(prop: Record<string, unknown>, facts: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!facts) return prop;
  const out = { ...prop };
  for (const [k, v] of Object.entries(facts)) {
    const nested = out[k];
    if ((k === 'items' || k === 'additionalProperties') && nested && typeof nested === 'object' && !('$ref' in nested)) {
      out[k] = withFacts(nested as Record<string, unknown>, v as Record<string, unknown>);
    } else if (k !== 'items' && k !== 'additionalProperties') out[k] = v;
  }
  return out;
}
