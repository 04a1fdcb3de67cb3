/**
 * managedFields, as kube-apiserver keeps them: the fieldsV1 format, sets of field paths,
 * the fields an object sets under its schema, and ownership tracking for updates.
 * Server-side apply itself is in server-side-apply.ts.
 */
import { FieldSet } from './managed-fields-set';

export { FieldSet, unionAll } from './managed-fields-set';
export {
  canonicalToken,
  compareTokens,
  fieldToken,
  FieldPathError,
  indexToken,
  keyToken,
  parseToken,
  pathToString,
  valueToken,
} from './managed-fields-path';
export type { FieldPath, PathElement, PathToken } from './managed-fields-path';
export { fieldSetOf } from './managed-fields-collect';
export { changedFields, compareObjects } from './managed-fields-compare';
export type { Comparison } from './managed-fields-compare';
export { shapeOf, withNamedFieldMembers, zeroValue } from './managed-fields-schema';
export type { Shape } from './managed-fields-schema';
export {
  ANCIENT_CHANGES_MANAGER,
  capUpdateManagers,
  decodeManagedFields,
  encodeManagedFields,
  isResetRequest,
  managerKey,
  MAX_UPDATE_MANAGERS,
  ownableFields,
  withoutUntrackedFields,
} from './managed-fields-entries';
export type { ManagerFields, ManagerMap, OwnershipScope } from './managed-fields-entries';
export { trackUpdate } from './managed-fields-update';
export type { TrackUpdateInput } from './managed-fields-update';

/** Parses fieldsV1 into a set of paths. */
export function fieldsV1ToSet(fieldsV1: unknown): FieldSet {
  return FieldSet.fromFieldsV1(fieldsV1);
}

/** Serialises a set of paths as fieldsV1. */
export function setToFieldsV1(set: FieldSet): Record<string, unknown> {
  return set.toFieldsV1();
}
