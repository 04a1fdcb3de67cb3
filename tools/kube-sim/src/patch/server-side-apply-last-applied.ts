import { SchemaNode } from '../schema/schema-node';
import { KubeObject } from '../store/kube-object';
import { fieldSetOf } from './managed-fields-collect';
import { compareObjects } from './managed-fields-compare';
import { FieldSet } from './managed-fields-set';
import { goJson, isPlainObject, JsonObject } from './managed-fields-value';

/** The annotation `kubectl apply` (client-side) keeps its last configuration in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Only kubectl's own server-side apply gets the client-side apply migration behaviour. */
export const KUBECTL_APPLY_MANAGER = 'kubectl';

/**
 * Fields a `kubectl` server-side apply may take over without conflict: those in the live
 * object's last-applied annotation whose live value still matches it, so switching from
 * client-side to server-side apply with an unchanged manifest succeeds. Undefined when there is
 * no usable annotation.
 */
export function fieldsAllowedByLastApplied(live: JsonObject, apiVersion: string, schema: SchemaNode | undefined): FieldSet | undefined {
  const text = annotationsOf(live)?.[LAST_APPLIED_ANNOTATION];
  if (typeof text !== 'string' || text === '') return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(lastApplied) || lastApplied.apiVersion !== apiVersion) return undefined;
  try {
    const diff = compareObjects(lastApplied, live, schema);
    return fieldSetOf(lastApplied, schema).difference(diff.modified).difference(diff.added).difference(diff.removed);
  } catch {
    return undefined;
  }
}

/**
 * After a `kubectl` server-side apply, rewrites an existing last-applied annotation to the
 * applied configuration, so a later client-side `kubectl apply` still diffs correctly.
 */
export function syncLastApplied(result: KubeObject, applied: KubeObject): void {
  const annotations = result.metadata.annotations;
  if (!annotations || !(LAST_APPLIED_ANNOTATION in annotations)) return;
  const config = structuredClone<KubeObject>(applied);
  const own = config.metadata?.annotations;
  if (own) delete own[LAST_APPLIED_ANNOTATION];
  // Go's json.Encoder, which kube-apiserver uses here, ends the document with a newline.
  result.metadata.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION]: `${goJson(config)}\n` };
}

function annotationsOf(obj: JsonObject): Record<string, unknown> | undefined {
  const meta = obj.metadata;
  return isPlainObject(meta) && isPlainObject(meta.annotations) ? meta.annotations : undefined;
}
