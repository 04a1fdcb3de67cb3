import { SchemaNode } from '../schema/schema-node';
import { FieldPath, fieldToken } from './managed-fields-path';
import { fieldSchema, indexListItems, isDeclared, ListShape, shapeOf } from './managed-fields-schema';
import { FieldSet } from './managed-fields-set';
import { isPlainObject, JsonObject, presentEntries } from './managed-fields-value';

/**
 * The fields an object sets, as an applier comes to own them: every scalar and atomic value,
 * every set member and associative-list item (and the item's fields), every map key that is
 * not a named property, and named properties whose value is empty or null. Throws
 * FieldPathError on an associative list item without its keys, or on duplicate items.
 */
export function fieldSetOf(obj: unknown, schema: SchemaNode | undefined): FieldSet {
  const set = new FieldSet();
  const shape = shapeOf(schema, obj);
  if (shape.kind === 'map') collectMap(obj as JsonObject, shape.schema, [], set);
  return set;
}

function collect(value: unknown, schema: SchemaNode | undefined, path: FieldPath, set: FieldSet): void {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'map') collectMap(value as JsonObject, shape.schema, path, set);
  else if (shape.kind === 'list') collectList(value, shape, path, set);
  else set.insert(path);
}

function collectMap(obj: JsonObject, schema: SchemaNode | undefined, path: FieldPath, set: FieldSet): void {
  for (const [name, value] of presentEntries(obj)) {
    const child = [...path, fieldToken(name)];
    collect(value, fieldSchema(schema, name), child, set);
    const empty = value === null || (isPlainObject(value) && Object.keys(value).length === 0);
    if (empty || !isDeclared(schema, name)) set.insert(child);
  }
}

function collectList(list: unknown, shape: ListShape, path: FieldPath, set: FieldSet): void {
  for (const [token, item] of indexListItems(shape, list, path, true)) {
    const child = [...path, token];
    collect(item, shape.items, child, set);
    set.insert(child);
  }
}
