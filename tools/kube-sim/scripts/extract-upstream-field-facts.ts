// Regenerates tools/kube-sim/openapi/upstream-field-facts.json: what kubernetes-types cannot say
// about the built-in kinds (patch strategies, merge keys, list and map types, int64/byte formats,
// required fields, and the defaults that OpenAPI v3 carries), taken from the Kubernetes sources:
//   node -r @swc-node/register tools/kube-sim/scripts/extract-upstream-field-facts.ts \
//     <kubernetes api/openapi-spec/swagger.json> <k8s.io/api checkout> <k8s.io/apimachinery checkout>
// Then rerun scripts/generate-builtin-openapi.ts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinResources } from '../src/registry/builtin-resources';
import { definitionPrefix, moduleOf } from '../src/schema/definition-names';
import type { DefinitionFacts, UpstreamFacts } from '../src/schema/upstream-facts';

type Schema = Record<string, unknown>;
const [swaggerPath, apiDir, machineryDir] = process.argv.slice(2);
if (!swaggerPath || !apiDir || !machineryDir) {
  process.stderr.write('usage: extract-upstream-field-facts.ts <swagger.json> <k8s.io/api dir> <k8s.io/apimachinery dir>\n');
  process.exit(2);
}

const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8')) as { info: { version: string }; definitions: Record<string, Schema> };
const refName = (s: Schema): string | undefined => (typeof s.$ref === 'string' ? s.$ref.slice(s.$ref.lastIndexOf('/') + 1) : undefined);

/** The upstream definitions reachable from the kinds kube-sim serves. */
function closure(): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !swagger.definitions[name]) return;
    seen.add(name);
    JSON.stringify(swagger.definitions[name], (k, v: unknown) => {
      if (k === '$ref' && typeof v === 'string') visit(v.slice(v.lastIndexOf('/') + 1));
      return v;
    });
  };
  for (const t of builtinResources()) visit(`${definitionPrefix(moduleOf(t.group, t.version))}.${t.kind}`);
  visit('io.k8s.api.authentication.v1.TokenRequest');
  return [...seen].sort();
}

const extensions = (s: Schema): Schema => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('x-kubernetes-') && k !== 'x-kubernetes-group-version-kind'));

/** The facts of one property: formats and extensions, also of its items and map values. */
function propertyFacts(p: Schema): Schema | undefined {
  const out: Schema = { ...extensions(p) };
  if (typeof p.format === 'string' && !refName(p)) Object.assign(out, { type: p.type, format: p.format });
  for (const nested of ['items', 'additionalProperties'] as const) {
    const child = p[nested];
    if (child && typeof child === 'object') {
      const facts = propertyFacts(child as Schema);
      if (facts) out[nested] = facts;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** Go types the OpenAPI describes as scalars, so their zero value is no `{}`. */
const SCALAR_STRUCTS = new Set(['Time', 'MicroTime', 'Duration', 'Quantity', 'IntOrString', 'RawExtension', 'FieldsV1']);

interface GoField {
  json: string;
  type: string;
  defaultTag?: string;
}

/** Struct fields of every types.go under `dir`, by Go type name. */
function goStructs(dir: string): Map<string, GoField[]> {
  const structs = new Map<string, GoField[]>();
  const file = join(dir, 'types.go');
  if (!existsSync(file)) return structs;
  let current: GoField[] | undefined;
  let defaultTag: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const start = /^type (\w+) struct \{/.exec(line);
    if (start) structs.set(start[1], (current = []));
    else if (line.startsWith('}')) current = undefined;
    if (!current) continue;
    const tag = /^\s*\/\/ \+default=(.*)$/.exec(line);
    if (tag) defaultTag = tag[1].trim();
    // Named fields (`Spec DeploymentSpec`) and embedded ones (`metav1.ObjectMeta`) alike.
    const field = /^\t(?:\w+\s+)?(\S+)\s+`json:"([^",]*)/.exec(line);
    if (field) {
      if (field[2]) current.push({ json: field[2], type: field[1], defaultTag });
      defaultTag = undefined;
    }
  }
  return structs;
}

/** OpenAPI v3 defaults: `{}` for non-pointer struct fields, and `+default=` markers. */
function goDefaults(): Map<string, unknown> {
  const packages: Array<[string, string]> = [['meta/v1', join(machineryDir, 'pkg/apis/meta/v1')]];
  for (const group of readdirSync(apiDir)) {
    const groupDir = join(apiDir, group);
    if (!existsSync(groupDir) || !existsSync(join(groupDir, 'v1'))) continue;
    for (const v of readdirSync(groupDir)) if (/^v\d/.test(v)) packages.push([`${group}/${v}`, join(groupDir, v)]);
  }
  const parsed = packages.map(([module, dir]) => [definitionPrefix(module), goStructs(dir)] as const);
  const structNames = new Set(parsed.flatMap(([, s]) => [...s.keys()]).filter((n) => !SCALAR_STRUCTS.has(n)));
  const out = new Map<string, unknown>();
  for (const [prefix, structs] of parsed) {
    for (const [name, fields] of structs) {
      for (const f of fields) {
        const bare = f.type.replace(/^\w+\./, '');
        let value: unknown;
        if (f.defaultTag !== undefined) {
          try {
            value = JSON.parse(f.defaultTag);
          } catch {
            value = undefined;
          }
        } else if (!/^[*[]|^map\[/.test(f.type) && structNames.has(bare)) value = {};
        if (value !== undefined) out.set(`${prefix}.${name}.${f.json}`, value);
      }
    }
  }
  return out;
}

const defaults = goDefaults();
const definitions: Record<string, DefinitionFacts> = {};
for (const name of closure()) {
  const def = swagger.definitions[name];
  const facts: DefinitionFacts = {};
  if (Array.isArray(def.required)) facts.required = def.required as string[];
  const ext = extensions(def);
  if (Object.keys(ext).length) facts.extensions = ext;
  const properties: Record<string, Schema> = {};
  for (const [field, p] of Object.entries((def.properties ?? {}) as Record<string, Schema>)) {
    const prop = propertyFacts(p) ?? {};
    const dflt = defaults.get(`${name}.${field}`);
    if (dflt !== undefined) prop.default = dflt;
    if (Object.keys(prop).length) properties[field] = prop;
  }
  if (Object.keys(properties).length) facts.properties = properties;
  // Kept even when empty: it tells the generator that upstream requires nothing here.
  definitions[name] = facts;
}
const result: UpstreamFacts = { source: `Kubernetes ${process.env.KUBE_VERSION ?? swagger.info.version} api/openapi-spec/swagger.json and k8s.io/api types.go`, definitions };
const out = join(__dirname, '../openapi/upstream-field-facts.json');
writeFileSync(out, JSON.stringify(result) + '\n');
process.stdout.write(`${Object.keys(definitions).length} definitions → ${out}\n`);
