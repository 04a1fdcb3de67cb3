import { StatusCause } from '../api/status-error';
import { canonicalJson } from '../cluster/object-meta';
import { AdmissionContext, KindAdmission } from './admission';
import { dns1123LabelErrors, duplicate, forbidden, goStrings, invalid, notSupported, portNumber, quote, required } from './field-errors';

type Json = Record<string, any>;

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

const needsClusterIP = (s: Json): boolean => s.type !== 'ExternalName';
const needsNodePort = (s: Json): boolean => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
const externallyAccessible = (s: Json): boolean =>
  s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && ((s.externalIPs ?? []) as unknown[]).length > 0);
const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** SetDefaults_Service. */
function setServiceDefaults(spec: Json): void {
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of (spec.ports ?? []) as Json[]) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/** The service strategy's dropTypeDependentFields: a type change drops what only the old type needed, unless the client changed it. */
function dropTypeDependentFields(spec: Json, prev: Json): void {
  if (needsClusterIP(prev) && !needsClusterIP(spec) && same(spec.clusterIPs, prev.clusterIPs) && spec.clusterIP === prev.clusterIP) {
    for (const f of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) if (same(spec[f], prev[f])) delete spec[f];
  }
  if (needsNodePort(prev) && !needsNodePort(spec)) {
    const prevPorts = (prev.ports ?? []) as Json[];
    for (const p of (spec.ports ?? []) as Json[]) if (prevPorts.some((q) => q.nodePort === p.nodePort)) delete p.nodePort;
  }
  if (spec.type !== 'LoadBalancer' && prev.type === 'LoadBalancer') {
    for (const f of ['allocateLoadBalancerNodePorts', 'loadBalancerClass']) if (same(spec[f], prev[f])) delete spec[f];
  }
  if (!externallyAccessible(spec) && externallyAccessible(prev) && spec.externalTrafficPolicy === prev.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type === 'ExternalName' && spec.internalTrafficPolicy === prev.internalTrafficPolicy) delete spec.internalTrafficPolicy;
}

/** NormalizeClusterIPs and patchAllocatedValues: an update that omits allocated values keeps them. */
function keepAllocated(spec: Json, prev: Json): void {
  const prevIPs = (prev.clusterIPs ?? []) as string[];
  if (!((spec.clusterIPs ?? []) as string[]).length && prevIPs.length && spec.clusterIP === prev.clusterIP) spec.clusterIPs = prevIPs;
  if (spec.clusterIP !== prev.clusterIP && same(spec.clusterIPs, prev.clusterIPs)) {
    if (prev.clusterIP && !spec.clusterIP) delete spec.clusterIPs;
    else spec.clusterIPs = [spec.clusterIP];
  }
  if (needsClusterIP(prev) && needsClusterIP(spec)) {
    if (!spec.clusterIP && prev.clusterIP) spec.clusterIP = prev.clusterIP;
    if (!((spec.clusterIPs ?? []) as string[]).length && prevIPs.length) spec.clusterIPs = prevIPs;
    spec.ipFamilies ??= prev.ipFamilies;
    spec.ipFamilyPolicy ??= prev.ipFamilyPolicy;
  }
  if (needsNodePort(prev) && needsNodePort(spec)) {
    const used = new Set(((spec.ports ?? []) as Json[]).map((p) => p.nodePort).filter(Boolean));
    const byName = new Map(((prev.ports ?? []) as Json[]).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of (spec.ports ?? []) as Json[]) {
      const kept = byName.get(p.name ?? '');
      if (!p.nodePort && kept && !used.has(kept)) p.nodePort = kept;
    }
  }
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') spec.healthCheckNodePort ??= prev.healthCheckNodePort;
}

