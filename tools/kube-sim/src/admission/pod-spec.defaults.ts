type Json = Record<string, any>;

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** ParseImageName's tag: `latest` when neither tag nor digest is given, empty for a bare digest. */
export function imageTag(image: unknown): string {
  if (typeof image !== 'string') return 'latest';
  const [name, digest] = image.split('@');
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon >= 0) return lastSegment.slice(colon + 1);
  return digest ? '' : 'latest';
}

/** `Always` when the tag is `latest` (or implied), otherwise `IfNotPresent` (SetDefaults_Container). */
export const defaultPullPolicy = (image: unknown): string => (imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');

function defaultHttpGet(h: Json | undefined): void {
  if (!h) return;
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

function defaultProbe(p: Json | undefined): void {
  if (!p) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHttpGet(p.httpGet);
  if (p.grpc) p.grpc.service ??= '';
}

const defaultFieldRef = (ref: Json | undefined): void => {
  if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
};

/** SetDefaults_Container plus the declarative defaults of what a container holds. */
function defaultContainer(c: Json): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  c.resources ??= {};
  for (const p of (c.ports ?? []) as Json[]) if (!p.protocol) p.protocol = 'TCP';
  for (const e of (c.env ?? []) as Json[]) defaultFieldRef(e.valueFrom?.fieldRef);
  for (const probe of PROBES) defaultProbe(c[probe]);
  defaultHttpGet(c.lifecycle?.postStart?.httpGet);
  defaultHttpGet(c.lifecycle?.preStop?.httpGet);
}

/** An ephemeral volume's claim template is a PVC template: metadata and spec defaults. */
export function defaultClaimTemplate(t: Json): void {
  t.metadata ??= {};
  if (!('creationTimestamp' in t.metadata)) t.metadata.creationTimestamp = null;
  t.spec ??= {};
  t.spec.volumeMode ??= 'Filesystem';
}

function defaultProjection(source: Json): void {
  if (source.serviceAccountToken) source.serviceAccountToken.expirationSeconds ??= 3600;
  for (const item of (source.downwardAPI?.items ?? []) as Json[]) defaultFieldRef(item.fieldRef);
}

/** SetDefaults_Volume and the defaults of each volume source. */
function defaultVolume(v: Json): void {
  if (!Object.keys(v).some((k) => k !== 'name' && v[k] !== null && v[k] !== undefined)) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= 420;
    for (const item of (v.downwardAPI.items ?? []) as Json[]) defaultFieldRef(item.fieldRef);
  }
  if (v.projected) {
    v.projected.defaultMode ??= 420;
    for (const source of (v.projected.sources ?? []) as Json[]) defaultProjection(source);
  }
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.iscsi && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = 'default';
  if (v.rbd) Object.assign(v.rbd, { pool: v.rbd.pool || 'rbd', user: v.rbd.user || 'admin', keyring: v.rbd.keyring || '/etc/ceph/keyring' });
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  if (v.ephemeral?.volumeClaimTemplate) defaultClaimTemplate(v.ephemeral.volumeClaimTemplate);
}

/**
 * SetDefaults_PodSpec and everything below it, as every Pod and pod template gets them; also the
 * v1 conversion that mirrors serviceAccountName into the deprecated `serviceAccount`.
 */
export function defaultPodSpec(spec: Json): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
  for (const c of (spec.containers ?? []) as Json[]) defaultContainer(c);
  for (const c of (spec.initContainers ?? []) as Json[]) defaultContainer(c);
  for (const c of (spec.ephemeralContainers ?? []) as Json[]) defaultContainer(c);
  for (const v of (spec.volumes ?? []) as Json[]) defaultVolume(v);
}

/**
 * A PodTemplateSpec as kube 1.32 serves it: the template and its metadata are structs, so they are
 * always present, and the zero creationTimestamp is written out as `null`.
 */
export function defaultPodTemplate(owner: Json, key = 'template'): void {
  const template = (owner[key] ??= {}) as Json;
  template.metadata ??= {};
  if (!('creationTimestamp' in template.metadata)) template.metadata.creationTimestamp = null;
  defaultPodSpec((template.spec ??= {}));
}
