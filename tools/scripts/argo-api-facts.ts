// Reduces Argo CD's published API definition (assets/swagger.json) to the facts Flotilla's
// conformance spec checks: routes, their parameter names, and the field names and JSON types of
// every object their answers can hold. Names and types only; no prose from the definition.
//
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/scripts/argo-api-facts.ts [swagger.json]
//
// Without an argument it reads the swagger.json at HEAD of the argo-cd mirror.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIRROR = '/work/.mirror/argoproj+argo-cd/repo';
const OUT = join(__dirname, '..', '..', 'services', 'api-server', 'src', 'testing', 'argo-api.facts.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
}
interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { schema?: Schema }>;
}
interface Swagger {
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, Schema>;
}

/** One route's facts: the parameter names by place, and the type of its answer. */
export interface RouteFacts {
  operationId: string;
  path: string[];
  query: string[];
  body?: string;
  response: string | Record<string, string>;
}

export interface ArgoApiFacts {
  /** `GET /api/v1/applications/{name}` → facts. */
  routes: Record<string, RouteFacts>;
  /** Object definition name → field name → type. */
  definitions: Record<string, Record<string, string>>;
}

const refName = (ref: string): string => ref.replace(/^#\/definitions\//, '');

/**
 * A schema as one type word. Argo CD's gateway writes JSON with Go's encoding/json
 * (util/grpc/json.go), so int32 and int64 fields are JSON numbers ("integer") despite proto3's
 * JSON mapping; a definition that is not an object (v1Time) is inlined as its own type.
 */
function typeOf(swagger: Swagger, schema: Schema, reached: Set<string>): string {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = swagger.definitions[name];
    if (!target) throw new Error(`swagger.json refers to ${name}, which it does not define`);
    if (target.type !== undefined && target.type !== 'object') return typeOf(swagger, target, reached);
    reached.add(name);
    return name;
  }
  switch (schema.type) {
    case 'array':
      return `array<${schema.items ? typeOf(swagger, schema.items, reached) : 'object'}>`;
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        return `map<${typeOf(swagger, schema.additionalProperties, reached)}>`;
      return 'object';
    case 'integer':
      return 'integer';
    case 'number':
    case 'boolean':
    case 'string':
      return schema.type;
    case undefined:
      return 'object';
    default:
      throw new Error(`swagger.json uses type ${schema.type}, which this script does not know`);
  }
}

function fieldsOf(swagger: Swagger, schema: Schema, reached: Set<string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of Object.keys(schema.properties ?? {}).sort()) fields[name] = typeOf(swagger, (schema.properties ?? {})[name], reached);
  return fields;
}

export function argoApiFacts(swagger: Swagger): ArgoApiFacts {
  const reached = new Set<string>();
  const routes: Record<string, RouteFacts> = {};
  for (const path of Object.keys(swagger.paths)) {
    for (const method of METHODS) {
      const op = swagger.paths[path][method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const names = (place: string): string[] =>
        params
          .filter((p) => p.in === place)
          .map((p) => p.name)
          .sort();
      const ok = op.responses['200']?.schema;
      if (!ok) throw new Error(`${method.toUpperCase()} ${path} has no 200 response schema`);
      // Streams answer `{result, error}` frames, declared inline rather than as a definition.
      const response = ok.$ref || !ok.properties ? typeOf(swagger, ok, reached) : fieldsOf(swagger, ok, reached);
      const errorSchema = op.responses.default?.schema;
      if (errorSchema) typeOf(swagger, errorSchema, reached);
      const body = names('body')[0];
      routes[`${method.toUpperCase()} ${path}`] = {
        operationId: op.operationId,
        path: names('path'),
        query: names('query'),
        ...(body ? { body } : {}),
        response,
      };
    }
  }
  const definitions: Record<string, Record<string, string>> = {};
  const done = new Set<string>();
  while (done.size < reached.size) {
    for (const name of [...reached]) {
      if (done.has(name)) continue;
      done.add(name);
      definitions[name] = fieldsOf(swagger, swagger.definitions[name], reached);
    }
  }
  return { routes: sortKeys(routes), definitions: sortKeys(definitions) };
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );

function readSwagger(path: string | undefined): Swagger {
  const text = path
    ? readFileSync(path, 'utf8')
    : execFileSync('git', ['-C', MIRROR, 'show', 'HEAD:assets/swagger.json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(text) as Swagger;
}

async function main(): Promise<void> {
  const facts = argoApiFacts(readSwagger(process.argv[2]));
  // Written as the workspace's formatter would write it, so `npm run format` leaves it alone.
  // Loaded here, not at the top: prettier's entry cannot be loaded inside Jest, where the spec imports this file.
  const { format, resolveConfig } = await import('prettier');
  const text = await format(JSON.stringify(facts), { ...(await resolveConfig(OUT)), filepath: OUT });
  writeFileSync(OUT, text);
  process.stdout.write(`${Object.keys(facts.routes).length} routes, ${Object.keys(facts.definitions).length} definitions → ${OUT}\n`);
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  });
