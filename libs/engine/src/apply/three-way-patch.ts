// Client-side apply (kubectl apply, Argo CD's default): the patch that takes live to desired
// while keeping what other writers set, from the last-applied-configuration annotation.
// https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#merging-changes-to-primitive-fields
import type { KubeObject } from '@flotilla/api-types';
import { LAST_APPLIED_ANNOTATION } from '../diff/normalize';
import { isRecord, type JsonRecord } from '../object/json-value';
import { threeWayJsonMergePatch } from './json-merge-three-way';
import { NO_PATCH_SCHEMA, type PatchSchema } from './patch-schema';
import { threeWayStrategicPatch } from './strategic-three-way';

export type ApplyPatchType = 'strategic' | 'merge';

/** API groups of kubectl's built-in scheme (k8s.io/api): those get a strategic merge patch, others a JSON merge patch. */
const STRATEGIC_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
  'flowcontrol.apiserver.k8s.io',
  'imagepolicy.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

/** Strategic merge patch for kinds kubectl knows; JSON merge patch for the rest (CRDs' custom resources, CRDs, APIServices). */
export function applyPatchTypeOf(apiVersion: string): ApplyPatchType {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return STRATEGIC_GROUPS.has(group) ? 'strategic' : 'merge';
}

/** The configuration last applied client-side, from the live object's annotation (none when absent or unreadable). */
export function lastAppliedOf(live: KubeObject): JsonRecord | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export interface ThreeWayInput {
  /** The desired object, already carrying its new last-applied-configuration annotation. */
  desired: KubeObject;
  live: KubeObject;
  /** Strategic merge metadata of the kind (from the cluster's OpenAPI); without it lists are replaced. */
  schema?: PatchSchema;
}

export interface ThreeWayPatch {
  type: ApplyPatchType;
  patch: JsonRecord;
  /** Nothing to send: live already is what apply would make it. */
  empty: boolean;
}

/** The patch `kubectl apply` would send to take `live` to `desired`. */
export function threeWayPatch({ desired, live, schema }: ThreeWayInput): ThreeWayPatch {
  const original = lastAppliedOf(live) ?? {};
  const type = applyPatchTypeOf(desired.apiVersion ?? '');
  const modified = desired as unknown as JsonRecord;
  const current = live as unknown as JsonRecord;
  const patch = type === 'strategic' ? threeWayStrategicPatch(original, modified, current, schema ?? NO_PATCH_SCHEMA) : threeWayJsonMergePatch(original, modified, current);
  return { type, patch, empty: Object.keys(patch).length === 0 };
}