/** The service REST allocators: ClusterIPs, IP families and NodePorts. */
function allocate(spec: Json, ctx: AdmissionContext, hasSelector: boolean): void {
  if (needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = ((spec.clusterIPs ?? []) as string[])[0] || ctx.allocateClusterIP();
    if (!((spec.clusterIPs ?? []) as string[]).length) spec.clusterIPs = [spec.clusterIP];
    if (!((spec.ipFamilies ?? []) as string[]).length) spec.ipFamilies = ['IPv4'];
    // Headless services without a selector ask for every family the cluster has.
    spec.ipFamilyPolicy ??= spec.clusterIP === 'None' && !hasSelector ? 'RequireDualStack' : 'SingleStack';
  }
  if (needsNodePort(spec)) for (const p of (spec.ports ?? []) as Json[]) p.nodePort ||= ctx.allocateNodePort();
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') spec.healthCheckNodePort ||= ctx.allocateNodePort();
}

function validatePorts(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const ports = (spec.ports ?? []) as Json[];
  if (!ports.length && spec.clusterIP !== 'None' && spec.type !== 'ExternalName') causes.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) causes.push(required(`${at}.name`));
    else if (p.name) {
      for (const msg of dns1123LabelErrors(String(p.name))) causes.push(invalid(`${at}.name`, quote(p.name), msg));
      if (names.has(p.name)) causes.push(duplicate(`${at}.name`, p.name));
      names.add(p.name);
    }
    causes.push(...portNumber(p.port, `${at}.port`));
    if (!PROTOCOLS.includes(p.protocol)) causes.push(notSupported(`${at}.protocol`, String(p.protocol ?? ''), PROTOCOLS));
    if (typeof p.targetPort === 'number') causes.push(...portNumber(p.targetPort, `${at}.targetPort`));
    if (p.nodePort && spec.type === 'ClusterIP') causes.push(forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
  });
  return causes;
}

/** validateUpgradeDowngradeClusterIPs, single-stack: the primary IP can be neither cleared nor changed. */
function validateClusterIPUpdate(spec: Json, prev: Json): StatusCause[] {
  if (spec.type === 'ExternalName' || prev.type === 'ExternalName') return [];
  if (spec.clusterIP === 'None' && prev.clusterIP === 'None') return [];
  const prevIPs = (prev.clusterIPs ?? []) as string[];
  const ips = (spec.clusterIPs ?? []) as string[];
  if (prevIPs.length && !ips.length) return [invalid('spec.clusterIPs[0]', goStrings(spec.clusterIPs), 'primary clusterIP can not be unset')];
  return prevIPs.flatMap((ip, i) => (i < ips.length && ips[i] !== ip ? [invalid(`spec.clusterIPs[${i}]`, goStrings(ips), 'may not change once set')] : []));
}

/** validateServiceClusterIPsRelatedFields: `clusterIPs[0]` mirrors `clusterIP`. */
function validateClusterIPs(spec: Json): StatusCause[] {
  if (spec.type === 'ExternalName') return [];
  const ips = (spec.clusterIPs ?? []) as string[];
  if (spec.clusterIP) {
    if (!ips.length) return [required('spec.clusterIPs')];
    return ips[0] === spec.clusterIP ? [] : [invalid('spec.clusterIPs', goStrings(ips), 'first value must match `clusterIP`')];
  }
  return ips.length ? [invalid('spec.clusterIPs', goStrings(ips), 'must be empty when `clusterIP` is not specified')] : [];
}

export const serviceAdmission: KindAdmission = {
  defaults(obj, ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    setServiceDefaults(spec);
    const prev = old?.spec as Json | undefined;
    if (prev) {
      dropTypeDependentFields(spec, prev);
      keepAllocated(spec, prev);
    }
    allocate(spec, ctx, Object.keys((spec.selector ?? {}) as Json).length > 0);
    obj.status ??= { loadBalancer: {} };
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = old ? validateClusterIPUpdate(spec, (old.spec ?? {})) : [];
    if (!TYPES.includes(spec.type)) causes.push(notSupported('spec.type', String(spec.type ?? ''), TYPES));
    if (spec.type === 'ExternalName' && !spec.externalName) causes.push(required('spec.externalName'));
    if (!['None', 'ClientIP'].includes(spec.sessionAffinity)) causes.push(notSupported('spec.sessionAffinity', String(spec.sessionAffinity ?? ''), ['ClientIP', 'None']));
    causes.push(...validatePorts(spec), ...validateClusterIPs(spec));
    return causes;
  },
};
