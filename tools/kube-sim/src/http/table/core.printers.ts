import { KubeObject } from '../../store/kube-object';
import { age, humanDuration } from './human-duration';
import { ageCol, at, col, KindPrinter, labelsString, list, num, scalar, selectorString, str } from './printer-kit';

function podStatus(pod: KubeObject): string {
  let reason = str(at(pod, 'status', 'reason'), '') || str(at(pod, 'status', 'phase'), 'Pending');
  const inits = list(at(pod, 'status', 'initContainerStatuses'));
  for (const [i, s] of inits.entries()) {
    const term = at(s, 'state', 'terminated');
    if (term && num(at(term, 'exitCode')) === 0) continue;
    if (term) reason = `Init:${str(at(term, 'reason'), `ExitCode:${num(at(term, 'exitCode'))}`)}`;
    else if (str(at(s, 'state', 'waiting', 'reason'), '') && at(s, 'state', 'waiting', 'reason') !== 'PodInitializing') reason = `Init:${str(at(s, 'state', 'waiting', 'reason'))}`;
    else reason = `Init:${i}/${list(at(pod, 'spec', 'initContainers')).length}`;
    return reason;
  }
  let running = false;
  for (const s of [...list(at(pod, 'status', 'containerStatuses'))].reverse()) {
    const waiting = str(at(s, 'state', 'waiting', 'reason'), '');
    const term = at(s, 'state', 'terminated');
    if (waiting) reason = waiting;
    else if (term) reason = str(at(term, 'reason'), '') || (num(at(term, 'signal')) ? `Signal:${num(at(term, 'signal'))}` : `ExitCode:${num(at(term, 'exitCode'))}`);
    else if (at(s, 'ready') && at(s, 'state', 'running')) running = true;
  }
  if (reason === 'Completed' && running) reason = 'Running';
  if (at(pod, 'metadata', 'deletionTimestamp')) reason = 'Terminating';
  return reason;
}

function podRestarts(pod: KubeObject, now: Date): string {
  let restarts = 0;
  let last = 0;
  for (const s of list(at(pod, 'status', 'containerStatuses'))) {
    restarts += num(at(s, 'restartCount'));
    const finished = at(s, 'lastState', 'terminated', 'finishedAt');
    if (typeof finished === 'string') last = Math.max(last, Date.parse(finished));
  }
  return last && restarts ? `${restarts} (${humanDuration(now.getTime() - last)} ago)` : String(restarts);
}

const pod: KindPrinter = {
  columns: [col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'), col('Status', 'string', 'The aggregate status of the containers in this pod.'), col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'), ageCol(), col('IP', 'string', 'IP address allocated to the pod.', 1), col('Node', 'string', 'Name of the node this pod is running on.', 1), col('Nominated Node', 'string', 'Name of the node where the pod was nominated.', 1), col('Readiness Gates', 'string', 'Pod readiness gates.', 1)],
  cells: (o, { now }) => {
    const statuses = list(at(o, 'status', 'containerStatuses'));
    const ready = statuses.filter((s) => at(s, 'ready') === true).length;
    const gates = list(at(o, 'spec', 'readinessGates'));
    return [`${ready}/${list(at(o, 'spec', 'containers')).length}`, podStatus(o), podRestarts(o, now), age(o.metadata.creationTimestamp, now), str(at(o, 'status', 'podIP')), str(at(o, 'spec', 'nodeName')), str(at(o, 'status', 'nominatedNodeName')), gates.length ? `0/${gates.length}` : '<none>'];
  },
};

function servicePorts(svc: KubeObject): string {
  const ports = list(at(svc, 'spec', 'ports')).map((p) => `${num(at(p, 'port'))}${at(p, 'nodePort') ? `:${num(at(p, 'nodePort'))}` : ''}/${str(at(p, 'protocol'), 'TCP')}`);
  return ports.length ? ports.join(',') : '<none>';
}

function externalIp(svc: KubeObject): string {
  const type = at(svc, 'spec', 'type');
  const external = list(at(svc, 'spec', 'externalIPs')).map(String);
  if (type === 'ExternalName') return str(at(svc, 'spec', 'externalName'));
  if (type === 'LoadBalancer') {
    const lb = list(at(svc, 'status', 'loadBalancer', 'ingress')).map((i) => str(at(i, 'ip'), '') || str(at(i, 'hostname'), ''));
    const all = [...lb, ...external].filter(Boolean);
    return all.length ? all.join(',') : '<pending>';
  }
  return external.length ? external.join(',') : '<none>';
}

const service: KindPrinter = {
  columns: [col('Type', 'string', 'The type of the service.'), col('Cluster-IP', 'string', 'The IP address of the service.'), col('External-IP', 'string', 'The external IP address of the service.'), col('Port(s)', 'string', 'The ports exposed by the service.'), ageCol(), col('Selector', 'string', 'The label selector of the service.', 1)],
  cells: (o, { now }) => [str(at(o, 'spec', 'type'), 'ClusterIP'), str(at(o, 'spec', 'clusterIP')), externalIp(o), servicePorts(o), age(o.metadata.creationTimestamp, now), labelsString(at(o, 'spec', 'selector'))],
};

const count = (v: unknown): number => (v && typeof v === 'object' ? Object.keys(v).length : 0);
const accessModes = (modes: unknown): string =>
  list(modes)
    .map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[String(m)] ?? String(m))
    .join(',');

