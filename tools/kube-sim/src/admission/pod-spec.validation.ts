import { StatusCause } from '../api/status-error';
import { dns1123LabelErrors, duplicate, invalid, notFound, notSupported, portNameErrors, portNumber, quote, required } from './field-errors';

type Json = Record<string, any>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

function validateVolumes(volumes: Json[], path: string): { causes: StatusCause[]; names: Set<string> } {
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const at = `${path}.volumes[${i}].name`;
    if (!v.name) causes.push(required(at));
    else if (names.has(v.name)) causes.push(duplicate(at, v.name));
    else {
      for (const msg of dns1123LabelErrors(String(v.name))) causes.push(invalid(at, quote(v.name), msg));
      names.add(v.name);
    }
  });
  return { causes, names };
}

function validatePorts(ports: Json[], at: string, portNames: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  ports.forEach((p, j) => {
    const pp = `${at}.ports[${j}]`;
    if (p.name) {
      const msgs = portNameErrors(String(p.name));
      if (msgs.length) for (const msg of msgs) causes.push(invalid(`${pp}.name`, quote(p.name), msg));
      else if (portNames.has(p.name)) causes.push(duplicate(`${pp}.name`, p.name));
      else portNames.add(p.name);
    }
    if (!p.containerPort) causes.push(required(`${pp}.containerPort`));
    else causes.push(...portNumber(p.containerPort, `${pp}.containerPort`));
    if (!p.protocol) causes.push(required(`${pp}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) causes.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
  });
  return causes;
}

function validateContainer(c: Json, at: string, names: Set<string>, volumes: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!c.name) causes.push(required(`${at}.name`));
  else {
    for (const msg of dns1123LabelErrors(String(c.name))) causes.push(invalid(`${at}.name`, quote(c.name), msg));
    if (names.has(c.name)) causes.push(duplicate(`${at}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image) causes.push(required(`${at}.image`));
  causes.push(...validatePorts((c.ports ?? []) as Json[], at, new Set()));
  ((c.volumeMounts ?? []) as Json[]).forEach((m, k) => {
    const mp = `${at}.volumeMounts[${k}]`;
    if (!m.name) causes.push(required(`${mp}.name`));
    else if (!volumes.has(m.name)) causes.push(notFound(`${mp}.name`, m.name));
    if (!m.mountPath) causes.push(required(`${mp}.mountPath`));
  });
  if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) causes.push(notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  return causes;
}

/**
 * ValidatePodSpec's checks users hit: volumes named once, containers present, named as DNS labels
 * and unique (init containers included), an image each, ports, mounts of declared volumes, and the
 * restart and DNS policies.
 */
export function validatePodSpec(spec: Json | undefined, path: string): StatusCause[] {
  const s = spec ?? {};
  const { causes, names: volumes } = validateVolumes((s.volumes ?? []) as Json[], path);
  const containers = (s.containers ?? []) as Json[];
  const names = new Set<string>();
  if (!containers.length) causes.push(required(`${path}.containers`));
  containers.forEach((c, i) => causes.push(...validateContainer(c, `${path}.containers[${i}]`, names, volumes)));
  ((s.initContainers ?? []) as Json[]).forEach((c, i) => causes.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, volumes)));
  if (!s.restartPolicy) causes.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(s.restartPolicy)) causes.push(notSupported(`${path}.restartPolicy`, s.restartPolicy, RESTART_POLICIES));
  if (s.dnsPolicy && !DNS_POLICIES.includes(s.dnsPolicy)) causes.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  return causes;
}

/** A template's restart policy against what its controller supports (`Always` for apps, `OnFailure`/`Never` for Jobs). */
export function validateTemplateRestartPolicy(spec: Json | undefined, path: string, allowed: string[]): StatusCause[] {
  const policy = (spec?.restartPolicy as string | undefined) ?? '';
  if (allowed.includes(policy)) return [];
  return [notSupported(`${path}.restartPolicy`, policy, allowed)];
}
