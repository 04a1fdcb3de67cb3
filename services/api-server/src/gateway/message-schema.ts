import type { PackageDefinition } from '@grpc/proto-loader';

// The parts of protobuf's DescriptorProto that the REST gateway needs to convert JSON both ways.

export interface FieldSchema {
  name: string;
  type: string;
  typeName: string;
  repeated: boolean;
}

export type MessageSchemas = (typeName: string) => FieldSchema[];

export const JSON_OBJECT = 'flotilla.JsonObject';
export const JSON_OBJECT_LIST = 'flotilla.JsonObjectList';

interface RawField {
  name: string;
  type: string;
  typeName?: string;
  label?: string;
}

/** Looks message types up by full name (`application.ApplicationQuery`) in a proto-loader definition. */
export function messageSchemas(definition: PackageDefinition): MessageSchemas {
  const cache = new Map<string, FieldSchema[]>();
  return (typeName) => {
    const name = typeName.replace(/^\./, '');
    let fields = cache.get(name);
    if (!fields) {
      const entry = definition[name] as { format?: string; type?: { field?: RawField[] } } | undefined;
      if (!entry?.type?.field) throw new Error(`message type ${name} is not in the contracts`);
      const pkg = name.slice(0, name.lastIndexOf('.'));
      fields = entry.type.field.map((f) => ({
        name: f.name,
        type: f.type,
        typeName: resolveTypeName(definition, pkg, (f.typeName ?? '').replace(/^\./, '')),
        repeated: f.label === 'LABEL_REPEATED',
      }));
      cache.set(name, fields);
    }
    return fields;
  };
}

/** Field type names are relative to the message's package unless they name another package. */
function resolveTypeName(definition: PackageDefinition, pkg: string, typeName: string): string {
  if (!typeName || definition[typeName]) return typeName;
  return definition[`${pkg}.${typeName}`] ? `${pkg}.${typeName}` : typeName;
}

/**
 * Full names of the definition's message types. Methods carry their own copies of the type
 * descriptors, so a method's type is found by its descriptor's content.
 */
export function messageTypeNames(definition: PackageDefinition): (type: unknown) => string | undefined {
  const names = new Map<string, string>();
  for (const [name, entry] of Object.entries(definition)) {
    const t = entry as { format?: string; type?: unknown };
    if (t.format && t.type) names.set(JSON.stringify(t.type), name);
  }
  return (type) => names.get(JSON.stringify((type as { type?: unknown } | undefined)?.type));
}
