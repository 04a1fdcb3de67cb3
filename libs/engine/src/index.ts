// @flotilla/engine: the controller's pure brain. No I/O, no clock, no environment.
export { defaultIsNamespaced, formatResourceKey, parseResourceKey, resourceKeyOf, resourceRefOf } from './resource/resource-key';
export type { IsNamespaced, KeyOptions } from './resource/resource-key';

export {
  buildTrackingId,
  formatTrackingId,
  isTrackedBy,
  parseTrackingId,
  setTrackingId,
  trackedAppName,
  trackingAppName,
  trackingIdFor,
} from './tracking/tracking-id';
export type { TrackingId } from './tracking/tracking-id';

export { assessHealth, assessResourceHealth, healthCheckFor } from './health/health.registry';
export type { HealthAssessment, HealthOptions } from './health/health.registry';
export { DEFAULT_INSTRUCTION_LIMIT, luaHealth } from './health/lua/lua-script.health';
export type { LuaHealthOptions } from './health/lua/lua-script.health';
export { luaAction, luaActionDiscovery } from './health/lua/lua-actions';
export type { ActionParam, DiscoveredAction, ImpactedResource } from './health/lua/lua-actions';
export { BUILTIN_ACTIONS, discoverActions, runAction } from './actions/resource-actions';
export type { ActionFailure, ActionSources } from './actions/resource-actions';
export { mergePatchBetween } from './apply/json-merge-three-way';
export { aggregateHealth, isWorse } from './health/aggregate-health';
export type { HealthInput } from './health/aggregate-health';
export type { HealthCheck } from './health/health-check';

export { diffResource } from './diff/diff-resource';
export type { DiffInput, DiffResult } from './diff/diff-resource';
export { hideSecretData, maskSecretData, maskSecretValuesIn, SECRET_MASK } from './diff/secret-mask';
export { LAST_APPLIED_ANNOTATION } from './diff/normalize';
export { parseQuantity, quantitiesEqual } from './diff/quantity';
export type { JqEvaluator, JqFailureKind, JqPath, JqPathStep, JqPathsResult } from './diff/jq-evaluator';
export { resourceDiffHeader, unifiedResourceDiff } from './diff/unified-diff';
export type { ResourceDiffInput } from './diff/unified-diff';

export { CUSTOMIZATIONS_KEY, NO_CUSTOMIZATIONS, parseResourceCustomizations } from './customizations/resource-customizations';
export type { HealthCustomization, OverrideIgnoreDiff, ParsedCustomizations, ResourceCustomizations } from './customizations/resource-customizations';
export { healthCustomizationFor, ignoreDifferencesFor } from './customizations/customizations-for-kind';
export { ALL_KINDS_KEY, globMatch, overrideKeyOf } from './customizations/override-key';
export { parseReadyConditionKinds, READY_CONDITION_KINDS_KEY, readyConditionConfigured } from './customizations/ready-condition-kinds';
export { EMPTY_LIBRARY, libraryActionsFor, readCustomizationsDir, withLibrary } from './customizations/customizations-dir';
export type { CustomizationsLibrary, LibraryActions, LibraryKind } from './customizations/customizations-dir';
export { readActionTests, readHealthTests, readTestObject } from './customizations/library-tests';
export { actionsFor, parseActionOverrides } from './customizations/action-overrides';
export type { ActionOverride, KindActions } from './customizations/action-overrides';
export type { ActionTest, DiscoveryTest, HealthTest } from './customizations/library-tests';

export { compareAppState } from './compare/app-state';
export type { CompareInput, CompareResult, ManagedResource } from './compare/app-state';
export { ignoresExtraneous, usesServerSideDiff } from './compare/compare-options';
export { describeShared, sharedResources } from './compare/shared-resources';
export type { SharedResource } from './compare/shared-resources';

export { planSync } from './sync/plan-sync';
export type { InvalidTask, PlanSyncInput, SyncPlan } from './sync/plan-sync';
export type { SkippedTask, SyncAction, SyncStep, SyncTask } from './sync/sync-task';
export { isStepComplete, stepStatus } from './sync/sync-step';
export type { LiveLookup, StepStatus, TaskState } from './sync/sync-step';
export { recordedResults, resultKeyOf, resumeStepIndex, taskProgress } from './sync/task-progress';
export type { RecordedResults, TaskProgress } from './sync/task-progress';
export { DEFAULT_SYNC_OPTIONS, parseSyncOptions, resourceSyncOptions } from './sync/sync-options';
export type { SyncOptions } from './sync/sync-options';
export { HOOK_FINALIZER, hookDeletePolicies, hookTypes, isHook, isSkipped } from './sync/hook';
export type { HookDeletePolicy, HookType } from './sync/hook';
export { syncWaveOf } from './sync/sync-wave';
export { isSelected, selectResources } from './sync/select-resources';
export { kindRank } from './sync/kind-order';

export { applyPatchTypeOf, lastAppliedOf, threeWayPatch } from './apply/three-way-patch';
export type { ApplyPatchType, ThreeWayInput, ThreeWayPatch } from './apply/three-way-patch';
export { NO_PATCH_SCHEMA, openApiDefinitionOf, patchSchemaFromOpenApi } from './apply/patch-schema';
export type { OpenApiDefinitions, PatchMeta, PatchSchema } from './apply/patch-schema';
