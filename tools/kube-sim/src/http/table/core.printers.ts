import { KubeObject } from '../../store/kube-object';
import { since, timestampMs } from './human-duration';
import { AGE_COLUMN, at, col, int, KindPrinter, list, NAME_COLUMN, PrintContext, scalar, str } from './printer-kit';
import { formatLabels } from './selector-format';

const age = (o: KubeObject, now: number): string => since(o.metadata.creationTimestamp, now);
const count = (v: unknown): number => (v && typeof v === 'object' ? Object.keys(v).length : 0);

/** Load-balancer ingress points, de-duplicated and sorted like kube's sets.NewString. */
export function loadBalancerAddresses(status: unknown): string {
  const found = new Set<string>();
  for (const i of list(at(status, 'ingress'))) {
    const address = str(at(i, 'ip')) || str(at(i, 'hostname'));
    if (address) found.add(address);
  }
  return [...found].sort().join(',');
}

function externalIp(svc: KubeObject): string {
  const external = list(at(svc, 'spec', 'externalIPs')).map(String);
  switch (str(at(svc, 'spec', 'type'), 'ClusterIP')) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(at(svc, 'status', 'loadBalancer'));
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(at(svc, 'spec', 'externalName'));
    default:
      return '<unknown>';
  }
}

function servicePorts(svc: KubeObject): string {
  let out = '';
  for (const p of list(at(svc, 'spec', 'ports'))) {
    const nodePort = int(at(p, 'nodePort'));
    out += `${out ? ',' : ''}${int(at(p, 'port'))}${nodePort > 0 ? `:${nodePort}` : ''}/${str(at(p, 'protocol'), 'TCP')}`;
  }
  return out || '<none>';
}

/** net.JoinHostPort: IPv6 addresses get brackets. */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** kube's formatEndpoints: the first three `ip:port`, then `+ N more...`. */
function formatEndpoints(ep: KubeObject): string {
  const subsets = list(ep.subsets);
  if (!subsets.length) return '<none>';
  const shown: string[] = [];
  let total = 0;
  for (const ss of subsets) {
    const addresses = list(at(ss, 'addresses'));
    const ports = list(at(ss, 'ports'));
    if (!ports.length) {
      total += addresses.length;
      for (const a of addresses) if (shown.length < 3) shown.push(str(at(a, 'ip')));
      continue;
    }
    for (const p of ports) {
      total += addresses.length;
      for (const a of addresses) if (shown.length < 3) shown.push(hostPort(str(at(a, 'ip')), int(at(p, 'port'))));
    }
  }
  return total > 3 ? `${shown.join(',')} + ${total - 3} more...` : shown.join(',');
}

function eventCells(e: KubeObject, { now }: PrintContext): unknown[] {
  const first = timestampMs(e.firstTimestamp) !== undefined ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  let last = timestampMs(e.lastTimestamp) !== undefined ? since(e.lastTimestamp, now) : first;
  let times = int(e.count);
  if (e.series && typeof e.series === 'object') {
    last = since(at(e.series, 'lastObservedTime'), now);
    times = int(at(e.series, 'count'));
  } else if (times === 0) times = 1;
  const kind = str(at(e, 'involvedObject', 'kind')).toLowerCase();
  const target = str(at(e, 'involvedObject', 'name')) ? `${kind}/${str(at(e, 'involvedObject', 'name'))}` : kind;
  const component = str(at(e, 'source', 'component')) || str(e.reportingComponent);
  const instance = str(at(e, 'source', 'host')) || str(e.reportingInstance);
  const source = instance ? `${component}, ${instance}` : component;
  const message = str(e.message).trim();
  return [
    last,
    str(e.type),
    str(e.reason),
    target,
    str(at(e, 'involvedObject', 'fieldPath')),
    source,
    message,
    first,
    times,
    e.metadata.name,
  ];
}

function nodeStatus(node: KubeObject): string {
  const ready = list(at(node, 'status', 'conditions')).find((c) => at(c, 'type') === 'Ready');
  const status = ready ? (at(ready, 'status') === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
  return at(node, 'spec', 'unschedulable') === true ? `${status},SchedulingDisabled` : status;
}

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels. */
function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length)
      roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

const nodeAddress = (node: KubeObject, type: string): string =>
  str(
    at(
      list(at(node, 'status', 'addresses')).find((a) => at(a, 'type') === type),
      'address',
    ),
    '<none>',
  );

