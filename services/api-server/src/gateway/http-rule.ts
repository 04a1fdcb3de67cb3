// The REST side of a gRPC method, as declared by its google.api.http option.
// https://cloud.google.com/endpoints/docs/grpc-service-config/reference/rpc/google.api#httprule

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One piece of a URL template: fixed text, or a variable naming a (possibly nested) request field. */
export type TemplateSegment = { literal: string } | { field: string[] };

export interface HttpRule {
  verb: HttpVerb;
  template: string;
  segments: TemplateSegment[];
  /** '*' (the whole body is the request), a top-level field name, or undefined (no body). */
  body?: string;
}

const VERBS: Record<string, HttpVerb> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

/**
 * A method's `(google.api.http)` option as proto-loader exposes it: its rule, then its
 * additional_bindings (PodLogs answers on two paths); empty when the method has none.
 */
export function httpRulesOf(options: Record<string, unknown> | undefined): HttpRule[] {
  const rule = options?.['(google.api.http)'] as Record<string, unknown> | undefined;
  const more = rule?.additional_bindings;
  const bindings = Array.isArray(more) ? (more as Record<string, unknown>[]) : more ? [more as Record<string, unknown>] : [];
  return [rule, ...bindings].map(ruleOf).filter((r): r is HttpRule => r !== undefined);
}

function ruleOf(rule: Record<string, unknown> | undefined): HttpRule | undefined {
  if (!rule) return undefined;
  const entry = Object.entries(VERBS).find(([key]) => typeof rule[key] === 'string' && rule[key] !== '');
  if (!entry) return undefined;
  const template = rule[entry[0]] as string;
  const body = typeof rule.body === 'string' && rule.body !== '' ? rule.body : undefined;
  return { verb: entry[1], template, segments: parseTemplate(template), body };
}

/** Splits `/api/v1/clusters/{id.value}` into literal and variable segments. */
export function parseTemplate(template: string): TemplateSegment[] {
  if (!template.startsWith('/')) throw new Error(`HTTP template ${template} must start with /`);
  return template
    .slice(1)
    .split('/')
    .map((part) => {
      const variable = /^\{([A-Za-z0-9_.]+)(?:=\*)?\}$/.exec(part);
      if (variable) return { field: variable[1].split('.') };
      if (part.includes('{')) throw new Error(`HTTP template ${template}: unsupported segment ${part}`);
      return { literal: part };
    });
}

/** Matches URL path segments (already percent-decoded) against a template; returns the variables or undefined. */
export function matchTemplate(segments: TemplateSegment[], pathSegments: string[]): Map<string[], string> | undefined {
  if (segments.length !== pathSegments.length) return undefined;
  const vars = new Map<string[], string>();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const actual = pathSegments[i];
    if ('literal' in segment) {
      if (segment.literal !== actual) return undefined;
    } else {
      if (actual === '') return undefined;
      vars.set(segment.field, actual);
    }
  }
  return vars;
}
