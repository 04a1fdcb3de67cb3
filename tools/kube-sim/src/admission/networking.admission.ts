import { StatusCause } from '../api/status-error';
import { KindAdmission } from './admission';
import { dns1123LabelErrors, invalid, notSupported, portNameErrors, portNumber, quote, required } from './field-errors';

type Json = Record<string, any>;

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const POLICY_TYPES = ['Ingress', 'Egress'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

const rulesOf = (spec: Json): Json[] => [...((spec.ingress ?? []) as Json[]), ...((spec.egress ?? []) as Json[])];

export const networkPolicyAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.podSelector ??= {};
    if (!((spec.policyTypes ?? []) as string[]).length) {
      spec.policyTypes = ((spec.egress ?? []) as unknown[]).length ? ['Ingress', 'Egress'] : ['Ingress'];
    }
    for (const rule of rulesOf(spec)) for (const p of (rule.ports ?? []) as Json[]) p.protocol ??= 'TCP';
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    ((spec.policyTypes ?? []) as string[]).forEach((t, i) => {
      if (!POLICY_TYPES.includes(t)) causes.push(notSupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES));
    });
    for (const [list, rules] of [['ingress', spec.ingress], ['egress', spec.egress]] as const) {
      ((rules ?? []) as Json[]).forEach((rule, i) =>
        ((rule.ports ?? []) as Json[]).forEach((p, j) => {
          const at = `spec.${list}[${i}].ports[${j}]`;
          if (p.protocol && !PROTOCOLS.includes(p.protocol)) causes.push(notSupported(`${at}.protocol`, p.protocol, PROTOCOLS));
          if (typeof p.port === 'number') causes.push(...portNumber(p.port, `${at}.port`));
          else if (typeof p.port === 'string') for (const msg of portNameErrors(p.port)) causes.push(invalid(`${at}.port`, quote(p.port), msg));
        }),
      );
    }
    return causes;
  },
};

/** validateIngressBackend: exactly one of service or resource; a service needs a name and a port. */
function validateBackend(backend: Json | undefined, at: string): StatusCause[] {
  if (!backend || (!backend.service && !backend.resource)) return [invalid(at, quote(''), 'resource or service backend is required')];
  if (backend.service && backend.resource) return [invalid(at, quote(''), 'cannot set both resource and service backends')];
  if (backend.resource) return backend.resource.kind && backend.resource.name ? [] : [required(`${at}.resource.${backend.resource.kind ? 'name' : 'kind'}`)];
  const service = backend.service as Json;
  const causes: StatusCause[] = [];
  if (!service.name) causes.push(required(`${at}.service.name`));
  else for (const msg of dns1123LabelErrors(String(service.name))) causes.push(invalid(`${at}.service.name`, quote(service.name), msg));
  const port = (service.port ?? {}) as Json;
  if (port.name && port.number) causes.push(invalid(at, quote(''), 'cannot set both port name & port number'));
  else if (port.name) for (const msg of portNameErrors(String(port.name))) causes.push(invalid(`${at}.service.port.name`, quote(port.name), msg));
  else if (port.number) causes.push(...portNumber(port.number, `${at}.service.port.number`));
  else causes.push(required(at, 'port name or number is required'));
  return causes;
}

function validatePath(p: Json, at: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!p.pathType) causes.push(required(`${at}.pathType`, 'pathType must be specified'));
  else if (!PATH_TYPES.includes(p.pathType)) causes.push(notSupported(`${at}.pathType`, p.pathType, PATH_TYPES));
  else if ((p.pathType !== 'ImplementationSpecific' || p.path) && !String(p.path ?? '').startsWith('/')) {
    causes.push(invalid(`${at}.path`, quote(p.path ?? ''), 'must be an absolute path'));
  }
  causes.push(...validateBackend(p.backend, `${at}.backend`));
  return causes;
}

export const ingressAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    if (!old) obj.status ??= { loadBalancer: {} };
    // networking.k8s.io/v1beta1 (served until 1.21) defaults what v1 requires.
    if (obj.apiVersion === 'networking.k8s.io/v1beta1') {
      for (const rule of ((obj.spec as Json | undefined)?.rules ?? []) as Json[]) for (const p of (rule.http?.paths ?? []) as Json[]) p.pathType ??= 'ImplementationSpecific';
    }
  },
  validate(obj) {
    // A v1beta1 backend is serviceName/servicePort; upstream validates it after conversion to the internal type, which kube-sim does not model.
    if (obj.apiVersion === 'networking.k8s.io/v1beta1') return [];
    const spec = (obj.spec ?? {}) as Json;
    const rules = (spec.rules ?? []) as Json[];
    const causes: StatusCause[] = [];
    if (!spec.defaultBackend && !rules.length) causes.push(invalid('spec', '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
    if (spec.defaultBackend) causes.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
    rules.forEach((rule, i) => {
      if (rule.host && /^\d+\.\d+\.\d+\.\d+$/.test(rule.host)) causes.push(invalid(`spec.rules[${i}].host`, quote(rule.host), 'must be a DNS name, not an IP address'));
      if (!rule.http) return;
      const paths = (rule.http.paths ?? []) as Json[];
      if (!paths.length) causes.push(required(`spec.rules[${i}].http.paths`));
      paths.forEach((p, j) => causes.push(...validatePath(p, `spec.rules[${i}].http.paths[${j}]`)));
    });
    return causes;
  },
};