function nodeCells(node: KubeObject, { now }: PrintContext): unknown[] {
  const info = at(node, 'status', 'nodeInfo');
  return [
    node.metadata.name,
    nodeStatus(node),
    nodeRoles(node),
    age(node, now),
    str(at(info, 'kubeletVersion')),
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    str(at(info, 'osImage'), '<unknown>'),
    str(at(info, 'kernelVersion'), '<unknown>'),
    str(at(info, 'containerRuntimeVersion'), '<unknown>'),
  ];
}

/** Requests and limits as `resource: used/hard`, limits.* in their own column, sorted by resource name. */
function quotaCells(q: KubeObject, { now }: PrintContext): unknown[] {
  const hard = (at(q, 'status', 'hard') ?? {}) as Record<string, unknown>;
  const used = (at(q, 'status', 'used') ?? {}) as Record<string, unknown>;
  const requests: string[] = [];
  const limits: string[] = [];
  for (const r of Object.keys(hard).sort()) {
    (r.split('.')[0] === 'limits' && r.includes('.') ? limits : requests).push(`${r}: ${scalar(used[r], '0')}/${scalar(hard[r], '0')}`);
  }
  return [q.metadata.name, requests.join(', '), limits.join(', '), age(q, now)];
}

export const corePrinters: Record<string, KindPrinter> = {
  Service: {
    columns: [
      NAME_COLUMN,
      col('Type', 'string', 'type determines how the Service is exposed.'),
      col('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
      col(
        'External-IP',
        'string',
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
      ),
      col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
      AGE_COLUMN,
      col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1),
    ],
    cells: (o, { now }) => [
      o.metadata.name,
      str(at(o, 'spec', 'type'), 'ClusterIP'),
      str(at(o, 'spec', 'clusterIPs', 0)) || str(at(o, 'spec', 'clusterIP'), '<none>'),
      externalIp(o),
      servicePorts(o),
      age(o, now),
      formatLabels(at(o, 'spec', 'selector')),
    ],
  },
  ConfigMap: {
    columns: [NAME_COLUMN, col('Data', 'string', 'Data contains the configuration data.'), AGE_COLUMN],
    cells: (o, { now }) => [o.metadata.name, count(o.data) + count(o.binaryData), age(o, now)],
  },
  Secret: {
    columns: [
      NAME_COLUMN,
      col('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
      col('Data', 'string', 'Data contains the secret data.'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [o.metadata.name, str(o.type, 'Opaque'), count(o.data), age(o, now)],
  },
  Namespace: {
    columns: [NAME_COLUMN, col('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
    cells: (o, { now }) => [o.metadata.name, str(at(o, 'status', 'phase'), 'Active'), age(o, now)],
  },
  ServiceAccount: {
    columns: [
      NAME_COLUMN,
      col(
        'Secrets',
        'string',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
      ),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [o.metadata.name, list(o.secrets).length, age(o, now)],
  },
  Endpoints: {
    columns: [NAME_COLUMN, col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), AGE_COLUMN],
    cells: (o, { now }) => [o.metadata.name, formatEndpoints(o), age(o, now)],
  },
  Event: {
    columns: [
      col('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
      col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
      col(
        'Reason',
        'string',
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      col('Object', 'string', 'The object that this event is about.'),
      col(
        'Subobject',
        'string',
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.',
        1,
      ),
      col('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
      col('Message', 'string', 'A human-readable description of the status of this operation.'),
      col('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
      col('Count', 'string', 'The number of times this event has occurred.', 1),
      { ...NAME_COLUMN, priority: 1 },
    ],
    cells: eventCells,
  },
  Node: {
    columns: [
      NAME_COLUMN,
      col('Status', 'string', 'The status of the node'),
      col('Roles', 'string', 'The roles of the node'),
      AGE_COLUMN,
      col('Version', 'string', 'Kubelet Version reported by the node.'),
      col('Internal-IP', 'string', 'List of addresses reachable to the node.', 1),
      col('External-IP', 'string', 'List of addresses reachable to the node.', 1),
      col('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
      col('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
      col(
        'Container-Runtime',
        'string',
        'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
        1,
      ),
    ],
    cells: nodeCells,
  },
  ResourceQuota: {
    columns: [
      NAME_COLUMN,
      col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
      col(
        'Limit',
        'string',
        'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
      ),
      AGE_COLUMN,
    ],
    cells: quotaCells,
  },
};
