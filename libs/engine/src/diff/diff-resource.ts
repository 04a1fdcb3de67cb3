// Is a live object in sync with its desired manifest? Argo's default (three-way, client-side) diff.
import { compare, type Operation } from 'fast-json-patch';
import type { KubeObject, ResourceIgnoreDifferences, ResourceRef } from '@flotilla/api-types';
import { resourceRefOf, type KeyOptions } from '../resource/resource-key';
import { jsonEqual, type JsonRecord } from '../object/json-value';
import { applyIgnoreDifferences } from './ignore-differences';
import type { JqEvaluator } from './jq-evaluator';
import { lastAppliedOf, secretStringDataToData, stripServerFields } from './normalize';
import { predictLive } from './predict-live';
import { hideSecretData } from './secret-mask';

export interface DiffInput extends KeyOptions {
  desired: KubeObject;
  live: KubeObject;
  ignoreDifferences?: ResourceIgnoreDifferences[];
  /** What was applied last; defaults to live's kubectl last-applied-configuration annotation. */
  lastApplied?: KubeObject;
  /** Runs ignoreDifferences' jqPathExpressions; without it they are reported, not applied. */
  jq?: JqEvaluator;
  /**
   * Server-side diff: what the API server answered to a dry-run server-side apply of desired. When
   * given, it is the predicted live object, instead of a three-way merge computed here.
   */
  serverPredicted?: KubeObject;
}

export interface DiffResult {
  modified: boolean;
  /** Live without server-owned fields and ignored fields; Secret values masked. */
  normalizedLive: JsonRecord;
  /** Live as it would be after applying desired; Secret values masked. */
  predictedLive: JsonRecord;
  /** JSON patch turning normalizedLive into predictedLive (masked, so safe to show). */
  patch: Operation[];
  /** Problems with ignoreDifferences rules, to surface as a condition. */
  warnings: string[];
}

export function diffResource(input: DiffInput): DiffResult {
  const ref: ResourceRef = resourceRefOf(input.live, input);
  const live = stripServerFields(input.live);
  const server = input.serverPredicted ? secretStringDataToData(stripServerFields(input.serverPredicted)) : undefined;
  const desired = server ?? secretStringDataToData(stripServerFields(input.desired));
  const lastSource = input.lastApplied ?? lastAppliedOf(input.live);
  const last = lastSource ? secretStringDataToData(stripServerFields(lastSource)) : undefined;
  const { warnings } = applyIgnoreDifferences(input.ignoreDifferences ?? [], ref, input.live, { live, desired, lastApplied: last }, input.jq);
  const predicted = server ? desired : predictLive(live, desired, last);
  const modified = !jsonEqual(live, predicted);
  const masked = hideSecretData(predicted, live);
  return {
    modified,
    normalizedLive: masked.live,
    predictedLive: masked.target,
    patch: modified ? compare(masked.live, masked.target) : [],
    warnings,
  };
}
