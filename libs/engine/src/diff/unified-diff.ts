// What `argocd app diff` prints for one resource: a header naming it, then live and target as YAML
// (keys sorted, like Go's yaml.Marshal) in a unified diff. Secret values are masked first.
import { formatPatch, structuredPatch } from 'diff';
import { stringify } from 'yaml';
import type { JsonRecord } from '../object/json-value';
import { stripServerFields } from './normalize';
import { hideSecretData } from './secret-mask';

export interface ResourceDiffInput {
  ref: { group?: string; kind: string; namespace?: string; name: string };
  /** Normalised live; absent when the resource does not exist yet. */
  live?: JsonRecord;
  /** Predicted live, or desired for a resource not created yet; absent when it is to be pruned. */
  target?: JsonRecord;
}

const toYaml = (obj: JsonRecord | undefined): string => (obj ? stringify(obj, { sortMapEntries: true, lineWidth: 0 }) : '');

/** `===== group/Kind namespace/name ======`, as argocd prints before each resource's diff. */
export const resourceDiffHeader = (ref: ResourceDiffInput['ref']): string =>
  `===== ${ref.group ?? ''}/${ref.kind} ${ref.namespace ?? ''}/${ref.name} ======`;

/**
 * The header and a unified diff from live (`<name>-live.yaml`) to target (`<name>`), as argocd
 * labels them; an empty string when the two are the same. Server-owned fields never show.
 */
export function unifiedResourceDiff(input: ResourceDiffInput): string {
  const strip = (obj: JsonRecord | undefined): JsonRecord | undefined => obj && stripServerFields(obj);
  const { live, target } = hideSecretData(strip(input.target), strip(input.live));
  const name = input.ref.name;
  const patch = structuredPatch(`${name}-live.yaml`, name, toYaml(live), toYaml(target), undefined, undefined, { context: 3 });
  if (patch.hunks.length === 0) return '';
  return `${resourceDiffHeader(input.ref)}\n${formatPatch(patch, { includeIndex: false, includeUnderline: false, includeFileHeaders: true })}`;
}
