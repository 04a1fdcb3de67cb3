import { randomBytes } from 'node:crypto';
import { StatusCause } from '../api/status-error';
import { canonicalJson } from '../cluster/object-meta';
import { KubeObject } from '../store/kube-object';
import { KindAdmission } from './admission';
import { forbidden, text } from './field-errors';
import { defaultPodSpec } from './pod-spec.defaults';
import { validatePodSpec } from './pod-spec.validation';

type Json = Record<string, any>;

/** utilrand.String's alphabet, as the ServiceAccount plugin names `kube-api-access-xxxxx`. */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';
const randomSuffix = (): string => Array.from(randomBytes(5), (b) => SAFE[b % SAFE.length]).join('');

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const SYSTEM_PRIORITIES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };
const NO_EXECUTE_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** SetDefaults_Pod: requests default to limits, service links on, host-network ports mirrored. */
function defaultPodOnly(spec: Json): void {
  const all = [...((spec.containers ?? []) as Json[]), ...((spec.initContainers ?? []) as Json[])];
  for (const c of all) {
    const limits = c.resources?.limits as Json | undefined;
    if (!limits) continue;
    const requests = (c.resources.requests ??= {});
    for (const [k, v] of Object.entries(limits)) requests[k] ??= v;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) for (const c of all) for (const p of (c.ports ?? []) as Json[]) if (!p.hostPort) p.hostPort = p.containerPort;
}

/** The ServiceAccount admission plugin: the default account and its projected token volume. */
function mountServiceAccountToken(spec: Json): void {
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...((spec.initContainers ?? []) as Json[]), ...((spec.containers ?? []) as Json[])];
  const needing = containers.filter((c) => !((c.volumeMounts ?? []) as Json[]).some((m) => m.mountPath === TOKEN_MOUNT_PATH));
  if (!needing.length) return;
  const name = `kube-api-access-${randomSuffix()}`;
  (spec.volumes ??= []).push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  });
  for (const c of needing) (c.volumeMounts ??= []).push({ mountPath: TOKEN_MOUNT_PATH, name, readOnly: true });
}

/** The DefaultTolerationSeconds plugin: 300s for not-ready and unreachable unless already tolerated. */
function defaultTolerations(spec: Json): void {
  const tolerations = (spec.tolerations ?? []) as Json[];
  for (const key of NO_EXECUTE_TAINTS) {
    const tolerated = tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
    if (!tolerated) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

const QUANTITY = /^([+-]?[0-9.]+)(e[+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;
const SCALE: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

function quantity(v: unknown): number {
  const m = QUANTITY.exec(text(v).trim());
  if (!m) return 0;
  const suffix = m[2] ?? '';
  return Number(m[1]) * (suffix.startsWith('e') ? 10 ** Number(suffix.slice(1)) : (SCALE[suffix] ?? 1));
}

/** GetPodQOS: BestEffort without cpu/memory requests or limits, Guaranteed when every container's equal limits cover both. */
export function podQosClass(spec: Json): string {
  const containers = [...((spec.containers ?? []) as Json[]), ...((spec.initContainers ?? []) as Json[])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = (c.resources?.requests ?? {}) as Json;
    const lim = (c.resources?.limits ?? {}) as Json;
    for (const r of ['cpu', 'memory']) {
      if (quantity(req[r]) > 0 || quantity(lim[r]) > 0) any = true;
      if (!(quantity(lim[r]) > 0) || quantity(req[r] ?? lim[r]) !== quantity(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** What the Pod strategy and admission plugins add on create, beyond SetDefaults. */
function admitNewPod(pod: KubeObject): void {
  const spec = pod.spec as Json;
  mountServiceAccountToken(spec);
  defaultTolerations(spec);
  spec.priority ??= SYSTEM_PRIORITIES[spec.priorityClassName as string] ?? 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  pod.status = { phase: 'Pending', qosClass: podQosClass(spec) };
}

const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodUpdate's mutable fields; nodeName may be set once, standing in for the binding subresource. */
function comparableSpec(spec: Json, old: Json): string {
  const s = structuredClone(spec);
  for (const key of ['containers', 'initContainers'] as const) for (const c of (s[key] ?? []) as Json[]) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  if (!old.nodeName) delete s.nodeName;
  return canonicalJson(s);
}

function validatePodUpdate(spec: Json, old: Json): StatusCause[] {
  if (comparableSpec(spec, old) === comparableSpec(old, old)) return [];
  return [forbidden('spec', POD_UPDATE_MESSAGE)];
}

export const podAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    defaultPodSpec(spec);
    defaultPodOnly(spec);
    if (!old) admitNewPod(obj);
  },
  validate(obj, old) {
    const causes = validatePodSpec(obj.spec as Json, 'spec');
    if (old) causes.push(...validatePodUpdate(obj.spec as Json, (old.spec ?? {})));
    return causes;
  },
};
