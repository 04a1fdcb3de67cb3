import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import * as ts from 'typescript';
import { builtinResources } from '../registry/builtin-resources';
import { definitionPrefix, moduleOf } from './definition-names';
import { DefinitionFacts, upstreamFacts, withFacts } from './upstream-facts';

/** A swagger-2.0-style definition, as `/openapi/v2` serves them (refs as `#/definitions/<name>`). */
export type Definition = Record<string, unknown>;

export interface BuiltinDefinitions {
  source: string;
  facts: string;
  definitions: Record<string, Definition>;
}

const TYPES_ROOT = dirname(require.resolve('kubernetes-types/package.json'));

interface ParsedModule {
  interfaces: Map<string, ts.InterfaceDeclaration>;
  aliases: Map<string, ts.TypeAliasDeclaration>;
  imports: Map<string, string>;
}

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const JSON_SCHEMA_PROPS = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';

/** Fields kubernetes-types leaves out because their JSON names are not identifiers. */
const MISSING_PROPERTIES: Record<string, Record<string, Definition>> = {
  [JSON_SCHEMA_PROPS]: {
    'x-kubernetes-embedded-resource': { type: 'boolean', description: 'The object is an embedded Kubernetes resource with apiVersion, kind and metadata.' },
    'x-kubernetes-int-or-string': { type: 'boolean', description: 'The value may be an integer or a string.' },
    'x-kubernetes-list-map-keys': { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic', description: 'The keys of a list of type map.' },
    'x-kubernetes-list-type': { type: 'string', description: 'atomic, set or map.' },
    'x-kubernetes-map-type': { type: 'string', description: 'granular or atomic.' },
    'x-kubernetes-preserve-unknown-fields': { type: 'boolean', description: 'Fields not in the schema are kept rather than pruned.' },
    'x-kubernetes-validations': { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, description: 'CEL validation rules.' },
  },
};
const ref = (name: string): Definition => ({ $ref: `#/definitions/${name}` });

/** Reads kubernetes-types' declarations and writes the OpenAPI definitions reachable from built-in kinds. */
export function generateBuiltinDefinitions(): BuiltinDefinitions {
  const modules = new Map<string, ParsedModule>();
  const parse = (module: string): ParsedModule => {
    const known = modules.get(module);
    if (known) return known;
    const file = join(TYPES_ROOT, `${module}.d.ts`);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const parsed: ParsedModule = { interfaces: new Map(), aliases: new Map(), imports: new Map() };
    for (const st of source.statements) {
      if (ts.isInterfaceDeclaration(st)) parsed.interfaces.set(st.name.text, st);
      else if (ts.isTypeAliasDeclaration(st)) parsed.aliases.set(st.name.text, st);
      else if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
        const from = posix.normalize(posix.join(posix.dirname(module), (st.moduleSpecifier as ts.StringLiteral).text));
        for (const el of st.importClause.namedBindings.elements) parsed.imports.set(el.name.text, from);
      }
    }
    modules.set(module, parsed);
    return parsed;
  };

  const definitions: Record<string, Definition> = { [INT_OR_STRING]: { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true, description: 'IntOrString is a type that can hold an int32 or a string.' } };
  const queue: Array<[string, string]> = [];
  const want = (module: string, name: string): string => {
    const full = `${definitionPrefix(module)}.${name}`;
    if (!(full in definitions) && !queue.some(([m, n]) => m === module && n === name)) queue.push([module, name]);
    return full;
  };

  const typeOf = (module: string, node: ts.TypeNode): Definition => {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer', format: 'int32' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (ts.isLiteralTypeNode(node)) return { type: 'string' };
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeOf(module, node.elementType) };
    if (ts.isUnionTypeNode(node)) {
      const kinds = node.types.map((t) => t.kind);
      if (kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) return ref(INT_OR_STRING);
      return { 'x-kubernetes-preserve-unknown-fields': true };
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      return { type: 'object', additionalProperties: index?.type ? typeOf(module, index.type) : {} };
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.[0]) return { type: 'array', items: typeOf(module, node.typeArguments[0]) };
      const owner = parse(module).imports.get(name) ?? module;
      return named(owner, name);
    }
    return {};
  };

  const named = (module: string, name: string): Definition => {
    if (name === 'Time' || name === 'MicroTime') return { type: 'string', format: 'date-time' };
    if (name === 'Quantity') return { type: 'string', 'x-kubernetes-int-or-string': true };
    if (name === 'JSON' || name.startsWith('JSONSchemaPropsOr')) return { 'x-kubernetes-preserve-unknown-fields': true };
    if (name === 'RawExtension') return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    if (name === 'FieldsV1') return { type: 'object' };
    const alias = parse(module).aliases.get(name);
    if (alias) return typeOf(module, alias.type);
    return ref(want(module, name));
  };

  const facts = upstreamFacts();
  // kubernetes-types has no kube-aggregator types (APIService): those kinds are served schemaless.
  for (const t of builtinResources()) if (existsSync(join(TYPES_ROOT, `${moduleOf(t.group, t.version)}.d.ts`))) want(moduleOf(t.group, t.version), t.kind);
  want('authentication/v1', 'TokenRequest');
  while (queue.length) {
    const [module, name] = queue.shift()!;
    const decl = parse(module).interfaces.get(name);
    const full = `${definitionPrefix(module)}.${name}`;
    if (!decl) throw new Error(`kubernetes-types has no ${name} in ${module}`);
    definitions[full] = describe(full, decl, (n) => typeOf(module, n), facts.definitions[full]);
  }
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  const version = (JSON.parse(readFileSync(join(TYPES_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return { source: `kubernetes-types@${version}`, facts: facts.source, definitions: sorted };
}

function docOf(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const text = docs?.map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment?.map((c) => c.text).join('') ?? ''))).join('\n');
  return text || undefined;
}

/** One definition: shape and descriptions from kubernetes-types, the rest from upstream facts. */
function describe(full: string, decl: ts.InterfaceDeclaration, typeOf: (n: ts.TypeNode) => Definition, facts: DefinitionFacts | undefined): Definition {
  const properties: Record<string, Definition> = {};
  const required: string[] = [];
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const name = m.name.getText().replace(/^"|"$/g, '');
    const prop = withFacts(typeOf(m.type), facts?.properties?.[name]);
    const description = docOf(m);
    if (description) prop.description = description;
    properties[name] = prop;
    if (!m.questionToken && name !== 'apiVersion' && name !== 'kind') required.push(name);
  }
  Object.assign(properties, MISSING_PROPERTIES[full] ?? {});
  const def: Definition = { type: 'object', properties, ...facts?.extensions };
  const description = docOf(decl);
  if (description) def.description = description;
  // Upstream's list wins: kubernetes-types marks some required fields (a reference's kind) optional.
  const upstreamRequired = facts ? (facts.required ?? []).filter((r) => r in properties) : required;
  if (upstreamRequired.length) def.required = upstreamRequired;
  return def;
}
