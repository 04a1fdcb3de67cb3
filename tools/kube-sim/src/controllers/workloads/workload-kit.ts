import { createHash, randomBytes } from 'node:crypto';
import { SYSTEM_CONTROLLER, WriteOptions } from '../../cluster/request-options';
import { canonicalJson } from '../../cluster/object-meta';
import { ResourceType } from '../../registry/resource-type';
import { KubeObject, OwnerReference } from '../../store/kube-object';
import { ControllerContext } from '../controller-runtime';

export type Json = Record<string, any>;

/** Writes as kube-controller-manager does, so managedFields name the right manager. */
export const CONTROLLER_WRITE: WriteOptions = { fieldManager: 'kube-controller-manager', user: SYSTEM_CONTROLLER };

/** The alphabet kube uses for generated names and hashes (no vowels, no look-alikes). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

export const randomSuffix = (n = 5): string => Array.from(randomBytes(n), (b) => SAFE[b % SAFE.length]).join('');

/** A stable short hash of a pod template, like `pod-template-hash` / `controller-revision-hash`. */
export function templateHash(template: unknown): string {
  const digest = createHash('sha256').update(canonicalJson(template)).digest();
  return Array.from(digest.subarray(0, 10), (b) => SAFE[b % SAFE.length]).join('');
}

export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Objects of `t` in a namespace whose controller ownerReference points at `owner`. */
export function owned(ctx: ControllerContext, t: ResourceType, owner: KubeObject): KubeObject[] {
  const ns = owner.metadata.namespace ?? '';
  return ctx.api
    .list(t, { namespace: ns })
    .items.map((s) => JSON.parse(s.json) as KubeObject)
    .filter((o) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
}

/** Replaces `status` through the status subresource, only when it changed. */
export function writeStatus(ctx: ControllerContext, t: ResourceType, obj: KubeObject, status: Json): KubeObject {
  if (canonicalJson(obj.status ?? {}) === canonicalJson(status)) return obj;
  return ctx.api.update(t, obj.metadata.namespace ?? '', obj.metadata.name!, { ...obj, status }, CONTROLLER_WRITE, 'status');
}

export const kubeNow = (ctx: ControllerContext): string => ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

/** Sets a condition, keeping lastTransitionTime unless the status flips (as controllers do). */
export function setCondition(conditions: Condition[], next: Condition, now: string, withUpdateTime = false): Condition[] {
  const prev = conditions.find((c) => c.type === next.type);
  const same = prev && prev.status === next.status && prev.reason === next.reason && prev.message === next.message;
  const merged: Condition = {
    ...(withUpdateTime ? { lastUpdateTime: same ? (prev.lastUpdateTime ?? now) : now } : {}),
    lastTransitionTime: prev && prev.status === next.status ? (prev.lastTransitionTime ?? now) : now,
    message: next.message,
    reason: next.reason,
    status: next.status,
    type: next.type,
  };
  return [...conditions.filter((c) => c.type !== next.type), merged];
}

export const isPodReady = (pod: KubeObject): boolean => ((pod.status as Json | undefined)?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');
export const isPodTerminal = (pod: KubeObject): boolean => ['Succeeded', 'Failed'].includes((pod.status as Json | undefined)?.phase);
export const isActive = (pod: KubeObject): boolean => !pod.metadata.deletionTimestamp && !isPodTerminal(pod);

/** A Pod from a template, owned by its controller. */
export function podFromTemplate(owner: KubeObject, template: Json | undefined, name: string, extraLabels: Record<string, string> = {}, extra: Json = {}): KubeObject {
  const meta = (template?.metadata ?? {}) as Json;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { ...(meta.labels ?? {}), ...extraLabels }, ...(meta.annotations ? { annotations: meta.annotations } : {}), ownerReferences: [controllerRef(owner)] },
    spec: { ...structuredClone(template?.spec ?? {}), ...extra },
  };
}

/** Percent or absolute `intstr` against a total, rounding as the deployment controller does. */
export function intOrPercent(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return Number(v ?? 0) || 0;
}