export const corePrinters: Record<string, KindPrinter> = {
  Pod: pod,
  Service: service,
  ConfigMap: { columns: [col('Data', 'integer', 'Number of data in configmap'), ageCol()], cells: (o, { now }) => [count(o.data) + count(o.binaryData), age(o.metadata.creationTimestamp, now)] },
  Secret: { columns: [col('Type', 'string', 'The type of the secret'), col('Data', 'integer', 'Number of data in the secret'), ageCol()], cells: (o, { now }) => [str(o.type, 'Opaque'), count(o.data), age(o.metadata.creationTimestamp, now)] },
  Namespace: { columns: [col('Status', 'string', 'The status of the namespace'), ageCol()], cells: (o, { now }) => [str(at(o, 'status', 'phase'), 'Active'), age(o.metadata.creationTimestamp, now)] },
  ServiceAccount: { columns: [col('Secrets', 'string', 'Secrets is the list of secrets allowed to be used by pods running using this ServiceAccount.'), ageCol()], cells: (o, { now }) => [list(o.secrets).length, age(o.metadata.creationTimestamp, now)] },
  PersistentVolumeClaim: {
    columns: [col('Status', 'string', 'The phase of the claim.'), col('Volume', 'string', 'The bound volume.'), col('Capacity', 'string', 'The capacity of the bound volume.'), col('Access Modes', 'string', 'The access modes of the bound volume.'), col('StorageClass', 'string', 'The storage class of the claim.'), col('VolumeAttributesClass', 'string', 'The volume attributes class of the claim.'), ageCol(), col('VolumeMode', 'string', 'The volume mode of the claim.', 1)],
    cells: (o, { now }) => [str(at(o, 'status', 'phase'), 'Pending'), str(at(o, 'spec', 'volumeName'), ''), str(at(o, 'status', 'capacity', 'storage'), ''), accessModes(at(o, 'status', 'accessModes')), str(at(o, 'spec', 'storageClassName')), str(at(o, 'spec', 'volumeAttributesClassName')), age(o.metadata.creationTimestamp, now), str(at(o, 'spec', 'volumeMode'), 'Filesystem')],
  },
  PersistentVolume: {
    columns: [col('Capacity', 'string', 'The capacity.'), col('Access Modes', 'string', 'The access modes.'), col('Reclaim Policy', 'string', 'The reclaim policy.'), col('Status', 'string', 'The phase.'), col('Claim', 'string', 'The bound claim.'), col('StorageClass', 'string', 'The storage class.'), col('VolumeAttributesClass', 'string', 'The volume attributes class.'), col('Reason', 'string', 'The reason.'), ageCol()],
    cells: (o, { now }) => [str(at(o, 'spec', 'capacity', 'storage'), ''), accessModes(at(o, 'spec', 'accessModes')), str(at(o, 'spec', 'persistentVolumeReclaimPolicy'), 'Retain'), str(at(o, 'status', 'phase'), 'Pending'), at(o, 'spec', 'claimRef') ? `${str(at(o, 'spec', 'claimRef', 'namespace'), '')}/${str(at(o, 'spec', 'claimRef', 'name'), '')}` : '', str(at(o, 'spec', 'storageClassName'), ''), str(at(o, 'spec', 'volumeAttributesClassName')), str(at(o, 'status', 'reason'), ''), age(o.metadata.creationTimestamp, now)],
  },
  Node: {
    columns: [col('Status', 'string', 'The status of the node'), col('Roles', 'string', 'The roles of the node'), ageCol(), col('Version', 'string', 'Kubelet Version reported by the node.'), col('Internal-IP', 'string', 'Internal IP.', 1)],
    cells: (o, { now }) => {
      const ready = list(at(o, 'status', 'conditions')).find((c) => at(c, 'type') === 'Ready');
      return [at(ready, 'status') === 'True' ? 'Ready' : 'NotReady', '<none>', age(o.metadata.creationTimestamp, now), str(at(o, 'status', 'nodeInfo', 'kubeletVersion'), ''), str(at(list(at(o, 'status', 'addresses')).find((a) => at(a, 'type') === 'InternalIP'), 'address'))];
    },
  },
  Endpoints: {
    columns: [col('Endpoints', 'string', 'Endpoints of the service'), ageCol()],
    cells: (o, { now }) => {
      const eps = list(o.subsets).flatMap((s) => list(at(s, 'addresses')).flatMap((a) => list(at(s, 'ports')).map((p) => `${str(at(a, 'ip'), '')}:${num(at(p, 'port'))}`)));
      return [eps.length ? eps.join(',') : '<none>', age(o.metadata.creationTimestamp, now)];
    },
  },
  Event: {
    columns: [col('Last Seen', 'string', 'Time since the event was last seen.'), col('Type', 'string', 'The type of the event.'), col('Reason', 'string', 'The reason of the event.'), col('Object', 'string', 'The object the event is about.'), col('Message', 'string', 'The message of the event.')],
    cells: (o, { now }) => [age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, now), str(o.type, ''), str(o.reason, ''), `${scalar(at(o, 'involvedObject', 'kind'), '').toLowerCase()}/${str(at(o, 'involvedObject', 'name'), '')}`, str(o.message, '')],
  },
  NetworkPolicy: { columns: [col('Pod-Selector', 'string', 'The pods the policy applies to.'), ageCol()], cells: (o, { now }) => [selectorString(at(o, 'spec', 'podSelector')), age(o.metadata.creationTimestamp, now)] },
};
